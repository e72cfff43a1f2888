import type { EditionLineageQuery } from '../../generated/gql/graphql';

type ApiLineage = Extract<EditionLineageQuery['editionLineage'], { __typename: 'EditionLineage' }>;
export type LineageRow = ApiLineage['items'][number];

/** The items to list: of one level (or all), and only those not `identical` when asked. Survey order is kept. */
export function visibleLineage(
  items: readonly LineageRow[],
  { level, onlyChanged }: { level: '' | LineageRow['level']; onlyChanged: boolean },
): LineageRow[] {
  return items.filter(
    (item) => (!level || item.level === level) && (!onlyChanged || item.mark !== 'identical'),
  );
}
