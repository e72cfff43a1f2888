import { ApiError } from '../errors';

/**
 * Errors that are about the service rather than the request: they reach the client as GraphQL errors
 * (`extensions.code`) and set the HTTP status, so proxies and clients can back off and retry.
 */
export class RateLimitedError extends ApiError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(
    message: string,
    /** Whole seconds until a retry can succeed. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

export class ServiceUnavailableError extends ApiError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly httpStatus = 503;
  readonly retryAfterSeconds = 5;
  constructor(message = 'The database is not reachable right now. Try again in a few seconds.') {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

/** The HTTP status and Retry-After a response gets when one of its errors has this code. */
export const SERVICE_ERROR_STATUS: Record<string, number> = {
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};
