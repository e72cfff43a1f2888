import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context';
import { ApiError } from './errors';
import { isGraphQLError, maskError, rootCause } from './mask-error';

/** Logs every error with its stack (the client sees only the masked message) and stamps the request id on errors. */
const requestIdAndErrorLogging: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          const original = rootCause(error);
          const expected = original instanceof ApiError || isGraphQLError(original);
          contextValue.log[expected ? 'debug' : 'error']({ err: original, operationName }, 'GraphQL error');
        }
      },
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          (error.extensions as Record<string, unknown> | undefined) ??= {};
          Object.assign(error.extensions as object, { requestId: contextValue.requestId });
        }
      },
    };
  },
};

export function createApollo(options: {
  schema: GraphQLSchema;
  httpServer: Server;
  introspection: boolean;
  /** Documents with more tokens are refused while parsing, before validation and the complexity checks. */
  maxTokens: number;
}) {
  return new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    // Cheap first line against huge documents (aliases ×1000): the complexity plugin checks later, per field.
    parseOptions: { maxTokens: options.maxTokens },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    // The process installs its own SIGTERM/SIGINT handling (see main.ts) to close the database too.
    stopOnTerminationSignals: false,
    plugins: [
      // We use no cache hints; the default plugin would wrap every resolver (measurable per-request cost).
      ApolloServerPluginCacheControlDisabled(),
      // GraphiQL at /graphiql replaces Apollo's landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: 10_000 }),
      requestIdAndErrorLogging,
    ],
  });
}
