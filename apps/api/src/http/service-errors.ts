import { HeaderMap } from '@apollo/server';
import { ApiError } from '../errors';

/**
 * Errors about the service rather than the request's data. They reach the client as GraphQL errors
 * (`extensions.code`) and set the HTTP status through `extensions.http`, Apollo's own mechanism: graphql-js
 * copies a thrown error's `extensions` onto the GraphQLError that wraps it, Apollo takes `http` from there
 * (status and headers) and drops it from the body. So proxies and clients can tell "retry later" apart.
 */
export abstract class ServiceError extends ApiError {
  abstract readonly httpStatus: number;
  /** Whole seconds until a retry can succeed; sent as Retry-After and `extensions.retryAfterSeconds`. */
  readonly retryAfterSeconds: number | undefined = undefined;

  get extensions(): { http: { status: number; headers: HeaderMap } } {
    return { http: httpHead(this.httpStatus, this.retryAfterSeconds) };
  }
}

/** The `extensions.http` value Apollo reads: a status and, for retryable errors, Retry-After. */
export function httpHead(status: number, retryAfterSeconds?: number) {
  const headers = new HeaderMap();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  return { status, headers };
}

export class RateLimitedError extends ServiceError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(
    message: string,
    override readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

export class ServiceUnavailableError extends ServiceError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly httpStatus = 503;
  override readonly retryAfterSeconds = 5;
  constructor(message = 'The database is not reachable right now. Try again in a few seconds.') {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

/** A query still resolving fields past GRAPHQL_EXECUTION_TIMEOUT_MS: the rest of it is not resolved. */
export class ExecutionTimeoutError extends ServiceError {
  readonly code = 'EXECUTION_TIMEOUT';
  readonly httpStatus = 503;
  constructor(limitMs: number) {
    super(`The query ran longer than ${limitMs} ms and was stopped. Ask for less (fewer fields or items).`);
    this.name = 'ExecutionTimeoutError';
  }
}
