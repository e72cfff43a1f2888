import {
  type Database,
  DefinitionKeyTakenError,
  DefinitionNotFoundError,
  type DefinitionReader,
  DefinitionReadOnlyError,
  type DefinitionRequest,
  DefinitionVersionConflictError,
} from '@ksp/db';
import { builder } from '../../builder';
import type { Context } from '../../context';
import {
  ConflictError,
  NotFoundError,
  ReadOnlyEditionError,
  toApiError,
  ValidationError,
} from '../../errors';
import { directResultOf, resultOf } from '../result-options';

/** The errors of the data layer's definition edits as the API's typed errors. */
export function definitionApiError(error: unknown): unknown {
  if (error instanceof DefinitionVersionConflictError)
    return new ConflictError(error.message, error.currentVersion, error.current);
  if (error instanceof DefinitionKeyTakenError)
    return new ConflictError(`${error.message}; choose another key.`);
  if (error instanceof DefinitionNotFoundError) return new NotFoundError(error.resource, error.key);
  if (error instanceof DefinitionReadOnlyError)
    return new ReadOnlyEditionError(error.editionKey ?? '?', error.status);
  return toApiError(error);
}

/**
 * Runs one definition edit for the signed-in admin: `edit` (one of @ksp/db's definition edits) gets the
 * request `args` (edition, item, input) with the admin as actor, and `read` picks the result inside its
 * transaction (the data layer does the transaction, version check, domain validation and audit entry).
 * Cached results, which may depend on the definition, are dropped afterwards.
 */
export async function editDefinition<R extends { editionKey: string }, T>(
  context: Context,
  // Generic in what it reads, like @ksp/db's edits; R comes from `args` alone.
  edit: <U>(db: Database, request: NoInfer<R> & DefinitionRequest, read: DefinitionReader<U>) => Promise<U>,
  args: R,
  read: DefinitionReader<T>,
): Promise<T> {
  try {
    const result = await edit(
      context.services.db,
      { ...args, actorId: context.viewer?.userId ?? null },
      read,
    );
    context.services.results.invalidate();
    return result;
  } catch (error) {
    throw definitionApiError(error);
  }
}

/** Typed errors of adds and updates (a taken key or an outdated version is a ConflictError). */
export const editErrors = [NotFoundError, ConflictError, ReadOnlyEditionError, ValidationError];
/** Typed errors of reorders. */
export const reorderErrors = [NotFoundError, ReadOnlyEditionError, ValidationError];

export const itemResult = (field: string) => directResultOf(field, editErrors);
export const listResult = (field: string) => resultOf(field, reorderErrors);

/** Arguments every definition mutation shares, so their signatures read alike. */
export const definitionArgs = builder.args((t) => ({
  editionKey: t.string({ required: true, description: 'The draft edition.' }),
}));
export const versionedArgs = builder.args((t) => ({
  editionKey: t.string({ required: true, description: 'The draft edition.' }),
  key: t.string({ required: true, description: 'The item’s stable key.' }),
  version: t.int({ required: true, description: 'The version the change is based on (as read).' }),
}));
export const keysArg = builder.args((t) => ({
  keys: t.stringList({
    required: true,
    description: 'Every item key of the list, once each, in the new order.',
    extensions: { maxItems: 500 },
  }),
}));
