import {
  type ContainerRef,
  type Edition,
  EditionItemNotFoundError,
  type ItemLevel,
  type ItemRef,
  itemsIn,
  locate,
  refreshLineage,
} from '@ksp/domain';
import { recordAuditEntry } from '../audit/record-audit-entry';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { editionFromRow, findEditionRow } from '../repositories/editions';
import type { TransactionClient } from '../repositories/transaction-client';
import {
  DefinitionNotFoundError,
  DefinitionReadOnlyError,
  DefinitionVersionConflictError,
} from './definition-errors';
import { ENTITY_TYPE, entityIdOf, RESOURCE } from './definition-names';
import { indexRows, type RowIds, type StoredRow, syncDefinitionRows } from './sync-definition-rows';
import { validateDefinitionChange } from './validate-definition-change';

/** Who edits which edition. */
export interface DefinitionRequest {
  editionKey: string;
  /** The user making the change, for the audit trail; null for scripts. */
  actorId: string | null;
}

/** One edit of a draft edition's definition: the edition after it, and what it is about. */
export interface DefinitionEdit {
  /** What the audit trail calls it, e.g. `performance.update`. */
  action: string;
  /** The item added, changed or removed: its stored row is version-checked and recorded before and after. */
  item?: ItemRef;
  /** The version of `item` the change is based on (updates and removals). */
  version?: number;
  /** For reorders: whose items are put in order (recorded as key lists). */
  reorder?: { container: ContainerRef; level: ItemLevel };
  /** The edited copy of the domain model. */
  after: Edition;
  /** The fields the request's `input` sets on `item` (domain names), so problems there get `input.` paths. */
  input?: { fields: Iterable<string>; rename?: Record<string, string> };
}

/** What an edit touched, for reading the result inside the same transaction. */
export interface EditedDefinition {
  editionId: number;
  /** The added or changed item's row id; null when it was removed, and for reorders. */
  itemId: number | null;
  /** The row id of the container the item sits in (sat in, when removed) or whose items were reordered; null for the edition. */
  containerId: number | null;
}

export type DefinitionReader<T> = (tx: TransactionClient, edited: EditedDefinition) => Promise<T>;

/** The default result: what the edit touched (row ids). */
const returnEdited: DefinitionReader<EditedDefinition> = async (_tx, edited) => edited;

/** Makes the edit from the current edition (pure; the domain's EditionItemNotFoundError for bad references). */
export type PlanEdit = (edition: Edition) => DefinitionEdit;

/** Loading and checking a whole edition takes longer than Prisma's 5 s default on a busy machine. */
const DEFINITION_TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

const rowKey = (ref: ItemRef) => (ref.level === 'option' ? `${ref.questionKey}/${ref.key}` : ref.key);

/**
 * Every definition edit goes through here, in one transaction:
 * 1. lock the edition row (concurrent edits of one edition run one after another) and refuse non-drafts;
 * 2. load the edition as the domain model and check the item's `version` (DefinitionVersionConflictError
 *    with the stored row when it moved on);
 * 3. apply the change in memory and let the domain validate it (DefinitionValidationError with paths);
 * 4. recompute lineage against the parent edition (admin marks kept), write the difference with version
 *    increments, bump the edition's version, and record an audit entry with before and after;
 * 5. read the result with `read` in the same transaction (default: what the edit touched, as row ids).
 */
export async function changeDefinition<T = EditedDefinition>(
  db: Pick<Database, 'prisma'>,
  request: DefinitionRequest,
  plan: PlanEdit,
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const editionId = await lockDraftEdition(tx, request.editionKey);
      const row = await findEditionRow({ prisma: tx }, request.editionKey);
      const rows = indexRows(row);
      const before = editionFromRow(row);
      const edit = planned(plan, before);
      const current = edit.item ? rows[edit.item.level].get(rowKey(edit.item)) : undefined;
      if (edit.item && edit.version !== undefined)
        checkVersion(request.editionKey, edit.item, edit.version, current);

      const edited = edit.after;
      const location = edit.item && edit.input ? locate(edited, edit.item) : null;
      let after = validateDefinitionChange(
        before,
        edited,
        location && edit.input
          ? { path: location.path, fields: new Set(edit.input.fields), rename: edit.input.rename }
          : undefined,
      );
      if (row.derivedFrom) {
        const parent = editionFromRow(await findEditionRow({ prisma: tx }, row.derivedFrom.key));
        after = refreshLineage(parent, after);
      }

      const ids = await syncDefinitionRows(tx, editionId, rows, before, after);
      await tx.edition.update({ where: { id: editionId }, data: { version: { increment: 1 } } });
      const result = editedDefinition(editionId, edit, ids, before, after);
      await recordAuditEntry(tx, {
        actorId: request.actorId,
        action: edit.action,
        editionId,
        ...(await auditSubject(tx, request.editionKey, edit, current, result, before, after)),
      });
      return read(tx, result);
    }, DEFINITION_TRANSACTION),
  );
}

