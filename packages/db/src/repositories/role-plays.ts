import {
  DomainValidationError,
  type LocalizedText,
  localizedTextSchema,
  stableKeySchema,
  type ValidationIssue,
} from '@ksp/domain';
import { VersionMismatchError } from '../awards/version-mismatch-error';
import type { Database } from '../database/create-database';
import { ConstraintViolationError, NotFoundError } from '../errors/database-errors';
import { RecordNotFoundError } from '../errors/record-not-found-error';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type RecordChange, recordNothing } from './change-recorder';
import { findOpenEdition } from './open-edition';
import type { TransactionClient } from './transaction-client';

type Db = Pick<Database, 'prisma'>;

/** A scenario observers play when contacting companies in one edition. */
export interface RolePlayRecord {
  key: string;
  title: LocalizedText;
  instructions: LocalizedText;
  order: number;
  /** The channel it is written for; null or absent = any channel. */
  channelKey?: string | null;
  /** The industry (class) it is written for; null or absent = any industry. */
  industryKey?: string | null;
}

/** A role play as stored, with its optimistic-locking version. */
export interface StoredRolePlay extends Required<RolePlayRecord> {
  version: number;
}

/** Adds role plays to an edition; keys already there are left as they are. Returns how many were added. */
export async function addRolePlays(
  db: Db,
  editionKey: string,
  rolePlays: readonly RolePlayRecord[],
): Promise<number> {
  const edition = await db.prisma.edition.findUnique({ where: { key: editionKey }, select: { id: true } });
  if (!edition) throw new NotFoundError(`edition ${editionKey} does not exist`);
  const industryId = await industryIds(db.prisma, rolePlays);
  const { count } = await withDatabaseErrors(() =>
    db.prisma.rolePlay.createMany({
      data: rolePlays.map((r) => ({
        editionId: edition.id,
        key: r.key,
        title: r.title,
        instructions: r.instructions,
        order: r.order,
        channelKey: r.channelKey ?? null,
        industryId: r.industryKey ? (industryId.get(r.industryKey) ?? null) : null,
      })),
      skipDuplicates: true,
    }),
  );
  return count;
}

/** Industry key → id for the industries the role plays name. */
async function industryIds(
  prisma: Pick<TransactionClient, 'industry'>,
  rolePlays: readonly Pick<RolePlayRecord, 'industryKey'>[],
): Promise<Map<string, number>> {
  const keys = [...new Set(rolePlays.flatMap((r) => (r.industryKey ? [r.industryKey] : [])))];
  if (keys.length === 0) return new Map();
  const rows = await prisma.industry.findMany({
    where: { key: { in: keys } },
    select: { id: true, key: true },
  });
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** The industry a role play names, as an id; a key no industry has is a problem at `industryKey`. */
async function industryIdOf(
  tx: TransactionClient,
  industryKey: string | null | undefined,
): Promise<{ id: number | null | undefined; issues: ValidationIssue[] }> {
  if (industryKey === undefined) return { id: undefined, issues: [] };
  if (industryKey === null || industryKey === '') return { id: null, issues: [] };
  const id = (await industryIds(tx, [{ industryKey }])).get(industryKey);
  return id === undefined
    ? { id: null, issues: [{ path: 'industryKey', message: `industry "${industryKey}" does not exist` }] }
    : { id, issues: [] };
}

const ROLE_PLAY_FIELDS = {
  key: true,
  title: true,
  instructions: true,
  order: true,
  channelKey: true,
  version: true,
  industry: { select: { key: true } },
} as const;

function storedRolePlay(row: {
  key: string;
  title: unknown;
  instructions: unknown;
  order: number;
  channelKey: string | null;
  industry: { key: string } | null;
  version: number;
}): StoredRolePlay {
  return {
    key: row.key,
    title: row.title as LocalizedText,
    instructions: row.instructions as LocalizedText,
    order: row.order,
    channelKey: row.channelKey,
    industryKey: row.industry?.key ?? null,
    version: row.version,
  };
}

export async function listRolePlays(db: Db, editionKey: string): Promise<StoredRolePlay[]> {
  const rows = await db.prisma.rolePlay.findMany({
    where: { edition: { key: editionKey } },
    orderBy: [{ order: 'asc' }, { key: 'asc' }],
    select: ROLE_PLAY_FIELDS,
  });
  return rows.map(storedRolePlay);
}

/** Problems with a localized text: each given text non-empty, and bokmål (the source language) present. */
function textIssues(text: LocalizedText | undefined, path: string): ValidationIssue[] {
  if (text === undefined) return [];
  const parsed = localizedTextSchema.safeParse(text);
  if (!parsed.success) return [{ path, message: 'every text must be non-empty' }];
  return text.nb ? [] : [{ path, message: 'the bokmål (nb) text is required' }];
}

function channelIssue(channelKey: string | null | undefined, channelKeys: Set<string>): ValidationIssue[] {
  return channelKey && !channelKeys.has(channelKey)
    ? [{ path: 'channelKey', message: `channel "${channelKey}" is not in this edition` }]
    : [];
}

/**
 * Adds one role play to an open (draft or published) edition. The key is a stable key (unique in the edition),
 * title and instructions need bokmål, the channel (optional) must be the edition's. DomainValidationError lists
 * every problem; a taken key is a ConstraintViolationError (unique).
 */
export async function createRolePlay(
  db: Db,
  editionKey: string,
  input: RolePlayRecord,
  recordChange: RecordChange = recordNothing,
): Promise<StoredRolePlay> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const edition = await findOpenEdition(tx, editionKey);
      const key = stableKeySchema.safeParse(input.key);
      const industry = await industryIdOf(tx, input.industryKey);
      const issues = [
        ...(key.success ? [] : key.error.issues.map((i) => ({ path: 'key', message: i.message }))),
        ...textIssues(input.title, 'title'),
        ...textIssues(input.instructions, 'instructions'),
        ...channelIssue(input.channelKey, edition.channelKeys),
        ...industry.issues,
      ];
      if (issues.length > 0) throw new DomainValidationError(`Role play ${input.key}`, issues);
      const taken = await tx.rolePlay.findUnique({
        where: { editionId_key: { editionId: edition.id, key: input.key } },
        select: { id: true },
      });
      if (taken)
        throw new ConstraintViolationError('unique', `role play ${input.key} is already in ${editionKey}`);
      const row = await tx.rolePlay.create({
        data: {
          editionId: edition.id,
          key: input.key,
          title: input.title,
          instructions: input.instructions,
          order: input.order,
          channelKey: input.channelKey ?? null,
          industryId: industry.id ?? null,
        },
        select: ROLE_PLAY_FIELDS,
      });
      const created = storedRolePlay(row);
      await recordChange(tx, {
        action: 'rolePlay.create',
        entityType: 'RolePlay',
        entityId: `${editionKey}/${input.key}`,
        editionId: edition.id,
        after: created,
      });
      return created;
    }),
  );
}

