import { isDatabaseUnavailable } from '@ksp/db';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApiError } from './errors';
import { ServiceUnavailableError } from './http/service-errors';

/**
 * GraphQL's own errors (and Pothos' validation/complexity errors, which extend them). Checked by shape as
 * well as class: a second copy of graphql-js (ESM next to CJS) would make `instanceof` miss them.
 */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return (
    error instanceof GraphQLError ||
    (error instanceof Error && 'extensions' in error && 'locations' in error && 'path' in error)
  );
}

/** The error actually thrown: graphql-js and Apollo wrap it (once or more) in GraphQLErrors. */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

/**
 * Apollo's formatError: typed API errors keep their message and get `extensions.code`; GraphQL's own errors
 * (syntax, validation, limits) pass through; anything else is a bug whose details stay in the logs.
 * Stack traces never leave the server.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = rootCause(error);
  // An unreachable database is not a bug: the client gets a retryable 503-style error (see server.ts).
  const original =
    !(cause instanceof ApiError) && isDatabaseUnavailable(cause) ? new ServiceUnavailableError() : cause;
  const { extensions, ...rest } = formatted;
  const { stacktrace: _stacktrace, ...safeExtensions } = extensions ?? {};
  if (original instanceof ApiError) {
    const retryAfterSeconds = 'retryAfterSeconds' in original ? original.retryAfterSeconds : undefined;
    return {
      ...rest,
      message: original.message,
      extensions: {
        ...safeExtensions,
        code: original.code,
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
      },
    };
  }
  if (isGraphQLError(original)) {
    // GraphQL errors thrown on purpose by the schema's plugins (relay paging arguments, validation, complexity)
    // are about the request; Apollo stamps INTERNAL_SERVER_ERROR on any error without a code.
    const code = safeExtensions.code;
    const extensionsOut =
      code === undefined || code === 'INTERNAL_SERVER_ERROR'
        ? { ...safeExtensions, code: 'BAD_USER_INPUT' }
        : safeExtensions;
    return { ...rest, extensions: extensionsOut };
  }
  return {
    message: 'Internal server error',
    ...(rest.locations ? { locations: rest.locations } : {}),
    ...(rest.path ? { path: rest.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
