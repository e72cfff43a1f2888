import type { Locale } from '@ksp/domain';

const tags: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A score in percent with one decimal, e.g. 94,7 (nb) or 94.7 (en). */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(tags[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A number for display, with at most `maxFractionDigits` decimals (3 by default) and, if asked, always a sign. */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 3, signed = false): string {
  return new Intl.NumberFormat(tags[locale], {
    maximumFractionDigits: maxFractionDigits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Names as a list in words: "A, B og C" (nb) or "A, B and C" (en). */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(tags[locale], { type: 'conjunction' }).format(items);
}
