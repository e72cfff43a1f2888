import { LOCALES, type Locale, type LocalizedText, textIn } from '@ksp/domain';
import { builder } from '../builder';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'A language survey texts are written in.',
  values: {
    nb: { value: LOCALES[0], description: 'Norwegian bokmål, the source language.' },
    en: { value: LOCALES[1], description: 'English.' },
  } as const,
});

/** `(locale: Locale = nb)` for every localized text field; missing translations fall back to bokmål. */
export const localeArgs = builder.args((t) => ({
  locale: t.field({
    type: LocaleEnum,
    required: true,
    defaultValue: 'nb',
    description: 'The language wanted; a missing translation falls back to bokmål.',
  }),
}));

/** A text has one entry per locale (two today), not the default 10-fold list: keeps deep definition queries affordable. */
export const translationListComplexity = { field: 1, multiplier: LOCALES.length };

export type Translation = { locale: Locale; text: string };

export const TranslationType = builder.objectRef<Translation>('Translation').implement({
  description: 'A text in one language.',
  fields: (t) => ({
    locale: t.field({ type: LocaleEnum, description: 'The language.', resolve: (tr) => tr.locale }),
    text: t.exposeString('text', { description: 'The text.' }),
  }),
});

export const TranslationInput = builder.inputType('TranslationInput', {
  description: 'A text in one language.',
  fields: (t) => ({
    locale: t.field({ type: LocaleEnum, required: true, description: 'The language.' }),
    text: t.string({ required: true, description: 'The text (not empty).' }),
  }),
});

/** A stored `{ nb, en }` JSON value as a list of translations, in LOCALES order. */
export function translationsOf(json: unknown): Translation[] {
  const text = (json ?? {}) as LocalizedText;
  return LOCALES.flatMap((locale) => (text[locale] ? [{ locale, text: text[locale] }] : []));
}

export function localizedIn(json: unknown, locale: Locale): string {
  return textIn(json as LocalizedText, locale);
}

/** Translations from the API → the stored JSON map. */
export function localizedTextOf(translations: readonly Translation[]): LocalizedText {
  return Object.fromEntries(translations.map(({ locale, text }) => [locale, text]));
}
