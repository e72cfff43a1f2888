import { Prisma } from '../generated/prisma/client';
import type { TransactionClient } from '../repositories/transaction-client';

/** A client that can write audit entries: the Prisma client or the one inside a transaction. */
export type AuditClient = Pick<TransactionClient, 'auditEntry'>;

/** One change to record: who did what to which record, and the record before and after. */
export interface AuditEntryInput {
  /** The user who made the change; null for scripts and the system. */
  actorId: string | null;
  /** What happened, as `<entity>.<verb>`, e.g. `performance.update`. */
  action: string;
  entityType: string;
  /** The record's stable identity, e.g. `KSP25/greeting` or `KSP25/greeting_q1/yes`. */
  entityId: string;
  editionId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON (no Dates, no undefined) as the Json columns store it; absent or null = SQL NULL. */
const asJson = (value: unknown) =>
  value === undefined || value === null
    ? Prisma.DbNull
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** The row an entry is stored as. */
const rowOf = (entry: AuditEntryInput) => ({
  actorId: entry.actorId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  editionId: entry.editionId ?? null,
  before: asJson(entry.before),
  after: asJson(entry.after),
});

/**
 * Records who changed what, with before and after. Pass the transaction client so the entry is written
 * (or rolled back) together with the change it describes.
 */
export async function recordAuditEntry(client: AuditClient, entry: AuditEntryInput): Promise<void> {
  await client.auditEntry.create({ data: rowOf(entry) });
}

/** Records several changes in one statement (a save of many edits), in the order given. */
export async function recordAuditEntries(client: AuditClient, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length > 0) await client.auditEntry.createMany({ data: entries.map(rowOf) });
}
