import {
  areaFields,
  type ContainerRef,
  channelFields,
  type DraftEdit,
  draftEditsBetween,
  type Edition,
  EditionItemNotFoundError,
  type ItemLevel,
  type ItemRef,
  locate,
  optionFields,
  performanceFields,
  questionFields,
  type ValidationIssue,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import type { TransactionClient } from '../repositories/transaction-client';
import {
  DefinitionKeyTakenError,
  DefinitionNotFoundError,
  DefinitionValidationError,
  DefinitionVersionConflictError,
} from './definition-errors';
import { entityIdOf, RESOURCE } from './definition-names';
import { type InputLocation, toRequestPaths } from './request-paths';
import { DraftEditsRefusedError, type SavedDraftEdits, saveDraftEdits } from './save-draft-edits';

/** Who edits which edition. */
export interface DefinitionRequest {
  editionKey: string;
  /** The user making the change, for the audit trail; null for scripts. */
  actorId: string | null;
}

/** One per-item edit of a draft edition's definition: the edition after it, and what it is about. */
export interface DefinitionEdit {
  /** The item added, changed or removed. */
  item?: ItemRef;
  /** The version of `item` the change is based on (updates and removals). */
  version?: number;
  /** For reorders: whose items are put in order. */
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

const rowKey = (ref: ItemRef) => (ref.level === 'option' ? `${ref.questionKey}/${ref.key}` : ref.key);

/**
 * A per-item definition edit (the API's addArea, updateQuestion, …): a thin wrapper over saveDraftEdits.
 * The plan edits the stored edition in memory; the draft edits between the two are saved exactly as the
 * editor's one save would save them (same version checks and merge, validation, lineage, audit), with the
 * item's version as sent. Errors come back as this item's: not found, key taken, version conflict, or
 * validation problems with `input.` paths.
 */
export async function changeDefinition<T = EditedDefinition>(
  db: Pick<Database, 'prisma' | 'sql'>,
  request: DefinitionRequest,
  plan: PlanEdit,
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  let edit: DefinitionEdit | undefined;
  try {
    return await saveDraftEdits(
      db,
      request,
      (before, versionOf) => {
        edit = planned(plan, before);
        const { item, version } = edit;
        const sent = (ref: ItemRef | { level: 'edition' }) =>
          item && version !== undefined && ref.level === item.level && rowKey(ref as ItemRef) === rowKey(item)
            ? version
            : versionOf(ref);
        const edits = draftEditsBetween(before, edit.after, sent);
        // An update whose values are stored already changes nothing, but one based on an older version must
        // still be checked like any other: the fields it names may have been changed by someone meanwhile.
        if (!item || version === undefined || version === versionOf(item) || !edit.input) return edits;
        const recheck = unchangedUpdate(edit.after, item, version, edit.input.fields);
        return recheck && !edits.some((e) => sameItem(e, item)) ? [...edits, recheck] : edits;
      },
      (tx, saved) => read(tx, editedDefinition(saved, edit as DefinitionEdit)),
    );
  } catch (error) {
    if (error instanceof DraftEditsRefusedError && edit) throw asItemError(request.editionKey, error, edit);
    throw error;
  }
}

const UPDATE_OF = {
  channel: { kind: 'updateChannel', fields: channelFields },
  area: { kind: 'updateArea', fields: areaFields },
  performance: { kind: 'updatePerformance', fields: performanceFields },
  question: { kind: 'updateQuestion', fields: questionFields },
  option: { kind: 'updateOption', fields: optionFields },
} as const;

/** An update of `item` setting the named fields to the values they have (a version check, nothing more). */
function unchangedUpdate(
  edition: Edition,
  item: ItemRef,
  version: number,
  fields: Iterable<string>,
): DraftEdit | null {
  const found = locate(edition, item)?.item;
  if (!found) return null;
  const { kind, fields: fieldsOf } = UPDATE_OF[item.level];
  const values = (fieldsOf as (item: unknown) => Record<string, unknown>)(found);
  const named = new Set(fields);
  const given = Object.fromEntries(Object.entries(values).filter(([field]) => named.has(field)));
  if (Object.keys(given).length === 0) return null;
  const where =
    item.level === 'option' ? { questionKey: item.questionKey, key: item.key } : { key: item.key };
  return { kind, ...where, version, ...given } as DraftEdit;
}

/** Whether an edit is about the item (an update, removal or move of it). */
function sameItem(edit: DraftEdit, item: ItemRef): boolean {
  if (edit.kind === 'remove') return edit.item.level === item.level && rowKey(edit.item) === rowKey(item);
  if (edit.kind === 'move') return edit.item.level === item.level && edit.item.key === item.key;
  if (!('key' in edit)) return false;
  return edit.kind === UPDATE_OF[item.level].kind && edit.key === item.key;
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

/** A refused save of one item's edit, as that item's error. */
function asItemError(editionKey: string, error: DraftEditsRefusedError, edit: DefinitionEdit): Error {
  const [conflict] = error.conflicts;
  if (conflict && conflict.item.level !== 'edition')
    return new DefinitionVersionConflictError(
      RESOURCE[conflict.item.level],
      entityIdOf(editionKey, conflict.item),
      conflict.sentVersion,
      conflict.currentVersion,
      conflict.current,
    );
  for (const problem of error.problems) {
    if (problem.code === 'ITEM_NOT_FOUND' || problem.code === 'PARENT_NOT_FOUND') {
      const level = String(problem.params?.level ?? 'area') as ItemLevel;
      return new DefinitionNotFoundError(RESOURCE[level], `${editionKey}/${problem.params?.key ?? ''}`);
    }
    if (problem.code === 'DUPLICATE_KEY' && problem.path.startsWith('edits['))
      return new DefinitionKeyTakenError(
        RESOURCE[String(problem.params?.level ?? 'area') as ItemLevel],
        String(problem.params?.key ?? ''),
        editionKey,
      );
  }
  const location = edit.item && edit.input ? locate(edit.after, edit.item) : null;
  const input: InputLocation | undefined =
    location && edit.input
      ? { path: location.path, fields: new Set(edit.input.fields), rename: edit.input.rename }
      : undefined;
  const issues: ValidationIssue[] = error.problems.map(({ path, message, code, params }) => ({
    // The request names one item: an edit's own field is the request's key (or, for a reorder, keys).
    path: path.startsWith('edits[') ? (edit.reorder ? 'keys' : 'key') : path,
    message,
    code,
    ...(params ? { params } : {}),
  }));
  return new DefinitionValidationError(toRequestPaths(issues, input));
}

function editedDefinition(saved: SavedDraftEdits, edit: DefinitionEdit): EditedDefinition {
  const { editionId, ids, before, after } = saved;
  const containerId = (container: ContainerRef | undefined) =>
    container && container.level !== 'edition' ? (ids[container.level].get(container.key) ?? null) : null;
  if (edit.reorder) return { editionId, itemId: null, containerId: containerId(edit.reorder.container) };
  if (!edit.item) return { editionId, itemId: null, containerId: null };
  const itemId = ids[edit.item.level].get(rowKey(edit.item)) ?? null;
  const place = locate(after, edit.item) ?? locate(before, edit.item);
  return { editionId, itemId, containerId: containerId(place?.container) };
}
