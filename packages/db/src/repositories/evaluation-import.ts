import type { Edition, EditionStatus, Evaluation, EvaluationReferences } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { enqueueWebhookEvent, type WebhookEventRecord } from '../webhooks/enqueue-webhook-event';
import { type EditionLookup, loadEditionLookup } from './edition-lookup';
import {
  evaluationPreparer,
  type PreparedEvaluation,
  storePreparedEvaluations,
} from './insert-evaluation-rows';

type Db = Pick<Database, 'prisma' | 'sql'>;

/**
 * Contacts per written batch: on PostgreSQL each statement has a fixed cost (its triggers, the staging table)
 * that larger batches spread; PGlite runs in the importing process, whose memory grows with a batch.
 */
const BATCH_SIZE: Record<Database['kind'], number> = { postgres: 4_000, pglite: 1_000 };

/** A company as an evaluation write checks and stores it. */
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

/** A role play of the edition as evaluations name it. */
export interface ImportRolePlay {
  id: number;
  channelKey: string | null;
  industryKey: string | null;
}

/**
 * Everything an evaluation write needs from the database, loaded once: the edition (domain form and ids behind
 * its keys), companies with their participation, role plays and observers; `references` is what the domain's
 * one evaluation check (validateEvaluation) reads. Rows are then checked and written without further look-ups.
 */
export interface ImportReferences {
  lookup: EditionLookup;
  edition: Edition;
  status: EditionStatus;
  companies: Map<string, ImportCompany>;
  rolePlays: Map<string, ImportRolePlay>;
  /** Lower-case e-mail → user id. */
  observerId: Map<string, string>;
  references: EvaluationReferences;
}

export interface LoadReferencesOptions {
  /** Only these companies (a single submission); all when absent (an import). */
  companyKeys?: readonly string[];
  /** Only these observers' e-mails; all users when absent. */
  observerEmails?: readonly string[];
  /** The edition, when the caller has loaded it already. */
  lookup?: EditionLookup;
}

/** The references of an edition's evaluations (see ImportReferences); bounded to the named companies when given. */
export async function loadImportReferences(
  db: Db,
  editionKey: string,
  options: LoadReferencesOptions = {},
): Promise<ImportReferences> {
  const lookup = options.lookup ?? (await loadEditionLookup(db, editionKey));
  const companyFilter = options.companyKeys ? { key: { in: [...options.companyKeys] } } : {};
  const [companies, participations, rolePlays, users] = await Promise.all([
    db.prisma.company.findMany({
      where: companyFilter,
      select: { id: true, key: true, industry: { select: { id: true, key: true } } },
    }),
    db.prisma.companyParticipation.findMany({
      where: { editionId: lookup.id, ...(options.companyKeys && { company: companyFilter }) },
      select: { companyId: true, channels: true, industry: { select: { id: true, key: true } } },
    }),
    db.prisma.rolePlay.findMany({
      where: { editionId: lookup.id },
      select: { id: true, key: true, channelKey: true, industry: { select: { key: true } } },
    }),
    db.prisma.user.findMany({
      where: options.observerEmails
        ? { email: { in: options.observerEmails.map((e) => e.toLowerCase()) } }
        : {},
      select: { id: true, email: true },
    }),
  ]);
  const participation = new Map(participations.map((p) => [p.companyId, p]));
  const byKey = new Map<string, ImportCompany>(
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
  );
  const rolePlayRows = new Map<string, ImportRolePlay>(
    rolePlays.map((r) => [
      r.key,
      { id: r.id, channelKey: r.channelKey, industryKey: r.industry?.key ?? null },
    ]),
  );
  const observerId = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  return {
    lookup,
    edition: lookup.edition,
    status: lookup.edition.status,
    companies: byKey,
    rolePlays: rolePlayRows,
    observerId,
    references: {
      participation: (key) => {
        const company = byKey.get(key);
        if (!company) return undefined;
        if (!company.participating) return null;
        return { companyKey: key, industryKey: company.industryKey, channels: company.channels };
      },
      rolePlay: (key) => {
        const rolePlay = rolePlayRows.get(key);
        return rolePlay && { key, channelKey: rolePlay.channelKey, industryKey: rolePlay.industryKey };
      },
      observerExists: (email) => observerId.has(email.toLowerCase()),
    },
  };
}

/** Database ids for a checked evaluation: its company (and the industry it competes in), role play and observer. */
export function evaluationRowIds(refs: ImportReferences, evaluation: Evaluation) {
  const company = required(refs.companies, evaluation.companyKey, 'company');
  return {
    companyId: company.id,
    industryId: company.industryId,
    rolePlayId:
      evaluation.rolePlayKey === null
        ? null
        : required(refs.rolePlays, evaluation.rolePlayKey, 'role play').id,
    observerId:
      evaluation.observerKey === null
        ? null
        : required(refs.observerId, evaluation.observerKey.toLowerCase(), 'observer'),
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
  /** Contacts per `write` that suit this database. */
  batchSize: number;
  /** A checked evaluation as the texts `write` stores, scored: call it as each row is checked. */
  prepare(evaluation: Evaluation): PreparedEvaluation;
  write(batch: readonly PreparedEvaluation[]): Promise<ImportBatchResult>;
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
  db: Db & Pick<Database, 'kind'>,
  refs: ImportReferences,
  work: (writer: EvaluationImportWriter) => Promise<T>,
): Promise<T> {
  const prepare = evaluationPreparer(refs.lookup);
  return withDatabaseErrors(() =>
    db.sql.transaction((tx) =>
      work({
        batchSize: BATCH_SIZE[db.kind],
        prepare: (evaluation) => prepare({ evaluation, ...evaluationRowIds(refs, evaluation) }),
        write: async (batch) => {
          // One COPY and one statement per batch; contacts already stored are skipped (ON CONFLICT).
          const stored = await storePreparedEvaluations(tx, refs.lookup.id, batch);
          return { inserted: stored.length, skipped: batch.length - stored.length };
        },
        emit: (event) => enqueueWebhookEvent(tx, event),
      }),
    ),
  );
}

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(`evaluation write: ${what} "${String(key)}" is not known (check evaluations first)`);
  return value;
}
