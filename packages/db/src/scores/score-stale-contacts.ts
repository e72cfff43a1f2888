import { contactContributions } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { type EditionLookup, loadEditionLookup } from '../repositories/edition-lookup';
import { ANSWER_LISTS_SQL } from '../results/packed-answers';
import { type BatchRow, evaluationBatchFromRows } from '../results/read-evaluation-batch';
import { readDefinitionVersion } from './definition-version';
import { scoreLayout } from './score-layout';
import { compiledFor } from './score-written-evaluations';
import { writeContactScores } from './write-contact-scores';

/** Evaluations of the edition without a score of the current definition version (none written, or stale). */
const STALE_WHERE = `e."editionId" = (SELECT "id" FROM "Edition" WHERE "key" = $1)
  AND NOT EXISTS (SELECT 1 FROM "ContactScore" s WHERE s."evaluationId" = e."id" AND s."definitionVersion" = $2::bigint)`;

const COUNT_STALE_SQL = `SELECT count(*)::int AS "stale" FROM "Evaluation" e WHERE ${STALE_WHERE}`;

/** Everything scoring reads of the stale evaluations, as the results read names it, plus the ids to store under. */
const STALE_ROWS_SQL = `
SELECT e."id" AS "evaluationId", e."companyId", e."contactId" AS "id", c."key" AS "companyKey",
       e."channelKey" AS "channel", e."answered", e."waitingTime", ${ANSWER_LISTS_SQL('e')}
FROM "Evaluation" e JOIN "Company" c ON c."id" = e."companyId"
WHERE ${STALE_WHERE}`;

/** Scoring many contacts at once: one statement per slice keeps each statement's parameters small. */
const WRITE_SLICE = 2000;

/**
 * Makes every evaluation of the edition have a score of the edition's current definition version, scoring the
 * ones that have none (the domain scores them, as when they were written): after a definition change, after an
 * evaluation was changed by a statement that did not score it, or for data written before scores were stored.
 * Cheap when nothing is stale (one count). Concurrent callers (other requests, other API replicas) wait for one
 * another per edition (an advisory lock), so the work is done once and nobody sums half-scored contacts.
 * Returns how many contacts were scored.
 */
export async function scoreStaleContacts(
  db: Pick<Database, 'prisma' | 'sql'>,
  editionKey: string,
  /** The edition as loaded by the caller; its definition version is the one made current. */
  loaded?: EditionLookup,
): Promise<number> {
  const version = loaded?.definitionVersion ?? (await readDefinitionVersion(db.sql, editionKey));
  if (version === null) return 0;
  const [{ stale = 0 } = {}] = await db.sql.query<{ stale: number }>(COUNT_STALE_SQL, [editionKey, version]);
  if (stale === 0) return 0;
  // Loaded before the transaction: on PGlite (one connection) a Prisma read inside it would wait for it forever.
  const lookup = loaded ?? (await loadEditionLookup(db, editionKey));
  return db.sql.transaction(async (tx) => {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('ksp.contact_scores'), e."id") FROM "Edition" e WHERE e."key" = $1`,
      [editionKey],
    );
    // Read after the lock: another caller may have done the work, or the definition changed meanwhile.
    const current = (await readDefinitionVersion(tx, editionKey)) as string;
    if (lookup.definitionVersion !== current) return 0; // changed since: the next read scores it
    const rows = await tx.query<BatchRow & { evaluationId: string; companyId: number }>(STALE_ROWS_SQL, [
      editionKey,
      current,
    ]);
    const compiled = compiledFor(lookup.edition);
    const contributions = contactContributions(compiled, evaluationBatchFromRows(rows, lookup));
    const stamp = { editionId: lookup.id, definitionVersion: current, layout: scoreLayout(compiled) };
    for (let from = 0; from < rows.length; from += WRITE_SLICE) {
      await writeContactScores(
        tx,
        stamp,
        rows.slice(from, from + WRITE_SLICE).map((row, i) => ({
          evaluationId: row.evaluationId,
          companyId: row.companyId,
          contribution: contributions[from + i] as (typeof contributions)[number],
        })),
      );
    }
    return rows.length;
  });
}
