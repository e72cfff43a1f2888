import type { LocalizedText } from '@ksp/domain';

/** The API's `[{ locale, text }]` as the domain's `{ nb, en }`, and back. */
export function toLocalizedText(
  translations: ReadonlyArray<{ locale: string; text: string }>,
): LocalizedText {
  return Object.fromEntries(translations.map(({ locale, text }) => [locale, text])) as LocalizedText;
}

export function toTranslations(text: LocalizedText): Array<{ locale: 'nb' | 'en'; text: string }> {
  return Object.entries(text)
    .filter((entry): entry is ['nb' | 'en', string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([locale, value]) => ({ locale, text: value }));
}
