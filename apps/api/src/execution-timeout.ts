import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { ExecutionTimeoutError } from './http/service-errors';

/**
 * Per-request time limit for queries (GRAPHQL_EXECUTION_TIMEOUT_MS): once it has passed, every field that
 * would start resolving fails with ExecutionTimeoutError instead, so the rest of the query costs nothing and
 * the answer (HTTP 503) carries that error once. graphql-js cannot interrupt a resolver already running; the
 * database's statement timeout bounds those. Mutations are exempt: their work is one transaction whose
 * outcome the caller must learn, and imports legitimately take longer.
 */
export function executionTimeout(limitMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (limitMs <= 0) return {};
      return {
        async executionDidStart({ operation }) {
          // No operation (an unknown operationName): execution only reports that, nothing to time.
          if ((operation as typeof operation | undefined)?.operation !== 'query') return;
          const deadline = performance.now() + limitMs;
          return {
            willResolveField() {
              if (performance.now() > deadline) throw new ExecutionTimeoutError(limitMs);
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          let seen = false;
          result.errors = result.errors?.filter((error) => {
            if (error.extensions?.code !== 'EXECUTION_TIMEOUT') return true;
            if (seen) return false;
            seen = true;
            return true;
          });
        },
      };
    },
  };
}
