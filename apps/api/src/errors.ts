import {
  ConstraintViolationError,
  NotFoundError as DbNotFoundError,
  EditionReadOnlyError,
  EditionStatusChangeError,
  InUseError,
  RecordNotFoundError,
  translateDatabaseError,
  VersionMismatchError,
} from '@ksp/db';
import { DomainValidationError } from '@ksp/domain';

/**
 * Expected failures. Mutations return them as members of their result union (errors plugin); on plain
 * queries they become GraphQL errors whose `extensions.code` is `code`. Anything else is unexpected and
 * is masked by the server's formatError.
 */
export abstract class ApiError extends Error {
  abstract readonly code: string;
}

/** One problem with an input: where, what (for people), and for evaluations the rule's code and its figures. */
export type FieldError = {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
};

export class ValidationError extends ApiError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly fieldErrors: FieldError[],
    message = `The input is not valid: ${fieldErrors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends ApiError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly resource: string,
    readonly key: string,
  ) {
    super(`${resource} "${key}" was not found.`);
    this.name = 'NotFoundError';
  }
}

/** A write based on an outdated version, or a key already taken. Carries what is current now. */
export class ConflictError extends ApiError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly currentVersion: number | null = null,
    readonly current: unknown = null,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class ReadOnlyEditionError extends ApiError {
  readonly code = 'READ_ONLY_EDITION';
  constructor(
    readonly editionKey: string,
    readonly status: string,
  ) {
    super(
      `Edition ${editionKey} is ${status}: its definition is read-only. Derive a new edition to change it.`,
    );
    this.name = 'ReadOnlyEditionError';
  }
}

/** A definition problem as the API reports it: the change it comes from and the item it is about. */
export type DefinitionChangeProblem = FieldError & {
  changeIndex: number | null;
  item?: { level: string; key: string; questionKey?: string };
};

/** A change based on an older version that touches fields someone else changed since. */
export type DefinitionChangeConflict = {
  changeIndex: number;
  item: { level: string; key: string; questionKey?: string };
  sentVersion: number;
  currentVersion: number;
  fields: string[];
  current: unknown;
};

/** A list of definition changes refused as a whole (nothing was stored), with every problem and conflict. */
export class DefinitionChangesRefusedError extends ApiError {
  readonly code = 'DEFINITION_CHANGES_REFUSED';
  constructor(
    readonly problems: DefinitionChangeProblem[],
    readonly conflicts: DefinitionChangeConflict[],
  ) {
    super(
      `Nothing was saved: ${problems.length} problem(s) and ${conflicts.length} conflict(s) in the changes.`,
    );
    this.name = 'DefinitionChangesRefusedError';
  }
}

export class InvalidCredentialsError extends ApiError {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('The e-mail address or password is wrong, or the account is disabled.');
    this.name = 'InvalidCredentialsError';
  }
}

/** Turns the domain's and the database layer's typed errors into the API's; leaves others untouched. */
export function toApiError(thrown: unknown): unknown {
  const error = translateDatabaseError(thrown);
  if (error instanceof ApiError) return error;
  if (error instanceof DomainValidationError) return new ValidationError(error.issues, error.message);
  if (error instanceof EditionReadOnlyError)
    return new ReadOnlyEditionError(
      error.editionKey ?? '?',
      /^edition \S+ is (published|closed)\b/.exec(error.message)?.[1] ?? 'published or closed',
    );
  if (error instanceof EditionStatusChangeError)
    return new ValidationError([{ path: 'status', message: error.message }], error.message);
  if (error instanceof RecordNotFoundError) return new NotFoundError(error.resource, error.key);
  if (error instanceof DbNotFoundError) return new NotFoundError('Record', error.message);
  if (error instanceof VersionMismatchError)
    return new ConflictError(`${error.message}: reload and retry.`, error.currentVersion, error.current);
  // Removing what evaluations still refer to: the state conflicts with the request.
  if (error instanceof InUseError) return new ConflictError(error.message);
  if (error instanceof ConstraintViolationError) {
    return error.kind === 'unique'
      ? new ConflictError(`Already exists: ${error.message}`)
      : new ValidationError([{ path: '', message: error.message }], error.message);
  }
  return error;
}

/** Runs `work`, rethrowing known lower-layer errors as API errors so the errors plugin can return them. */
export async function withApiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}
