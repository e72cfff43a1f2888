import {
  applyDraftEdits,
  conflictingFields,
  type DraftEdit,
  type DraftEditProblem,
  type Edition,
  type ItemLevel,
  type ItemRef,
  itemsIn,
  locate,
  refreshLineage,
  touchedFields,
  type VersionOf,
} from '@ksp/domain';
import type { AuditEntryInput } from '../audit/record-audit-entry';
import { recordAuditEntries } from '../audit/record-audit-entry';
import type { Database } from '../database/create-database';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { editionFromRow, findEditionRow } from '../repositories/editions';
import type { TransactionClient } from '../repositories/transaction-client';
import { scoreStaleContacts } from '../scores/score-stale-contacts';
import type { DefinitionRequest } from './change-definition';
import {
  DefinitionNotFoundError,
  DefinitionReadOnlyError,
  DefinitionValidationError,
} from './definition-errors';
import { ENTITY_TYPE, entityIdOf } from './definition-names';
import { fieldsChangedSince, scoringChangedSince } from './fields-changed-since';
import {
  indexRows,
  type RowIds,
  type RowIndex,
  rowIds,
  type StoredRow,
  syncDefinitionRows,
} from './sync-definition-rows';

/** An edit based on an older version that changes a field someone else changed since. */
export interface DraftEditConflict {
  editIndex: number;
  /** The item (the edition itself for the scoring rules). */
  item: ItemRef | { level: 'edition'; key: string };
  sentVersion: number;
  currentVersion: number;
  /** The fields the edit touches that were changed meanwhile (`*` = the whole item). */
  fields: string[];
  /** The item as stored now (its row, or the edition's scoring rules). */
  current: unknown;
}

/** A save refused as a whole: nothing of it was written. */
export class DraftEditsRefusedError extends Error {
  constructor(
    readonly problems: DraftEditProblem[],
    readonly conflicts: DraftEditConflict[],
  ) {
    const what = [
      problems.length > 0 ? `${problems.length} problem(s)` : '',
      conflicts.length > 0 ? `${conflicts.length} conflict(s)` : '',
    ].filter(Boolean);
    super(`The changes were not saved: ${what.join(' and ')}. Nothing was changed.`);
    this.name = 'DraftEditsRefusedError';
  }
}

/** What a save wrote, for reading its result inside the same transaction. */
export interface SavedDraftEdits {
  editionId: number;
  /** The edition's version after the save. */
  editionVersion: number;
  /** Indices of edits based on an older version, applied because nobody changed their fields. */
  merged: number[];
  /** Row ids by item identity after the save (options as `questionKey/key`). */
  ids: RowIds;
  before: Edition;
  after: Edition;
}

/**
 * The edits, or how to make them from the edition as stored and its items' versions (per-item mutations
 * make theirs so).
 */
export type DraftEditsOf = readonly DraftEdit[] | ((edition: Edition, versionOf: VersionOf) => DraftEdit[]);

/** Loading and checking a whole edition takes longer than Prisma's 5 s default on a busy machine. */
const SAVE_TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

/**
 * Saves a list of edits to a draft edition's definition, all or nothing, in one transaction:
 * 1. lock the edition row (saves of one edition run one after another) and refuse non-drafts;
 * 2. check each edit's base version: an edit based on an older version is applied only when none of the
 *    fields it touches changed since (audit trail); otherwise it is a conflict;
 * 3. apply the edits with the domain (applyDraftEdits) and refuse any problem it finds, and removals of
 *    what evaluations or role plays use;
 * 4. recompute lineage against the parent edition, write the difference (versions of changed items +1),
 *    the scoring rules and the edition's version, and one audit entry per edit;
 * 5. read the result with `read` in the same transaction.
 * DraftEditsRefusedError lists every problem and conflict when anything is refused.
 */
