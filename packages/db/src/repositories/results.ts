import { computeEditionResults, type EditionResults, editionResultsFromSums } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { evaluationBatchFromRows, readBatchRows } from '../results/read-evaluation-batch';
import { readChannelSums, readPartSums } from '../scores/contribution-sums';
import { readDefinitionVersion } from '../scores/definition-version';
import { scoreLayout } from '../scores/score-layout';
import { scoreStaleContacts } from '../scores/score-stale-contacts';
import { compiledFor } from '../scores/score-written-evaluations';
import { loadEditionLookup } from './edition-lookup';
import { listParticipants } from './participations';

/** Slices of the evaluations read at once on PostgreSQL (a query runs on one core; PGlite has one anyway). */
export const POSTGRES_READ_PARTS = 2;

/** Tries before giving up when the definition keeps changing while the results are read. */
const READ_ATTEMPTS = 5;

type ResultsDb = Pick<Database, 'prisma' | 'sql'> & Partial<Pick<Database, 'kind'>>;

/**
 * An edition's results from its contacts' stored scores (written with each evaluation, docs/database.md
 * "Stored scores"): contacts without a current score are scored first (scoreStaleContacts), then the database
 * sums the stored figures per company and channel and per company and part, and the domain finishes them
 * (editionResultsFromSums: means, weighting, rankings, winners). Every participating company gets a result,
 * also one without contacts. Equal to scoring the answers (editionResultsFromAnswers; an oracle test proves it).
 */
export async function editionResults(db: ResultsDb, editionKey: string): Promise<EditionResults> {
  for (let attempt = 1; ; attempt++) {
    // The definition first (its version read before it): the scores summed below are of that version.
    const lookup = await loadEditionLookup(db, editionKey);
    const version = lookup.definitionVersion;
    await scoreStaleContacts(db, editionKey, lookup);
    const [participants, channelSums, partSums] = await Promise.all([
      listParticipants(db, editionKey),
      readChannelSums(db.sql, editionKey, version),
      readPartSums(db.sql, editionKey, version, scoreLayout(compiledFor(lookup.edition))),
    ]);
    // A definition change meanwhile may have scored contacts under the next version: then read again.
    if ((await readDefinitionVersion(db.sql, editionKey)) !== version && attempt < READ_ATTEMPTS) continue;
    return editionResultsFromSums(lookup.edition, participants, channelSums, partSums);
  }
}

/**
 * The same results scored from the raw answers (read in one query; on PostgreSQL as two slices at once) by the
 * domain's computeEditionResults: the oracle for the stored path, and the way for what is not stored.
 */
export async function editionResultsFromAnswers(db: ResultsDb, editionKey: string): Promise<EditionResults> {
  const [lookup, participants, rows] = await Promise.all([
    loadEditionLookup(db, editionKey),
    listParticipants(db, editionKey),
    readBatchRows(db.sql, editionKey, db.kind === 'postgres' ? POSTGRES_READ_PARTS : 1),
  ]);
  return computeEditionResults(lookup.edition, evaluationBatchFromRows(rows, lookup), participants);
}
