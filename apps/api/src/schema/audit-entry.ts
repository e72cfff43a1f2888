import { type AuditEntryFilter, countAuditEntries, listAuditEntries, type PrismaClient } from '@ksp/db';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder';
import { EditionType } from './edition';

/** An audit entry's edition, loaded for the whole page at once (audit entries keep no foreign key to it). */
type EditionRow = Awaited<ReturnType<PrismaClient['edition']['findFirstOrThrow']>>;

builder.prismaNode('AuditEntry', {
  description:
    'One recorded change: who did what to which record, when, and the record before and after. Admins only.',
  id: { field: 'id', description: 'Global id.' },
  authScopes: { admin: true },
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the change was committed.' }),
    actor: t.relation('actor', {
      nullable: true,
      description: 'Who made the change; null for scripts, the system, or a deleted user.',
    }),
    action: t.exposeString('action', {
      description:
        'What happened, as `<entity>.<verb>`, e.g. `edition.publish`, `user.role`, `participation.add`.',
    }),
    entityType: t.exposeString('entityType', {
      description: 'The kind of record changed, e.g. `Edition`, `Performance`, `User`, `RolePlay`.',
    }),
    entityId: t.exposeString('entityId', {
      description:
        'The record’s identity as recorded: a key path such as `KSP25/greeting`, or a user or token id.',
    }),
    edition: t.field({
      type: EditionType,
      nullable: true,
      description:
        'The edition the change belongs to; null for changes outside editions (users, tokens) or a deleted edition.',
      resolve: (entry) => (entry as { edition?: EditionRow | null }).edition ?? null,
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record’s relevant fields before the change; null when it was created.',
      resolve: (entry) => entry.before,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record’s relevant fields after the change; null when it was removed.',
      resolve: (entry) => entry.after,
    }),
  }),
});

const AuditEntryFilterInput = builder.inputType('AuditEntryFilter', {
  description: 'Which audit entries to list; every given condition must hold.',
  fields: (t) => ({
    editionKey: t.string({ description: 'Changes in this edition, e.g. `KSP25`.' }),
    entityType: t.string({ description: 'Changes to this kind of record, e.g. `Performance`.' }),
    entityId: t.string({ description: 'Changes to this record, e.g. `KSP25/greeting`.' }),
    actorId: t.id({ description: 'Changes by this user: a User’s global id (or its plain user id).' }),
    action: t.string({ description: 'This action, e.g. `edition.publish`.' }),
    from: t.field({ type: 'DateTime', description: 'At or after this time.' }),
    to: t.field({ type: 'DateTime', description: 'Before this time (exclusive).' }),
  }),
});

type FilterArg =
  | {
      editionKey?: string | null;
      entityType?: string | null;
      entityId?: string | null;
      actorId?: string | number | null;
      action?: string | null;
      from?: Date | null;
      to?: Date | null;
    }
  | null
  | undefined;

/** A User's global id becomes its user id; anything else is taken as a user id already. */
function userIdOf(id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    return decoded.typename === 'User' ? decoded.id : id;
  } catch {
    return id;
  }
}

function filterOf(arg: FilterArg): AuditEntryFilter {
  return {
    ...arg,
    actorId: arg?.actorId != null ? userIdOf(String(arg.actorId)) : null,
  };
}

builder.queryField('auditEntries', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEntry',
      cursor: 'id',
      description:
        'The audit trail: every recorded change to definitions, publications, participants, role plays, users, roles and tokens, newest first, paginated. Admins only.',
      authScopes: { admin: true },
      args: { filter: t.arg({ type: AuditEntryFilterInput, description: 'Conditions to filter by.' }) },
      totalCount: (_connection, args, context) =>
        countAuditEntries(context.services.db, filterOf(args.filter)),
      resolve: async (query, _root, args, context) => {
        const { db } = context.services;
        const entries = await listAuditEntries(db, filterOf(args.filter), query);
        // One query for the page's editions instead of one per entry.
        const editionIds = [...new Set(entries.flatMap((e) => (e.editionId == null ? [] : [e.editionId])))];
        const editions =
          editionIds.length === 0
            ? []
            : await db.prisma.edition.findMany({ where: { id: { in: editionIds } } });
        const byId = new Map(editions.map((e) => [e.id, e]));
        return entries.map((e) =>
          Object.assign(e, { edition: e.editionId == null ? null : (byId.get(e.editionId) ?? null) }),
        );
      },
    },
    {
      description: 'A page of audit entries.',
      // Replaces the plugin's undocumented totalCount field with the same behaviour plus a description.
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many entries match the filter in all pages.',
          extensions: { pothosPrismaTotalCount: true },
          resolve: (connection) => (connection as { totalCount?: () => Promise<number> }).totalCount?.() ?? 0,
        }),
      }),
    },
    { description: 'An audit entry in a page.' },
  ),
);