export async function saveDraftEdits<T = SavedDraftEdits>(
  db: Pick<Database, 'prisma' | 'sql'>,
  request: DefinitionRequest,
  editsOf: DraftEditsOf,
  read: (tx: TransactionClient, saved: SavedDraftEdits) => Promise<T> = async (_tx, saved) => saved as T,
): Promise<T> {
  const result = await withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const editionId = await lockDraftEdition(tx, request.editionKey);
      const row = await findEditionRow({ prisma: tx }, request.editionKey);
      const rows = indexRows(row);
      const before = editionFromRow(row);
      const edits =
        typeof editsOf === 'function' ? editsOf(before, storedVersions(rows, row.version)) : editsOf;

      // Nothing to save is not a write: the edition's version stays.
      if (edits.length === 0)
        return read(tx, {
          editionId,
          editionVersion: row.version,
          merged: [],
          ids: rowIds(rows),
          before,
          after: before,
        });
      const { conflicts, merged } = await checkVersions(
        tx,
        request.editionKey,
        row.version,
        rows,
        before,
        edits,
      );
      const applied = applyDraftEdits(before, edits);
      if (applied.problems.length > 0 || conflicts.length > 0)
        throw new DraftEditsRefusedError(applied.problems, conflicts);

      let after = applied.edition;
      if (row.derivedFrom) {
        const parent = editionFromRow(await findEditionRow({ prisma: tx }, row.derivedFrom.key));
        after = refreshLineage(parent, after);
      }
      const ids = await syncRefusingInUse(tx, editionId, rows, before, after, edits);
      const { version: editionVersion } = await tx.edition.update({
        where: { id: editionId },
        data: { version: { increment: 1 }, scoring: after.scoring },
        select: { version: true },
      });
      const stored = indexRows(await findEditionRow({ prisma: tx }, request.editionKey));
      await recordAuditEntries(
        tx,
        edits.map((edit) =>
          auditEntryOf(edit, {
            request,
            editionId,
            rows,
            stored,
            before,
            after,
            editionVersion,
            was: row.version,
          }),
        ),
      );
      return read(tx, { editionId, editionVersion, merged, ids, before, after });
    }, SAVE_TRANSACTION),
  );
  // The draft's contacts are scored again under the new definition right away (results reads meanwhile wait
  // for it: scoreStaleContacts). Not part of the save: should it fail, the next results read does it.
  await scoreStaleContacts(db, request.editionKey).catch(() => undefined);
  return result;
}

/** `SELECT … FOR UPDATE` on the edition: holds other saves (and publishing) of it until this one commits. */
export async function lockDraftEdition(tx: TransactionClient, editionKey: string): Promise<number> {
  const [edition] = await tx.$queryRaw<{ id: number; status: string }[]>`
    SELECT "id", "status"::text AS "status" FROM "Edition" WHERE "key" = ${editionKey} FOR UPDATE`;
  if (!edition) throw new DefinitionNotFoundError('Edition', editionKey);
  if (edition.status !== 'draft') throw new DefinitionReadOnlyError(editionKey, edition.status);
  return edition.id;
}

/** The versions of the stored items (the edition's for `{ level: 'edition' }`). */
const storedVersions =
  (rows: RowIndex, editionVersion: number): VersionOf =>
  (ref) =>
    ref.level === 'edition' ? editionVersion : (rows[ref.level].get(rowId(ref))?.version ?? 0);

/** The item an edit is based on (none for adds and reorders). */
function baseOf(edit: DraftEdit): ItemRef | null {
  switch (edit.kind) {
    case 'updateChannel':
      return { level: 'channel', key: edit.key };
    case 'updateArea':
      return { level: 'area', key: edit.key };
    case 'updatePerformance':
      return { level: 'performance', key: edit.key };
    case 'updateQuestion':
      return { level: 'question', key: edit.key };
    case 'updateOption':
      return { level: 'option', questionKey: edit.questionKey, key: edit.key };
    case 'remove':
      return edit.item;
    case 'move':
      return { level: edit.item.level, key: edit.item.key };
    default:
      return null;
  }
}

const rowId = (ref: ItemRef) => (ref.level === 'option' ? `${ref.questionKey}/${ref.key}` : ref.key);

/** The item an add creates, so later edits of the same list on it need no version check. */
function addedBy(edit: DraftEdit): string | null {
  switch (edit.kind) {
    case 'addChannel':
      return `channel:${edit.key}`;
    case 'addArea':
      return `area:${edit.key}`;
    case 'addPerformance':
      return `performance:${edit.key}`;
    case 'addQuestion':
      return `question:${edit.key}`;
    case 'addOption':
      return `option:${edit.questionKey}/${edit.key}`;
    default:
      return null;
  }
}

async function checkVersions(
  tx: TransactionClient,
  editionKey: string,
  editionVersion: number,
  rows: RowIndex,
  before: Edition,
  edits: readonly DraftEdit[],
): Promise<{ conflicts: DraftEditConflict[]; merged: number[] }> {
  const conflicts: DraftEditConflict[] = [];
  const merged: number[] = [];
  const added = new Set<string>();
  for (const [editIndex, edit] of edits.entries()) {
    const adds = addedBy(edit);
    if (adds) added.add(adds);
    if (edit.kind === 'updateScoring') {
      if (edit.version === editionVersion) continue;
      const changed = await scoringChangedSince(tx, editionKey, edit.version);
      const fields = conflictingFields(touchedFields(edit), changed);
      if (fields.length === 0) merged.push(editIndex);
      else
        conflicts.push({
          editIndex,
          item: { level: 'edition', key: editionKey },
          sentVersion: edit.version,
          currentVersion: editionVersion,
          fields,
          current: before.scoring,
        });
      continue;
    }
    const ref = baseOf(edit);
    if (!ref || !('version' in edit) || added.has(`${ref.level}:${rowId(ref)}`)) continue;
    const row = rows[ref.level].get(rowId(ref));
    // An item that is not there is the domain's to report (ITEM_NOT_FOUND).
    if (!row || row.version === edit.version) continue;
    const changed =
      row.version < edit.version
        ? ['*']
        : await fieldsChangedSince(tx, editionKey, ref, edit.version, row.version);
    const fields = conflictingFields(touchedFields(edit), changed);
    if (fields.length === 0) merged.push(editIndex);
    else
      conflicts.push({
        editIndex,
        item: ref,
        sentVersion: edit.version,
        currentVersion: row.version,
        fields,
        current: row,
      });
  }
  return { conflicts, merged };
}

