import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { isDatabaseUnavailable } from '@ksp/db';
import type { GraphQLSchema } from 'graphql';
import { createApollo } from './apollo';
import { bearerToken } from './auth/token';
import type { ApiConfig } from './config';
import type { Context } from './context';
import { handleExportRequest } from './http/exports';
import { EXPORTS_PREFIX } from './http/exports-paths';
import { GRAPHIQL_CSP, GRAPHIQL_PAGE, graphiqlAsset } from './http/graphiql';
import { PayloadTooLargeError, readBody } from './http/read-body';
import { requestRateLimit } from './http/request-rate-limit';
import { SERVICE_ERROR_STATUS, ServiceUnavailableError } from './http/service-errors';
import { serveStaticFile } from './http/static-files';
import type { Logger } from './logger';
import type { Services } from './services';

export type ApiServerOptions = {
  config: ApiConfig;
  logger: Logger;
  services: Services;
  schema: GraphQLSchema;
};

export type ApiServer = {
  httpServer: Server;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
};

const REQUEST_ID = /^[\w.-]{1,64}$/;
/** How much of an oversized upload is read and thrown away (so its sender sees the 413) before the connection is cut. */
const DISCARD_LIMIT_BYTES = 16 * 1_048_576;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

function errorBody(message: string, code: string, requestId?: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra, ...(requestId ? { requestId } : {}) } }] };
}

/** The client's address; the first X-Forwarded-For hop only when the operator says a proxy sets it. */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim() !== '')
    return forwarded.split(',')[0]?.trim() ?? 'unknown';
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * A GraphQL answer whose errors say "rate limited" or "database unavailable" gets that HTTP status (429/503)
 * and Retry-After, so load balancers and clients can tell a retryable failure from a bad request.
 */
function serviceErrorStatus(body: string): { status: number; retryAfter: number } | null {
  if (!body.includes('"RATE_LIMITED"') && !body.includes('"SERVICE_UNAVAILABLE"')) return null;
  try {
    const parsed = JSON.parse(body) as {
      errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
    };
    for (const error of parsed.errors ?? []) {
      const status = SERVICE_ERROR_STATUS[error.extensions?.code ?? ''];
      if (status) return { status, retryAfter: error.extensions?.retryAfterSeconds ?? 5 };
    }
  } catch {
    // Not JSON (cannot happen for complete GraphQL bodies): leave the status as it is.
  }
  return null;
}

