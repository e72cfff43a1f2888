import { type Database, editionResults, listIndustries, loadEdition } from '@ksp/db';
import { diffEditions, type EditionResults, type LocalizedText } from '@ksp/domain';
import type { ParticipantReportSource } from './participant-report';
import type { ResultsExportSource } from './results-tables';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** Where results come from: the database layer by default; the API passes its cache. */
export type ResultsReader = (editionKey: string) => Promise<EditionResults>;

/** Everything a results export needs, read from the database. */
export async function loadResultsSource(
  db: Db,
  editionKey: string,
  readResults: ResultsReader = (key) => editionResults(db, key),
): Promise<ResultsExportSource> {
  const [edition, results, industries] = await Promise.all([
    loadEdition(db, editionKey),
    readResults(editionKey),
    listIndustries(db),
  ]);
  return {
    edition,
    results,
    industryNames: new Map<string, LocalizedText>(industries.map((i) => [i.key, i.name])),
  };
}

/**
 * A participant's report sources: the edition's results, and the edition it derives from ("last year")
 * with the definition diff between the two, when the company took part in it.
 * Throws NotFoundError-like errors from the database layer for an unknown edition; returns null for an unknown company.
 */
export async function loadParticipantReportSource(
  db: Db,
  editionKey: string,
  companyKey: string,
  readResults: ResultsReader = (key) => editionResults(db, key),
): Promise<ParticipantReportSource | null> {
  const current = await loadResultsSource(db, editionKey, readResults);
  if (!current.results.companies.some((c) => c.companyKey === companyKey)) return null;
  const previousKey = current.edition.derivedFrom;
  if (!previousKey) return { ...current, companyKey, previous: null };
  const [previousEdition, previousResults] = await Promise.all([
    loadEdition(db, previousKey),
    readResults(previousKey),
  ]);
  const tookPart = previousResults.companies.some((c) => c.companyKey === companyKey);
  return {
    ...current,
    companyKey,
    previous: tookPart
      ? {
          edition: previousEdition,
          results: previousResults,
          diff: diffEditions(previousEdition, current.edition),
        }
      : null,
  };
}
