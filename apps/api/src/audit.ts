import { type AuditClient, recordAuditEntry } from '@ksp/db';
import type { Context } from './context';

/** What a resolver records; the actor comes from the request's viewer. */
export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string;
  editionId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Records who changed what (with before/after), inside the caller's transaction. The writer lives in @ksp/db. */
export async function audit(client: AuditClient, context: Context, record: AuditRecord): Promise<void> {
  await recordAuditEntry(client, { ...record, actorId: context.viewer?.userId ?? null });
}