/** What an update may change; absent fields stay as they are, `channelKey: null` means any channel. */
export type RolePlayChange = Partial<Omit<RolePlayRecord, 'key'>>;

/** Changes a role play's texts, order or channel, based on `expectedVersion` (VersionMismatchError otherwise). */
export async function updateRolePlay(
  db: Db,
  editionKey: string,
  key: string,
  expectedVersion: number,
  change: RolePlayChange,
  recordChange: RecordChange = recordNothing,
): Promise<StoredRolePlay> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const edition = await findOpenEdition(tx, editionKey);
      const current = await tx.rolePlay.findUnique({
        where: { editionId_key: { editionId: edition.id, key } },
        select: { id: true, ...ROLE_PLAY_FIELDS },
      });
      if (!current)
        throw new RecordNotFoundError(
          'RolePlay',
          `${editionKey}/${key}`,
          `role play ${key} is not in ${editionKey}`,
        );
      const before = storedRolePlay(current);
      const entity = `The role play ${key} of ${editionKey}`;
      if (current.version !== expectedVersion)
        throw new VersionMismatchError(entity, current.version, expectedVersion, before);
      const industry = await industryIdOf(tx, change.industryKey);
      const issues = [
        ...textIssues(change.title, 'title'),
        ...textIssues(change.instructions, 'instructions'),
        ...channelIssue(change.channelKey, edition.channelKeys),
        ...industry.issues,
      ];
      if (issues.length > 0) throw new DomainValidationError(entity, issues);
      const { count } = await tx.rolePlay.updateMany({
        where: { id: current.id, version: expectedVersion },
        data: {
          ...(change.title ? { title: change.title } : {}),
          ...(change.instructions ? { instructions: change.instructions } : {}),
          ...(change.order != null ? { order: change.order } : {}),
          ...(change.channelKey !== undefined ? { channelKey: change.channelKey } : {}),
          ...(industry.id !== undefined ? { industryId: industry.id } : {}),
          version: { increment: 1 },
        },
      });
      const now = await tx.rolePlay.findUnique({ where: { id: current.id }, select: ROLE_PLAY_FIELDS });
      if (!now) throw new RecordNotFoundError('RolePlay', `${editionKey}/${key}`);
      const after = storedRolePlay(now);
      // Changed by another transaction between the read and the write.
      if (count === 0) throw new VersionMismatchError(entity, now.version, expectedVersion, after);
      await recordChange(tx, {
        action: 'rolePlay.update',
        entityType: 'RolePlay',
        entityId: `${editionKey}/${key}`,
        editionId: edition.id,
        before,
        after,
      });
      return after;
    }),
  );
}

/** Copies every role play (key, texts, order, channel, industry) of one edition into another, inside `tx`. */
export async function copyRolePlays(tx: TransactionClient, fromEditionId: number, toEditionId: number) {
  const rows = await tx.rolePlay.findMany({
    where: { editionId: fromEditionId },
    select: { key: true, title: true, instructions: true, order: true, channelKey: true, industryId: true },
  });
  if (rows.length === 0) return 0;
  const { count } = await tx.rolePlay.createMany({
    data: rows.map((r) => ({
      ...r,
      title: r.title as LocalizedText,
      instructions: r.instructions as LocalizedText,
      editionId: toEditionId,
    })),
  });
  return count;
}
