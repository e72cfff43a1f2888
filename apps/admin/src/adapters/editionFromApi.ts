import type { Edition, LocalizedText } from '@ksp/domain';
import type { EditionDefinitionQuery } from '../generated/gql/graphql';
import { toLocalizedText } from './localizedText';

export type ApiEdition = NonNullable<EditionDefinitionQuery['edition']>;

/** Optimistic-locking versions of the items the editor saves, keyed `area:<key>` / `channel:<key>`. */
export type ItemVersions = ReadonlyMap<string, number>;

/**
 * Questions and options come in survey order, so their position is their order.
 * Question and option texts come as `(locale: nb)` / `(locale: en)` pairs (the translation lists would push the
 * query over the API's complexity limit). The API falls back to bokmål, so an English text equal to the bokmål
 * one is taken as present: a missing translation at this level is not flagged.
 */
function fromLocaleTexts(nb: string, en: string): LocalizedText {
  return { ...(nb ? { nb } : {}), ...(en ? { en } : {}) };
}

/** The API's edition as the domain's `Edition`, so the editor and the observer form use the domain rules on it. */
export function editionFromApi(api: ApiEdition): Edition {
  return {
    key: api.key,
    year: api.year,
    name: api.name,
    status: api.status,
    locales: [...api.locales],
    derivedFrom: api.derivedFrom?.key ?? null,
    scoring: {
      areaWeighting: api.scoring.areaWeighting as Edition['scoring']['areaWeighting'],
      contactWeighting: api.scoring.contactWeighting as Edition['scoring']['contactWeighting'],
      headlineAreaKey: api.scoring.headlineAreaKey ?? null,
    },
    awards: { ...api.awards },
    channels: api.channels.map((c) => ({
      key: c.key,
      name: toLocalizedText(c.nameTranslations),
      order: c.order,
      waitUnit: c.waitUnit,
      maxWait: c.maxWait,
      waitingBands: c.waitingBands.map((band) => ({ upTo: band.upTo, points: band.points })),
      attempts: {
        maxAttempts: c.maxAttempts,
        retryOnAnotherDay: c.retryOnAnotherDay,
        lateAnswerCounts: c.lateAnswerCounts,
      },
      weight: c.weight ?? null,
    })),
    areas: api.areas.map((area) => ({
      key: area.key,
      name: toLocalizedText(area.nameTranslations),
      description: toLocalizedText(area.descriptionTranslations),
      order: area.order,
      counting: area.counting,
      weight: area.weight ?? null,
      performances: area.performances.map((p) => ({
        key: p.key,
        name: toLocalizedText(p.nameTranslations),
        description: toLocalizedText(p.descriptionTranslations),
        order: p.order,
        questions: p.questions.map((q, questionOrder) => ({
          key: q.key,
          text: fromLocaleTexts(q.textNb, q.textEn),
          order: questionOrder,
          type: q.type,
          channels: [...q.channels],
          scored: q.scored,
          allowNotApplicable: q.allowNotApplicable,
          required: q.required,
          cxMetric: q.cxMetric ?? null,
          critical: q.critical ?? null,
          bonus: q.bonus,
          options: q.options.map((o, optionOrder) => ({
            key: o.key,
            label: fromLocaleTexts(o.labelNb, o.labelEn),
            order: optionOrder,
            points: o.points ?? null,
            value: o.value ?? null,
          })),
        })),
      })),
    })),
  };
}

export function itemVersions(api: ApiEdition): ItemVersions {
  return new Map([
    ...api.areas.map((a) => [`area:${a.key}`, a.version] as const),
    ...api.channels.map((c) => [`channel:${c.key}`, c.version] as const),
  ]);
}
