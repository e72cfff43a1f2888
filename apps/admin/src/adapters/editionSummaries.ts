import type { EditionSummary } from '../features/editions/types';
import type { EditionsQuery } from '../generated/gql/graphql';

/** The editions query's rows as the list's summaries; evaluation counts come from their own query. */
export function editionSummaries(
  editions: EditionsQuery['editions'],
  evaluationCounts: ReadonlyMap<string, number>,
): EditionSummary[] {
  return editions.map((edition) => ({
    key: edition.key,
    year: edition.year,
    name: edition.name,
    status: edition.status,
    derivedFrom: edition.derivedFrom?.key ?? null,
    companyCount: edition.participants.length,
    evaluationCount: evaluationCounts.get(edition.key) ?? 0,
  }));
}
