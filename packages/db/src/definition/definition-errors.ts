import { DomainValidationError, type ValidationIssue } from '@ksp/domain';
import { EditionReadOnlyError, NotFoundError } from '../errors/database-errors';

/** The edition or the definition item an edit names does not exist. */
export class DefinitionNotFoundError extends NotFoundError {
  constructor(
    readonly resource: string,
    readonly key: string,
  ) {
    super(`${resource} "${key}" was not found`);
    this.name = 'DefinitionNotFoundError';
  }
}

/** The edit is for a published or closed edition; its definition is read-only (the triggers would refuse it too). */
export class DefinitionReadOnlyError extends EditionReadOnlyError {
  constructor(
    editionKey: string,
    readonly status: string,
  ) {
    super(`edition ${editionKey} is ${status}: its definition is read-only`);
    this.name = 'DefinitionReadOnlyError';
  }
}

/**
 * The edit was based on an outdated version of the item (someone else changed it since it was read).
 * Carries the stored row as it is now, so the caller can show it and retry.
 */
export class DefinitionVersionConflictError extends Error {
  constructor(
    readonly resource: string,
    readonly key: string,
    readonly sentVersion: number,
    readonly currentVersion: number,
    readonly current: unknown,
  ) {
    super(
      `${resource} "${key}" was changed by someone else (version ${currentVersion}, you sent ${sentVersion}). Reload and retry.`,
    );
    this.name = 'DefinitionVersionConflictError';
  }
}

/** A new item was given a key its edition (or, for options, its question) already uses. */
export class DefinitionKeyTakenError extends Error {
  constructor(
    readonly resource: string,
    readonly key: string,
    readonly scope: string,
  ) {
    super(`${resource} key "${key}" is already used in ${scope}`);
    this.name = 'DefinitionKeyTakenError';
  }
}

/**
 * The edit would break the edition's rules (the domain's editionSchema/checkEdition) or names things that do
 * not fit. Paths are relative to the request: `input.<field>` for the item the request describes, `keys`
 * for a reorder, and the domain's edition path (e.g. `scoring.headlineAreaKey`) for problems elsewhere.
 */
export class DefinitionValidationError extends DomainValidationError {
  constructor(issues: ValidationIssue[]) {
    super('The definition change', issues);
    this.name = 'DefinitionValidationError';
  }
}
