import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import { isDatabaseUnavailable } from '@ksp/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { createApollo } from './apollo';
import { bearerToken } from './auth/token';
import type { ApiConfig } from './config';
import type { Context } from './context';
import { handleExportRequest } from './http/exports';
import { EXPORTS_PREFIX } from './http/exports-paths';
import { registerGraphiql } from './http/graphiql';
import { replyWithError } from './http/replies';
import { registerSecurityHeaders } from './http/security-headers';
import { ServiceUnavailableError } from './http/service-errors';
import { registerAdminApp, serveAdminAppShell } from './http/static-files';
import type { Logger } from './logger';
import type { Services } from './services';

export type ApiServerOptions = {
  config: ApiConfig;
  logger: Logger;
  services: Services;
  schema: GraphQLSchema;
};

export type ApiServer = {
  app: FastifyInstance;
  httpServer: Server;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
};

const REQUEST_ID = /^[\w.-]{1,64}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The GraphQL context, built before Apollo runs so its failures get the HTTP layer's answers. */
    graphqlContext?: Context;
  }
}

/** Fastify with Apollo, the admin app, GraphiQL, the export downloads and the probes; nothing listens until `listen`. */
export async function createApiServer({
  config,
  logger,
  services,
  schema,
}: ApiServerOptions): Promise<ApiServer> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Our own one line per request (below), with the fields the operations docs promise.
    disableRequestLogging: true,
    requestIdLogLabel: 'requestId',
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    // A hop count or the proxies' addresses: the client-set leftmost X-Forwarded-For is never believed.
    trustProxy: trustProxyOption(config.trustProxy),
    // Idle keep-alive connections stay open longer than a load balancer's (typically 60 s) idle timeout, so the
    // balancer never reuses a connection the API has just closed (a spurious 502).
    keepAliveTimeout: 65_000,
    // A malformed `%` escape in the path is the client's mistake: 400 in the GraphQL error shape, not Fastify's.
    frameworkErrors: (error, _request, reply) =>
      replyWithError(reply, 400, `The path is not valid: ${error.message}`, 'BAD_REQUEST'),
  });
  app.server.headersTimeout = 66_000;

  const apollo = createApollo({ schema, app, config });
  await apollo.start();

  // Every refusal is a GraphQL-shaped body (`errors[].message`, `extensions.code`): Fastify's own (400 for a
  // malformed `%` escape or JSON, 413 over BODY_LIMIT_BYTES), the rate limit's 429, and masked 500s.
  app.setErrorHandler((error: HttpError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      // E.g. the bearer-token lookup before GraphQL runs: same retryable answer as inside GraphQL.
      request.log.warn({ err: error }, 'database unavailable');
      const unavailable = new ServiceUnavailableError();
      reply.header('retry-after', String(unavailable.retryAfterSeconds));
      return replyWithError(reply, 503, unavailable.message, unavailable.code, {
        retryAfterSeconds: unavailable.retryAfterSeconds,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return replyWithError(reply, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
    }
    const extra = error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {};
    // Over the body limit: Fastify refuses before reading. Read the rest (a bounded amount) and throw it away, so a
    // client still sending gets the 413 rather than a reset connection.
    if (status === 413)
      return drainBody(request.raw, DRAIN_LIMIT_BYTES).then(() =>
        replyWithError(reply, status, error.message, httpErrorCode(status), extra),
      );
    return replyWithError(reply, status, error.message, httpErrorCode(status), extra);
  });

  app.setNotFoundHandler((request, reply) => {
    if (config.adminDistDir && serveAdminAppShell(request, reply)) return reply;
    return replyWithError(reply, 404, `Nothing at ${request.url.split('?')[0]}.`, 'NOT_FOUND');
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  await registerSecurityHeaders(app);
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  if (config.rateLimit.max > 0) {
    await app.register(fastifyRateLimit, {
      global: false,
      // Memory, per process: flood protection only (login guessing is limited in the database).
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return Object.assign(new Error('Too many requests. Slow down.'), {
          statusCode: 429,
          code: 'RATE_LIMITED',
          retryAfterSeconds: seconds,
        });
      },
    });
  }

  // Apollo handles JSON bodies; any other type reaches it as text so it can answer 400 in the GraphQL shape.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const graphqlHandler = fastifyApolloHandler<Context>(apollo, {
    context: async (request) => request.graphqlContext as Context,
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    exposeHeadRoute: false,
    config: {
      rateLimit: { max: config.rateLimit.max, timeWindow: config.rateLimit.windowMs },
    },
    preHandler: async (request) => {
      const token = bearerToken(request.headers.authorization);
      request.graphqlContext = {
        requestId: request.id,
        clientIp: request.ip,
        token,
        viewer: token ? await services.authenticate(token) : null,
        log: request.log as Logger,
        config,
        services,
      };
    },
    handler: graphqlHandler,
  });
  app.route({
    method: ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'],
    url: '/graphql',
    config: {
      rateLimit: { max: config.rateLimit.max, timeWindow: config.rateLimit.windowMs },
    },
    handler: (_request, reply) =>
      replyWithError(reply.header('allow', 'GET, POST'), 405, 'Use GET or POST.', 'METHOD_NOT_ALLOWED'),
  });

  // Probes answer a few bytes, below the compression threshold: `compress: false` also spares the first probe
  // @fastify/compress's check for a fetch Response, which loads Node's fetch implementation (~50 ms at start).
  app.get('/health', { compress: false }, async () => ({ status: 'ok' }));
  app.get('/ready', { compress: false }, async (_request, reply) => {
    // Bounded: a database that does not answer must not make the readiness probe hang.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), config.readyTimeoutMs);
    });
    const ready = await Promise.race([services.ready().catch(() => false), timeout]);
    clearTimeout(timer);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.all(`${EXPORTS_PREFIX}*`, (request: FastifyRequest, reply: FastifyReply) =>
    handleExportRequest(request, reply, services),
  );

  await registerGraphiql(app);
  if (config.adminDistDir) await registerAdminApp(app, config.adminDistDir);

  return {
    app,
    httpServer: app.server,
    async listen(port = config.port, host = config.host) {
      await app.listen({ port, host });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('The server has no TCP address.');
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;
    },
    async close() {
      // Apollo's drain plugin closes Fastify, which waits for in-flight requests (cut after 10 s).
      await apollo.stop();
      await services.close();
    },
  };
}

/** Fastify's trustProxy takes a hop count at run time but types only a function for it: hops nearer than n. */
function trustProxyOption(trust: ApiConfig['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

type HttpError = Error & { statusCode?: number; retryAfterSeconds?: number };

/** The `extensions.code` of an HTTP-level refusal, by status (Fastify's own codes are not part of our API). */
function httpErrorCode(status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  return 'BAD_REQUEST';
}

/** How much of a refused body is read and discarded so the refusal reaches the client (beyond it: cut). */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/** Reads a request's remaining body without keeping it, up to `limit` bytes (then gives up) or 10 seconds. */
function drainBody(raw: import('node:http').IncomingMessage, limit: number): Promise<void> {
  if (raw.complete || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) done();
    };
    const timer = setTimeout(done, 10_000);
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('error', done);
    raw.once('close', done);
    raw.resume();
  });
}