/** Writes the rows; a removal of what evaluations or role plays use is the save's IN_USE problem. */
async function syncRefusingInUse(
  tx: TransactionClient,
  editionId: number,
  rows: RowIndex,
  before: Edition,
  after: Edition,
  edits: readonly DraftEdit[],
): Promise<RowIds> {
  try {
    return await syncDefinitionRows(tx, editionId, rows, before, after);
  } catch (error) {
    if (!(error instanceof DefinitionValidationError) || error.issues[0]?.code !== 'IN_USE') throw error;
    const removal = edits.findIndex((edit) => edit.kind === 'remove');
    const [issue] = error.issues;
    throw new DraftEditsRefusedError(
      [
        {
          editIndex: removal < 0 ? null : removal,
          path: removal < 0 ? '' : `edits[${removal}].item`,
          code: 'IN_USE',
          message: issue?.message ?? 'in use',
          ...(issue?.params ? { params: issue.params } : {}),
        },
      ],
      [],
    );
  }
}

interface AuditContext {
  request: DefinitionRequest;
  editionId: number;
  /** Rows before and after the save. */
  rows: RowIndex;
  stored: RowIndex;
  before: Edition;
  after: Edition;
  editionVersion: number;
  was: number;
}

const LEVEL_OF_EDIT: Partial<Record<DraftEdit['kind'], ItemLevel>> = {
  addChannel: 'channel',
  addArea: 'area',
  addPerformance: 'performance',
  addQuestion: 'question',
  addOption: 'option',
};

/** One audit entry per edit: the item's row before and after (a removed one with all it held). */
function auditEntryOf(edit: DraftEdit, context: AuditContext): AuditEntryInput {
  const { request, editionId, rows, stored, before, after } = context;
  const common = { actorId: request.actorId, editionId };
  const key = request.editionKey;
  if (edit.kind === 'updateScoring')
    return {
      ...common,
      action: 'scoring.update',
      entityType: ENTITY_TYPE.edition,
      entityId: key,
      before: { version: context.was, ...before.scoring },
      after: { version: context.editionVersion, ...after.scoring },
    };
  if (edit.kind === 'reorder') {
    const container =
      edit.parentKey === null
        ? ({ level: 'edition' } as const)
        : ({ level: HOLDER[edit.level as keyof typeof HOLDER], key: edit.parentKey } as const);
    const keys = (edition: Edition) => {
      try {
        return itemsIn(edition, container, edit.level).map((item) => item.key);
      } catch {
        return null; // the list went with its parent later in the same save
      }
    };
    return {
      ...common,
      action: `${edit.level}.reorder`,
      entityType: ENTITY_TYPE[container.level],
      entityId: entityIdOf(key, container),
      before: keys(before),
      after: keys(after),
    };
  }
  const level = LEVEL_OF_EDIT[edit.kind];
  const ref: ItemRef =
    baseOf(edit) ??
    (edit.kind === 'addOption'
      ? { level: 'option', questionKey: edit.questionKey, key: edit.key }
      : { level: level as Exclude<ItemLevel, 'option'>, key: (edit as { key: string }).key });
  const verb = edit.kind === 'remove' ? 'remove' : edit.kind === 'move' ? 'move' : level ? 'add' : 'update';
  const was: StoredRow | undefined = rows[ref.level].get(rowId(ref));
  const removed = edit.kind === 'remove' ? locate(before, ref)?.item : undefined;
  return {
    ...common,
    action: `${ref.level}.${verb}`,
    entityType: ENTITY_TYPE[ref.level],
    entityId: entityIdOf(key, ref),
    before: was ? { ...was, ...(removed ? { removed } : {}) } : null,
    after: stored[ref.level].get(rowId(ref)) ?? null,
  };
}

const HOLDER = { performance: 'area', question: 'performance', option: 'question' } as const;
