import { z } from 'zod';

/** Locales a survey text can be written in. Norwegian bokmål is the source language. */
export const LOCALES = ['nb', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** A text in one or more locales, e.g. `{ nb: 'Telefon', en: 'Telephone' }`. */
export const localizedTextSchema = z.partialRecord(localeSchema, z.string().trim().min(1));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The text in the wanted locale, falling back to bokmål, then to any locale present. */
export function textIn(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.nb ?? Object.values(text)[0] ?? '';
}
