import type { Database } from '@ksp/db';
import type { Context } from './context';

type Client = Pick<Database['prisma'], 'auditEntry'>;

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string;
  editionId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Records who changed what (with before/after), inside the caller's transaction. */
export async function audit(client: Client, context: Context, record: AuditRecord): Promise<void> {
  const json = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  await client.auditEntry.create({
    data: {
      actorId: context.viewer?.userId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      editionId: record.editionId ?? null,
      before: json(record.before),
      after: json(record.after),
    },
  });
}