/** The plan's edit; an item or container it names that the edition lacks is a DefinitionNotFoundError. */
function planned(plan: PlanEdit, edition: Edition): DefinitionEdit {
  try {
    return plan(edition);
  } catch (error) {
    if (error instanceof EditionItemNotFoundError)
      throw new DefinitionNotFoundError(RESOURCE[error.ref.level], entityIdOf(edition.key, error.ref));
    throw error;
  }
}

/** `SELECT … FOR UPDATE` on the edition: holds other edits (and publishing) of it until this one commits. */
async function lockDraftEdition(tx: TransactionClient, editionKey: string): Promise<number> {
  const [edition] = await tx.$queryRaw<{ id: number; status: string }[]>`
    SELECT "id", "status"::text AS "status" FROM "Edition" WHERE "key" = ${editionKey} FOR UPDATE`;
  if (!edition) throw new DefinitionNotFoundError('Edition', editionKey);
  if (edition.status !== 'draft') throw new DefinitionReadOnlyError(editionKey, edition.status);
  return edition.id;
}

function checkVersion(editionKey: string, item: ItemRef, sent: number, current: StoredRow | undefined) {
  const resource = RESOURCE[item.level];
  if (!current) throw new DefinitionNotFoundError(resource, entityIdOf(editionKey, item));
  if (current.version !== sent)
    throw new DefinitionVersionConflictError(
      resource,
      entityIdOf(editionKey, item),
      sent,
      current.version,
      current,
    );
}

function editedDefinition(
  editionId: number,
  edit: DefinitionEdit,
  ids: RowIds,
  before: Edition,
  after: Edition,
): EditedDefinition {
  const containerId = (container: ContainerRef | undefined) =>
    container && container.level !== 'edition' ? (ids[container.level].get(container.key) ?? null) : null;
  if (edit.reorder) return { editionId, itemId: null, containerId: containerId(edit.reorder.container) };
  if (!edit.item) return { editionId, itemId: null, containerId: null };
  const itemId = ids[edit.item.level].get(rowKey(edit.item)) ?? null;
  const place = locate(after, edit.item) ?? locate(before, edit.item);
  return { editionId, itemId, containerId: containerId(place?.container) };
}

/** What the audit entry says: the item's row before and after (a removed item with everything it held), or the order of a container's items. */
async function auditSubject(
  tx: TransactionClient,
  editionKey: string,
  edit: DefinitionEdit,
  current: StoredRow | undefined,
  result: EditedDefinition,
  before: Edition,
  after: Edition,
) {
  if (edit.reorder) {
    const { container, level } = edit.reorder;
    const keys = (edition: Edition) => itemsIn(edition, container, level).map((item) => item.key);
    return {
      entityType: ENTITY_TYPE[container.level],
      entityId: entityIdOf(editionKey, container),
      before: keys(before),
      after: keys(after),
    };
  }
  if (!edit.item) throw new Error('a definition edit names an item or a reorder');
  const stored = result.itemId === null ? null : await readRow(tx, edit.item.level, result.itemId);
  const removed = result.itemId === null ? locate(before, edit.item)?.item : undefined;
  return {
    entityType: ENTITY_TYPE[edit.item.level],
    entityId: entityIdOf(editionKey, edit.item),
    before: current ? { ...current, ...(removed ? { removed } : {}) } : null,
    after: stored,
  };
}

/** One stored row by id, without its children. */
export function readRow(tx: TransactionClient, level: ItemLevel, id: number): Promise<unknown> {
  const where = { where: { id } };
  switch (level) {
    case 'channel':
      return tx.channelRule.findUniqueOrThrow(where);
    case 'area':
      return tx.area.findUniqueOrThrow(where);
    case 'performance':
      return tx.performance.findUniqueOrThrow(where);
    case 'question':
      return tx.question.findUniqueOrThrow(where);
    case 'option':
      return tx.answerOption.findUniqueOrThrow(where);
  }
}
