import { computeEditionResults, type EditionResults } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { loadEditionLookup } from './edition-lookup';
import { readEvaluations } from './evaluations';
import { listParticipants } from './participations';

/**
 * An edition's results: its evaluations are read in one query (answers aggregated per evaluation) and
 * scored by the domain's computeEditionResults, so the numbers are the domain's by construction.
 * Every participating company gets a result, also one without contacts.
 */
export async function editionResults(
  db: Pick<Database, 'prisma' | 'sql'>,
  editionKey: string,
): Promise<EditionResults> {
  const lookup = await loadEditionLookup(db, editionKey);
  const [participants, evaluations] = await Promise.all([
    listParticipants(db, editionKey),
    readEvaluations(db.sql, lookup, { comments: false }),
  ]);
  const companies = participants.map(({ key, name, industryKey }) => ({ key, name, industryKey }));
  return computeEditionResults(lookup.edition, evaluations, companies);
}
