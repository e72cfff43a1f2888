import { createHash } from 'node:crypto';
import {
  type AwardSnapshot,
  createAwardSnapshot,
  type Edition,
  type EditionResults,
  isReadableAwardSnapshotVersion,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import { NotFoundError } from '../errors/database-errors';
import { translateDatabaseError } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import { editionFromRow, findEditionRow } from '../repositories/editions';
import { editionResults } from '../repositories/results';
import type { TransactionClient } from '../repositories/transaction-client';
import { AwardSnapshotStateError, translateSnapshotError } from './award-snapshot-errors';

type Db = Pick<Database, 'prisma' | 'sql'>;

/** A stored revision of an edition's frozen award results. */
export interface AwardSnapshotRecord {
  id: string;
  editionKey: string;
  revision: number;
  reason: string | null;
  rulesVersion: string;
  rulesHash: string;
  createdAt: Date;
  createdBy: { id: string; email: string; name: string } | null;
  /** The domain's snapshot as stored. */
  snapshot: AwardSnapshot;
}

const recordInclude = {
  edition: { select: { key: true } },
  createdBy: { select: { id: true, email: true, name: true } },
} satisfies Prisma.AwardSnapshotInclude;

type SnapshotRow = Prisma.AwardSnapshotGetPayload<{ include: typeof recordInclude }>;

function recordFromRow(row: SnapshotRow): AwardSnapshotRecord {
  const snapshot = row.payload as unknown as AwardSnapshot;
  // Version 1 snapshots (stored before ties were recorded) stay readable as they are; the readers treat their
  // missing tie fields as "not recorded".
  if (!isReadableAwardSnapshotVersion(snapshot?.snapshotVersion))
    throw new Error(`award snapshot ${row.id} has snapshotVersion ${snapshot?.snapshotVersion}`);
  return {
    id: row.id,
    editionKey: row.edition.key,
    revision: row.revision,
    reason: row.reason,
    rulesVersion: row.rulesVersion,
    rulesHash: row.rulesHash,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    snapshot,
  };
}

/**
 * sha256 of the rules the numbers come from: the edition's definition (channels, areas, performances,
 * questions, options, scoring and award rules) without its status, texts-free identity and lineage.
 */
export function rulesHashOf(edition: Edition): string {
  const { status: _status, name: _name, derivedFrom: _derivedFrom, ...rules } = edition;
  const withoutLineage = JSON.stringify(rules, (key, value) => (key === 'lineage' ? undefined : value));
  return createHash('sha256').update(withoutLineage).digest('hex');
}

/** The rules version recorded in a snapshot: the edition and the start of its rules hash (same rules, same version). */
export const rulesVersionOf = (edition: Edition, hash = rulesHashOf(edition)) =>
  `${edition.key}@${hash.slice(0, 12)}`;

export interface StoreSnapshotInput {
  editionKey: string;
  /** `publish` stores revision 1; `correct` stores the next revision and needs a reason. */
  kind: 'publish' | 'correct';
  reason?: string | null;
  createdById: string | null;
  /** The edition's current results when the caller has them (e.g. from a cache keyed by data version). */
  results?: EditionResults;
}

/**
 * Freezes an edition's current results as the next revision: the domain's createAwardSnapshot builds the
 * payload (it also checks revision and reason); the row is inserted in one transaction, in which `onStored`
 * (e.g. an audit entry) runs too. Only published or closed editions are frozen.
 */
export async function storeAwardSnapshot(
  db: Db,
  input: StoreSnapshotInput,
  onStored?: (tx: TransactionClient, record: AwardSnapshotRecord, editionId: number) => Promise<void>,
): Promise<AwardSnapshotRecord> {
  const row = await findEditionRow(db, input.editionKey);
  const edition = editionFromRow(row);
  if (edition.status === 'draft')
    throw new AwardSnapshotStateError(
      `edition ${edition.key} is a draft: publish the edition before its results`,
      'notPublished',
    );
  const results = input.results ?? (await editionResults(db, edition.key));
  const hash = rulesHashOf(edition);
  try {
    return await db.prisma.$transaction(async (tx) => {
      const latest = await tx.awardSnapshot.aggregate({
        where: { editionId: row.id },
        _max: { revision: true },
      });
      const current = latest._max.revision ?? 0;
      if (input.kind === 'publish' && current > 0)
        throw new AwardSnapshotStateError(
          `the results of ${edition.key} are already published (revision ${current}); correct them instead`,
          'alreadyPublished',
        );
      if (input.kind === 'correct' && current === 0)
        throw new AwardSnapshotStateError(
          `the results of ${edition.key} are not published yet: publish them first`,
          'notYetPublished',
        );
      const snapshot = createAwardSnapshot(results, edition, {
        revision: current + 1,
        reason: input.kind === 'publish' ? null : (input.reason ?? null),
        rulesVersion: rulesVersionOf(edition, hash),
      });
      const created = await tx.awardSnapshot.create({
        data: {
          editionId: row.id,
          revision: snapshot.revision,
          reason: snapshot.reason,
          rulesVersion: snapshot.rulesVersion,
          rulesHash: hash,
          createdById: input.createdById,
          payload: snapshot as unknown as Prisma.InputJsonValue,
        },
        include: recordInclude,
      });
      const record = recordFromRow(created);
      await onStored?.(tx, record, row.id);
      return record;
    });
  } catch (error) {
    throw translateDatabaseError(translateSnapshotError(error));
  }
}

/** Every revision of an edition's award snapshot, oldest first (empty when the results are not published). */
export async function listAwardSnapshots(db: Pick<Database, 'prisma'>, editionKey: string) {
  const edition = await db.prisma.edition.findUnique({ where: { key: editionKey }, select: { id: true } });
  if (!edition) throw new NotFoundError(`edition ${editionKey} does not exist`);
  const rows = await db.prisma.awardSnapshot.findMany({
    where: { editionId: edition.id },
    include: recordInclude,
    orderBy: { revision: 'asc' },
  });
  return rows.map(recordFromRow);
}

/** One revision (the latest when `revision` is null); null when there is none. */
export async function findAwardSnapshot(
  db: Pick<Database, 'prisma'>,
  editionKey: string,
  revision: number | null,
): Promise<AwardSnapshotRecord | null> {
  const row = await db.prisma.awardSnapshot.findFirst({
    where: { edition: { key: editionKey }, ...(revision === null ? {} : { revision }) },
    include: recordInclude,
    orderBy: { revision: 'desc' },
  });
  return row ? recordFromRow(row) : null;
}
