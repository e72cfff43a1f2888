import { randomUUID } from 'node:crypto';
import type { Edition, EditionStatus, Evaluation } from '@ksp/domain';
import type { Database } from '../database/create-database';
import type { SqlExecutor } from '../database/sql-driver';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { enqueueWebhookEvent, type WebhookEventRecord } from '../webhooks/enqueue-webhook-event';
import { type EditionLookup, loadEditionLookup } from './edition-lookup';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** A company as a field-work import checks and writes it. */
export interface ImportCompany {
  id: number;
  key: string;
  participating: boolean;
  /** The participation's industry (the one it competes in this edition), else its current industry. */
  industryId: number;
  industryKey: string;
  /** Channels measured this edition; null when not taking part. */
  channels: string[] | null;
}

/**
 * Everything a field-work import needs from the database, loaded once: the edition (domain form and ids behind
 * its keys), companies with their participation, role plays and observers. Rows are then checked and written
 * without further look-ups.
 */
export interface ImportReferences {
  lookup: EditionLookup;
  edition: Edition;
  status: EditionStatus;
  companies: Map<string, ImportCompany>;
  rolePlayId: Map<string, number>;
  /** Lower-case e-mail → user id. */
  observerId: Map<string, string>;
}

export async function loadImportReferences(db: Db, editionKey: string): Promise<ImportReferences> {
  const lookup = await loadEditionLookup(db, editionKey);
  const [companies, participations, rolePlays, users] = await Promise.all([
    db.prisma.company.findMany({
      select: { id: true, key: true, industry: { select: { id: true, key: true } } },
    }),
    db.prisma.companyParticipation.findMany({
      where: { editionId: lookup.id },
      select: { companyId: true, channels: true, industry: { select: { id: true, key: true } } },
    }),
    db.prisma.rolePlay.findMany({ where: { editionId: lookup.id }, select: { id: true, key: true } }),
    db.prisma.user.findMany({ select: { id: true, email: true } }),
  ]);
  const participation = new Map(participations.map((p) => [p.companyId, p]));
  return {
    lookup,
    edition: lookup.edition,
    status: lookup.edition.status,
    companies: new Map(
      companies.map((c) => {
        const p = participation.get(c.id);
        const industry = p?.industry ?? c.industry;
        return [
          c.key,
          {
            id: c.id,
            key: c.key,
            participating: p !== undefined,
            industryId: industry.id,
            industryKey: industry.key,
            channels: p?.channels ?? null,
          },
        ];
      }),
    ),
    rolePlayId: new Map(rolePlays.map((r) => [r.key, r.id])),
    observerId: new Map(users.map((u) => [u.email.toLowerCase(), u.id])),
  };
}

/** Which of these contact ids the edition already holds (a dry run reports them as "would be skipped"). */
export async function findStoredContactIds(
  db: Pick<Database, 'sql'>,
  editionId: number,
  contactIds: readonly string[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  const CHUNK = 10_000;
  for (let start = 0; start < contactIds.length; start += CHUNK) {
    const rows = await db.sql.query<{ contactId: string }>(
      `SELECT "contactId" FROM "Evaluation" WHERE "editionId" = $1 AND "contactId" = ANY($2::text[])`,
      [editionId, contactIds.slice(start, start + CHUNK)],
    );
    for (const row of rows) stored.add(row.contactId);
  }
  return stored;
}

export interface ImportBatchResult {
  inserted: number;
  /** Contacts already stored (same edition and contact id): left as they are. */
  skipped: number;
}

/** Writes batches of an import; every batch of one `writeEvaluationImport` call shares its transaction. */
export interface EvaluationImportWriter {
  write(batch: readonly Evaluation[]): Promise<ImportBatchResult>;
  /** Queues a webhook event in the import's transaction: it is sent only if the import commits. */
  emit(event: WebhookEventRecord): Promise<number>;
}

/**
 * Runs `work` in ONE transaction whose writer inserts evaluations batch by batch: all batches are committed
 * together when `work` resolves, none when it throws (or the process dies). Evaluations must be valid and
 * their references known (check them with the domain and `refs` first). Contact ids the edition already holds
 * are skipped, so importing the same rows twice stores nothing twice.
 */
export function writeEvaluationImport<T>(
  db: Db,
  refs: ImportReferences,
  work: (writer: EvaluationImportWriter) => Promise<T>,
): Promise<T> {
  return withDatabaseErrors(() =>
    db.sql.transaction((tx) =>
      work({
        write: (batch) => insertBatch(tx, refs, batch),
        emit: (event) => enqueueWebhookEvent(tx, event),
      }),
    ),
  );
}

/**
 * One statement per batch: the evaluations, their answers and their comments in data-modifying CTEs over
 * unnest()ed arrays, so a batch of a thousand contacts with their ~25,000 answers is one round trip. Ids are
 * made here, so answers need no join back to the inserted rows (a join the planner, blind to unnest's row
 * counts, may run as a nested loop).
 */
const INSERT_BATCH = `
WITH evaluations AS (
  INSERT INTO "Evaluation" ("id", "editionId", "contactId", "companyId", "industryId", "channelKey", "rolePlayId",
    "observerId", "contactedAt", "answered", "waitingTime", "createdAt", "updatedAt")
  SELECT e.id, $1, e.contact, e.company, e.industry, e.channel, e.role_play, e.observer, e.contacted_at,
    e.answered, e.waiting, now(), now()
  FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::uuid[], $9::timestamptz[], $10::boolean[], $11::float8[])
    AS e(id, contact, company, industry, channel, role_play, observer, contacted_at, answered, waiting)
), answers AS (
  INSERT INTO "Answer" ("evaluationId", "questionId", "editionId", "optionId", "text", "notApplicable")
  SELECT a.evaluation, a.question, $1, a.option, a.text, a.na
  FROM unnest($12::uuid[], $13::int[], $14::int[], $15::text[], $16::boolean[]) AS a(evaluation, question, option, text, na)
)
INSERT INTO "AreaComment" ("evaluationId", "areaId", "editionId", "text")
SELECT c.evaluation, c.area, $1, c.text FROM unnest($17::uuid[], $18::int[], $19::text[]) AS c(evaluation, area, text)`;

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(`import: ${what} "${String(key)}" is not known (validate rows first)`);
  return value;
}

