import type { Edition } from '@ksp/domain';
import type { EditionDefinitionQuery } from '../generated/gql/graphql';
import { toLocalizedText } from './localizedText';

export type ApiEdition = NonNullable<EditionDefinitionQuery['edition']>;

/**
 * Optimistic-locking versions of every definition item, keyed `channel:<key>`, `area:<key>`,
 * `performance:<key>`, `question:<key>` and `option:<questionKey>/<key>` (see `versionKey`).
 */
export type ItemVersions = ReadonlyMap<string, number>;

export type VersionedLevel = 'channel' | 'area' | 'performance' | 'question' | 'option';

/** The key of an item in `ItemVersions`; options are unique only within their question. */
export const versionKey = (level: VersionedLevel, key: string, questionKey?: string) =>
  level === 'option' ? `option:${questionKey}/${key}` : `${level}:${key}`;

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
        questions: p.questions.map((q) => ({
          key: q.key,
          text: toLocalizedText(q.textTranslations),
          order: q.order,
          type: q.type,
          channels: [...q.channels],
          scored: q.scored,
          allowNotApplicable: q.allowNotApplicable,
          required: q.required,
          cxMetric: q.cxMetric ?? null,
          critical: q.critical ?? null,
          bonus: q.bonus,
          options: q.options.map((o) => ({
            key: o.key,
            label: toLocalizedText(o.labelTranslations),
            order: o.order,
            points: o.points ?? null,
            value: o.value ?? null,
          })),
        })),
      })),
    })),
  };
}

export function itemVersions(api: ApiEdition): ItemVersions {
  const versions = new Map<string, number>();
  for (const c of api.channels) versions.set(versionKey('channel', c.key), c.version);
  for (const a of api.areas) {
    versions.set(versionKey('area', a.key), a.version);
    for (const p of a.performances) {
      versions.set(versionKey('performance', p.key), p.version);
      for (const q of p.questions) {
        versions.set(versionKey('question', q.key), q.version);
        for (const o of q.options) versions.set(versionKey('option', o.key, q.key), o.version);
      }
    }
  }
  return versions;
}
