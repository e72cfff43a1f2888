import {
  addItem,
  type ContainerRef,
  type ItemLevel,
  type ItemOf,
  type ItemRef,
  itemRef,
  itemsIn,
  keyFromText,
  type LocalizedText,
  moveItem,
  removeItem,
  reorderItems,
  replaceItem,
  takenKeys,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import {
  changeDefinition,
  type DefinitionReader,
  type DefinitionRequest,
  type EditedDefinition,
} from './change-definition';
import { DefinitionKeyTakenError, DefinitionValidationError } from './definition-errors';
import { entityIdOf, RESOURCE } from './definition-names';

// The four shapes every definition edit takes (add, update, remove, reorder), for any level of the tree.
// The per-concept files (area-edits, performance-edits, …) only say what their input means: each of their
// edits is made by addEdit, updateEdit, removeEdit or reorderEdit (bottom of this file) from a function of
// the request.

type Db = Pick<Database, 'prisma' | 'sql'>;

/** Names of the input fields that are set (undefined = not given). */
export const givenFields = (input: object) =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);

/** An update's value for a nullable field: the given one (null clears it), or the current one when not given. */
export const givenOr = <V>(given: V | undefined, current: V): V => (given === undefined ? current : given);

export interface AddItem<L extends ItemLevel> {
  level: L;
  container: ContainerRef;
  /** The new item's key; null or absent = made from `keySource` (see keyFromText). */
  key?: string | null;
  keySource: LocalizedText;
  /** The new item (its order is set to come last). */
  build: (key: string) => Omit<ItemOf[L], 'order'>;
  /** The input fields given, for problem paths. */
  fields: Iterable<string>;
}

/** Adds an item at the end of its container; a given key must be free (DefinitionKeyTakenError). */
export function addDefinitionItem<L extends ItemLevel, T>(
  db: Db,
  request: DefinitionRequest,
  spec: AddItem<L>,
  read?: DefinitionReader<T>,
): Promise<T> {
  return changeDefinition(
    db,
    request,
    (edition) => {
      const taken = takenKeys(edition, spec.level, spec.container);
      if (spec.key != null && taken.has(spec.key)) {
        const scope = spec.level === 'option' ? entityIdOf(edition.key, spec.container) : edition.key;
        throw new DefinitionKeyTakenError(RESOURCE[spec.level], spec.key, scope);
      }
      const key = spec.key ?? keyFromText(spec.keySource, taken, spec.level);
      return {
        item: itemRef(spec.level, key, spec.container),
        after: addItem(edition, spec.container, spec.level, spec.build(key)),
        input: { fields: ['key', ...spec.fields] },
      };
    },
    read,
  );
}

export interface UpdateItem<L extends ItemLevel> {
  ref: ItemRef & { level: L };
  /** The version the change is based on. */
  version: number;
  change: (item: ItemOf[L]) => ItemOf[L];
  /** Moves the item to the end of another container of its kind. */
  moveTo?: ContainerRef;
  fields: Iterable<string>;
  rename?: Record<string, string>;
}

/** Changes an item (and maybe moves it), based on the version the caller read. */
export function updateDefinitionItem<L extends ItemLevel, T>(
  db: Db,
  request: DefinitionRequest,
  spec: UpdateItem<L>,
  read?: DefinitionReader<T>,
): Promise<T> {
  return changeDefinition(
    db,
    request,
    (edition) => {
      const changed = replaceItem(edition, spec.ref, spec.change);
      return {
        item: spec.ref,
        version: spec.version,
        after: spec.moveTo ? moveItem(changed, spec.ref, spec.moveTo) : changed,
        input: { fields: spec.fields, rename: spec.rename },
      };
    },
    read,
  );
}

/** Removes an item and everything it holds, based on the version the caller read. */
export function removeDefinitionItem<T>(
  db: Db,
  request: DefinitionRequest,
  spec: { ref: ItemRef; version: number },
  read?: DefinitionReader<T>,
): Promise<T> {
  return changeDefinition(
    db,
    request,
    (edition) => ({
      item: spec.ref,
      version: spec.version,
      after: removeItem(edition, spec.ref),
    }),
    read,
  );
}

/** Puts a container's items in the given order; `keys` must list every item exactly once (problems at `keys`). */
export function reorderDefinitionItems<T>(
  db: Db,
  request: DefinitionRequest,
  spec: { container: ContainerRef; level: ItemLevel; keys: string[] },
  read?: DefinitionReader<T>,
): Promise<T> {
  return changeDefinition(
    db,
    request,
    (edition) => {
      const known = itemsIn(edition, spec.container, spec.level).map((item) => item.key);
      const problem = (message: string) => ({ path: 'keys', message });
      const problems = [
        ...spec.keys.filter((k) => !known.includes(k)).map((k) => problem(`no ${spec.level} "${k}"`)),
        ...known.filter((k) => !spec.keys.includes(k)).map((k) => problem(`${spec.level} "${k}" is missing`)),
        ...(new Set(spec.keys).size !== spec.keys.length ? [problem('a key is listed twice')] : []),
      ];
      if (problems.length > 0) throw new DefinitionValidationError(problems);
      return {
        reorder: { container: spec.container, level: spec.level },
        after: reorderItems(edition, spec.container, spec.level, spec.keys),
      };
    },
    read,
  );
}

/**
 * A definition edit as the package exports it: the request names the edition, the item and the input;
 * `read` picks the result inside the edit's transaction (default: what the edit touched, as row ids).
 */
export type DefinitionEditor<R> = <T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & R,
  read?: DefinitionReader<T>,
) => Promise<T>;

/** An add edit: `spec` says from the request where the new item goes and what it is. */
export const addEdit =
  <L extends ItemLevel, R extends { input: object }>(
    spec: (request: R) => Omit<AddItem<L>, 'fields'>,
  ): DefinitionEditor<R> =>
  (db, request, read) =>
    addDefinitionItem(db, request, { ...spec(request), fields: givenFields(request.input) }, read);

/** An update edit, based on the version the caller read: `spec` says from the request which item changes and how. */
export const updateEdit =
  <L extends ItemLevel, R extends { input: object }>(
    spec: (request: R) => Omit<UpdateItem<L>, 'version' | 'fields'>,
  ): DefinitionEditor<R & { version: number }> =>
  (db, request, read) =>
    updateDefinitionItem(
      db,
      request,
      { ...spec(request), version: request.version, fields: givenFields(request.input) },
      read,
    );

/** A remove edit, based on the version the caller read: `ref` names the item from the request. */
export const removeEdit =
  <R>(ref: (request: R) => ItemRef): DefinitionEditor<R & { version: number }> =>
  (db, request, read) =>
    removeDefinitionItem(db, request, { ref: ref(request), version: request.version }, read);

/** A reorder edit of `level`'s items in the container the request names. */
export const reorderEdit =
  <R>(level: ItemLevel, container: (request: R) => ContainerRef): DefinitionEditor<R & { keys: string[] }> =>
  (db, request, read) =>
    reorderDefinitionItems(db, request, { container: container(request), level, keys: request.keys }, read);
