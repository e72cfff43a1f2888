import type { Area, Edition, Locale, LocalizedText, Performance, Question } from '@ksp/domain';

/** The edition's locales that a text has no (non-blank) translation in. */
export function missingLocales(text: LocalizedText, locales: readonly Locale[]): Locale[] {
  return locales.filter((locale) => !text[locale]?.trim());
}

const questionTexts = (q: Question) => [q.text, ...q.options.map((o) => o.label)];
const performanceTexts = (p: Performance) => [p.name, p.description, ...p.questions.flatMap(questionTexts)];
const areaTexts = (a: Area) => [a.name, a.description, ...a.performances.flatMap(performanceTexts)];

/** How many texts in an item (and everything under it) lack a translation. */
export function countMissing(
  item: { area: Area } | { performance: Performance } | { question: Question },
  locales: readonly Locale[],
): number {
  const texts =
    'area' in item
      ? areaTexts(item.area)
      : 'performance' in item
        ? performanceTexts(item.performance)
        : questionTexts(item.question);
  return texts.filter((text) => missingLocales(text, locales).length > 0).length;
}

export function countMissingInEdition(edition: Edition): number {
  return edition.areas.reduce((sum, area) => sum + countMissing({ area }, edition.locales), 0);
}
