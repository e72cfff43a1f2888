import type { ChangeKind, DefinitionChange, EditionDiff } from '@ksp/domain';
import type { EditionDiffQuery } from '../generated/gql/graphql';

type ApiDiff = Extract<EditionDiffQuery['editionDiff'], { __typename: 'EditionDiff' }>;

/** The API's diff (summaries fetched in both languages as `nb`/`en`) as the domain's `EditionDiff`. */
export function diffFromApi(api: ApiDiff): EditionDiff {
  return {
    fromKey: api.fromKey,
    toKey: api.toKey,
    changes: api.changes.map((c) => ({
      level: c.level as DefinitionChange['level'],
      kind: c.kind as ChangeKind,
      key: c.key,
      path: c.path,
      areaKey: c.areaKey ?? null,
      performanceKey: c.performanceKey ?? null,
      before: c.before,
      after: c.after,
      summary: { nb: c.nb, en: c.en },
      affectsScores: c.affectsScores,
      affectsTotal: c.affectsTotal,
    })),
  };
}
