import type { Database } from '../database/create-database';
import type { AuditEntry, Prisma } from '../generated/prisma/client';

type Db = Pick<Database, 'prisma'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which audit entries to read; every given condition must hold. */
export interface AuditEntryFilter {
  /** Changes in this edition (by key). An unknown key matches nothing. */
  editionKey?: string | null;
  /** e.g. `Edition`, `Performance`, `User`. */
  entityType?: string | null;
  /** The changed record's identity as recorded, e.g. `KSP25/greeting`. */
  entityId?: string | null;
  /** The user who made the change (user id). */
  actorId?: string | null;
  /** e.g. `edition.publish`, `user.role`. */
  action?: string | null;
  /** At or after this time. */
  from?: Date | null;
  /** Before this time (exclusive, so consecutive periods do not overlap). */
  to?: Date | null;
}

/** Newest first; the id breaks ties between entries of the same millisecond so pages are stable. */
export const AUDIT_ENTRY_ORDER: Prisma.AuditEntryOrderByWithRelationInput[] = [
  { at: 'desc' },
  { id: 'desc' },
];

/** The Prisma condition for a filter. Audit entries keep the edition's id without a foreign key, so the key is looked up. */
export async function auditEntryWhere(
  db: Db,
  filter: AuditEntryFilter = {},
): Promise<Prisma.AuditEntryWhereInput> {
  const edition = filter.editionKey
    ? await db.prisma.edition.findUnique({ where: { key: filter.editionKey }, select: { id: true } })
    : null;
  const at = {
    ...(filter.from ? { gte: filter.from } : {}),
    ...(filter.to ? { lt: filter.to } : {}),
  };
  return {
    // -1 never exists: an unknown edition key lists nothing rather than everything.
    ...(filter.editionKey ? { editionId: edition?.id ?? -1 } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    // Not a user id at all (the column is a uuid): matches nothing instead of failing the query.
    ...(filter.actorId ? (UUID.test(filter.actorId) ? { actorId: filter.actorId } : { id: { in: [] } }) : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

/**
 * A page of audit entries, newest first. `page` carries the paging (take, skip, cursor) and the relations
 * to load (include/select), e.g. as the GraphQL layer's connection builds them.
 */
export async function listAuditEntries(
  db: Db,
  filter: AuditEntryFilter,
  page: Omit<Prisma.AuditEntryFindManyArgs, 'where' | 'orderBy'> = {},
): Promise<AuditEntry[]> {
  return db.prisma.auditEntry.findMany({
    ...page,
    where: await auditEntryWhere(db, filter),
    orderBy: AUDIT_ENTRY_ORDER,
  });
}

/** How many audit entries match a filter, over all pages. */
export async function countAuditEntries(db: Db, filter: AuditEntryFilter): Promise<number> {
  return db.prisma.auditEntry.count({ where: await auditEntryWhere(db, filter) });
}
