import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { isDatabaseUnavailable } from '@ksp/db';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { ApiConfig } from './config';
import type { Context } from './context';
import { ApiError } from './errors';
import { executionTimeout } from './execution-timeout';
import { graphqlLimits } from './graphql-limits';
import { httpHead, ServiceUnavailableError } from './http/service-errors';
import { listBounds } from './list-bounds';
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

/**
 * A lost database surfaces as the driver's own error, not one of ours: give it the 503 and Retry-After of
 * ServiceUnavailableError (whose message formatError puts in its place) the same way, via `extensions.http`.
 */
const databaseUnavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const cause = rootCause(error);
          if (cause instanceof ApiError || !isDatabaseUnavailable(cause)) continue;
          const unavailable = new ServiceUnavailableError();
          (error.extensions as Record<string, unknown>).http = httpHead(
            unavailable.httpStatus,
            unavailable.retryAfterSeconds,
          );
        }
      },
    };
  },
};

export function createApollo(options: { schema: GraphQLSchema; app: FastifyInstance; config: ApiConfig }) {
  const { config } = options;
  const limits = graphqlLimits(config);
  return new ApolloServer<Context>({
    schema: options.schema,
    introspection: config.introspection,
    // Huge documents (aliases ×1000) are refused while parsing, before validation (HTTP 400).
    parseOptions: { maxTokens: config.limits.tokens },
    validationRules: limits.validationRules,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    // The process installs its own SIGTERM/SIGINT handling (see main.ts) to close the database too.
    stopOnTerminationSignals: false,
    plugins: [
      // We use no cache hints; the default plugin would wrap every resolver (measurable per-request cost).
      ApolloServerPluginCacheControlDisabled(),
      // GraphiQL at /graphiql replaces Apollo's landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces are for federation subgraphs, which this schema is not: the default plugin would do nothing
      // but load its protobuf encoder (~180 kB) while the API starts.
      ApolloServerPluginInlineTraceDisabled(),
      // Stops accepting, lets in-flight requests finish (connections cut after 10 s), then closes Fastify.
      fastifyApolloDrainPlugin(options.app),
      ...limits.plugins,
      listBounds(),
      executionTimeout(config.limits.executionTimeoutMs),
      databaseUnavailableStatus,
      requestIdAndErrorLogging,
    ],
  });
}