async function insertBatch(
  tx: SqlExecutor,
  refs: ImportReferences,
  input: readonly Evaluation[],
): Promise<ImportBatchResult> {
  if (input.length === 0) return { inserted: 0, skipped: 0 };
  const { lookup } = refs;
  // Contacts already stored are skipped: what makes a re-import store nothing twice. (Inside the
  // transaction: a concurrent import of the same ids fails on the unique key and stores nothing.)
  const stored = await tx.query<{ contactId: string }>(
    `SELECT "contactId" FROM "Evaluation" WHERE "editionId" = $1 AND "contactId" = ANY($2::text[])`,
    [lookup.id, input.map((e) => e.id)],
  );
  const skip = new Set(stored.map((r) => r.contactId));
  const batch = skip.size === 0 ? input : input.filter((e) => !skip.has(e.id));
  if (batch.length === 0) return { inserted: 0, skipped: input.length };

  const ids = batch.map(() => randomUUID());
  const answerEvaluation: string[] = [];
  const answerQuestion: number[] = [];
  const answerOption: (number | null)[] = [];
  const answerText: (string | null)[] = [];
  const answerNa: boolean[] = [];
  const commentEvaluation: string[] = [];
  const commentArea: number[] = [];
  const commentText: string[] = [];
  const companies = batch.map((e) => required(refs.companies, e.companyKey, 'company'));
  batch.forEach((e, i) => {
    const id = ids[i] as string;
    for (const a of e.answers) {
      answerEvaluation.push(id);
      answerQuestion.push(required(lookup.questionId, a.questionKey, 'question'));
      answerOption.push(
        a.optionKey === null ? null : required(lookup.optionId, `${a.questionKey}/${a.optionKey}`, 'option'),
      );
      answerText.push(a.text);
      answerNa.push(a.notApplicable);
    }
    for (const [areaKey, text] of Object.entries(e.comments)) {
      commentEvaluation.push(id);
      commentArea.push(required(lookup.areaId, areaKey, 'area'));
      commentText.push(text);
    }
  });
  await tx.query(INSERT_BATCH, [
    lookup.id,
    ids,
    batch.map((e) => e.id),
    companies.map((c) => c.id),
    companies.map((c) => c.industryId),
    batch.map((e) => e.channel),
    batch.map((e) => (e.rolePlayKey === null ? null : required(refs.rolePlayId, e.rolePlayKey, 'role play'))),
    batch.map((e) =>
      e.observerKey === null ? null : required(refs.observerId, e.observerKey.toLowerCase(), 'observer'),
    ),
    batch.map((e) => e.contactedAt),
    batch.map((e) => e.answered),
    batch.map((e) => e.waitingTime),
    answerEvaluation,
    answerQuestion,
    answerOption,
    answerText,
    answerNa,
    commentEvaluation,
    commentArea,
    commentText,
  ]);
  return { inserted: batch.length, skipped: input.length - batch.length };
}
