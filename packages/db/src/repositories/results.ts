import { computeEditionResults, type EditionResults } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { evaluationBatchFromRows, readBatchRows } from '../results/read-evaluation-batch';
import { loadEditionLookup } from './edition-lookup';
import { listParticipants } from './participations';

/** Slices of the evaluations read at once on PostgreSQL (a query runs on one core; PGlite has one anyway). */
export const POSTGRES_READ_PARTS = 2;

/**
 * An edition's results: its evaluations are read in one query (answers packed per evaluation; on PostgreSQL as
 * two slices at once), turned into the domain's EvaluationBatch and scored by the domain's
 * computeEditionResults, so the numbers are the domain's by construction. The definition, the participants and
 * the evaluations are read at the same time (separate connections on PostgreSQL). Every participating company
 * gets a result, also one without contacts.
 */
export async function editionResults(
  db: Pick<Database, 'prisma' | 'sql'> & Partial<Pick<Database, 'kind'>>,
  editionKey: string,
): Promise<EditionResults> {
  const [lookup, participants, rows] = await Promise.all([
    loadEditionLookup(db, editionKey),
    listParticipants(db, editionKey),
    readBatchRows(db.sql, editionKey, db.kind === 'postgres' ? POSTGRES_READ_PARTS : 1),
  ]);
  const companies = participants.map(({ key, name, industryKey }) => ({ key, name, industryKey }));
  return computeEditionResults(lookup.edition, evaluationBatchFromRows(rows, lookup), companies);
}