/** Creates the HTTP server and Apollo; nothing listens until `listen`. */
export async function createApiServer({
  config,
  logger,
  services,
  schema,
}: ApiServerOptions): Promise<ApiServer> {
  // Idle keep-alive connections stay open longer than a load balancer's (typically 60 s) idle timeout, so the
  // balancer never reuses a connection the API has just closed (a spurious 502).
  const httpServer = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  const apollo = createApollo({
    schema,
    httpServer,
    introspection: config.introspection,
    maxTokens: config.limits.tokens,
  });
  await apollo.start();
  const rateLimit = requestRateLimit(config.rateLimit);

  async function handleGraphQL(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    url: URL,
  ) {
    const clientIp = clientAddress(request, config.trustProxy);
    const waitSeconds = rateLimit.take(clientIp);
    if (waitSeconds > 0) {
      request.resume();
      return sendJson(
        response,
        429,
        errorBody('Too many requests. Slow down.', 'RATE_LIMITED', requestId, {
          retryAfterSeconds: waitSeconds,
        }),
        { 'retry-after': String(waitSeconds) },
      );
    }
    if (request.method !== 'GET' && request.method !== 'POST') {
      return sendJson(response, 405, errorBody('Use GET or POST.', 'METHOD_NOT_ALLOWED'), {
        allow: 'GET, POST',
      });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (request.method === 'POST') {
      const raw = await readBody(request, config.bodyLimitBytes);
      if (/^application\/json\b/i.test(headers.get('content-type') ?? '')) {
        try {
          body = raw === '' ? {} : JSON.parse(raw);
        } catch {
          return sendJson(response, 400, errorBody('The body is not valid JSON.', 'BAD_REQUEST'));
        }
      } else {
        body = raw;
      }
    }
    const log = logger.child({ requestId });
    const token = bearerToken(headers.get('authorization'));
    // Built here rather than inside Apollo so a failure is handled (and masked) like any other server error.
    const context: Context = {
      requestId,
      clientIp,
      token,
      viewer: token ? await services.authenticate(token) : null,
      log,
      config,
      services,
    };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers, search: url.search, body },
      context: async () => context,
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      const serviceError = serviceErrorStatus(result.body.string);
      if (serviceError) {
        response.statusCode = serviceError.status;
        response.setHeader('retry-after', String(serviceError.retryAfter));
      }
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  async function route(request: IncomingMessage, response: ServerResponse, requestId: string) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/graphql') return handleGraphQL(request, response, requestId, url);
    if (path === '/health') return sendJson(response, 200, { status: 'ok' });
    if (path.startsWith(EXPORTS_PREFIX))
      return handleExportRequest(request, response, services, url, requestId, logger);
    if (path === '/ready') {
      // Bounded: a database that does not answer must not make the readiness probe hang.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), config.readyTimeoutMs);
      });
      const ready = await Promise.race([services.ready().catch(() => false), timeout]);
      clearTimeout(timer);
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable' });
    }
    if (path === '/graphiql' || path === '/graphiql/') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': GRAPHIQL_CSP,
      });
      return response.end(GRAPHIQL_PAGE);
    }
    if (path.startsWith('/graphiql/assets/')) {
      const asset = graphiqlAsset(path.slice('/graphiql/assets/'.length));
      if (asset) {
        response.writeHead(200, {
          'content-type': asset.contentType,
          'cache-control': 'public, max-age=3600',
        });
        return response.end(asset.body);
      }
    }
    if (config.adminDistDir && (await serveStaticFile(config.adminDistDir, request, response))) return;
    sendJson(response, 404, errorBody(`Nothing at ${path}.`, 'NOT_FOUND'));
  }

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    response.setHeader('x-request-id', requestId);
    response.on('finish', () => {
      logger.info(
        {
          requestId,
          method: request.method,
          path: request.url?.split('?')[0],
          status: response.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    route(request, response, requestId).catch((error: unknown) => {
      if (error instanceof PayloadTooLargeError) {
        // Answer at once, then discard the rest of the upload so the client (still sending) can read the 413
        // instead of a broken pipe; an upload that goes on past DISCARD_LIMIT_BYTES has its connection cut.
        sendJson(response, 413, errorBody(error.message, 'PAYLOAD_TOO_LARGE'));
        let discarded = 0;
        request.on('data', (chunk: Buffer) => {
          discarded += chunk.length;
          if (discarded > DISCARD_LIMIT_BYTES) request.socket.destroy();
        });
        request.resume();
        return;
      }
      if (isDatabaseUnavailable(error) && !response.headersSent) {
        // E.g. the bearer-token lookup before GraphQL runs: same retryable answer as inside GraphQL.
        logger.warn({ requestId, err: error }, 'database unavailable');
        const unavailable = new ServiceUnavailableError();
        sendJson(
          response,
          503,
          errorBody(unavailable.message, unavailable.code, requestId, {
            retryAfterSeconds: unavailable.retryAfterSeconds,
          }),
          { 'retry-after': String(unavailable.retryAfterSeconds) },
        );
        return;
      }
      logger.error({ requestId, err: error }, 'request failed');
      if (!response.headersSent)
        sendJson(response, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR', requestId));
      else response.destroy();
    });
  });

  return {
    httpServer,
    listen(port = config.port, host = config.host) {
      return new Promise((resolveUrl, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolveUrl(`http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
      await apollo.stop();
      await services.close();
    },
  };
}
