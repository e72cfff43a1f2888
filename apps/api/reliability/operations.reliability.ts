// Operations: structured pino logs carrying the request id (taken from X-Request-Id or made up), /health and
// /ready, the per-address request rate limit, and a graceful shutdown on SIGTERM that lets a request in flight
// finish (its body still arriving) while new connections are refused.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './harness/api-process';
import { sharedCluster } from './harness/cluster';
import { gql } from './harness/gql';
import { recordSection } from './harness/report';

const cluster = sharedCluster();
const RATE = { RATE_LIMIT_MAX: '20', RATE_LIMIT_WINDOW_MS: '3000' };
let api: ApiProcess;
const findings: string[] = [];
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  api = await startApiProcess('api-ops', { DATABASE_URL: cluster.databaseUrl, LOG_LEVEL: 'info', ...RATE });
});

afterAll(async () => {
  await api?.stop();
});

describe('operations', () => {
  it('logs every request as JSON with its request id, echoed to the client', async () => {
    const given = `rel-${Date.now().toString(36)}`;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': given },
      body: JSON.stringify({ query: '{ editions { key } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { requestId?: string } }[] };
    expect(response.headers.get('x-request-id')).toBe(given);
    expect(body.errors?.[0]?.extensions?.requestId).toBe(given);
    const made = await fetch(`${api.url}/health`);
    const madeId = made.headers.get('x-request-id') ?? '';
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
    // A hostile id is replaced, not logged as given.
    const hostile = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(hostile.headers.get('x-request-id')).not.toBe('x'.repeat(500));
    await new Promise((r) => setTimeout(r, 300));
    const lines = api.logLines();
    const logged = lines.find((l) => l.requestId === given && l.msg === 'request');
    expect(logged).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      service: 'ksp-api',
    });
    expect(typeof logged?.time).toBe('number');
    expect(lines.some((l) => l.requestId === madeId && l.path === '/health')).toBe(true);
    findings.push(
      'every request is logged by pino as one JSON line with level, time, service, requestId, method, path, status and duration',
      'X-Request-Id from the client is used and echoed (header and GraphQL error extensions); a missing or malformed one is replaced by a UUID',
    );
    figures['log lines seen'] = lines.length;
  });

  it('limits requests per client address and answers 429 with Retry-After; /health and /ready are not limited', async () => {
    await new Promise((r) => setTimeout(r, Number(RATE.RATE_LIMIT_WINDOW_MS)));
    const answers = await Promise.all(Array.from({ length: 30 }, () => gql(api.url, '{ viewer { email } }')));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10 - 1);
    expect(limited[0]?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2 * Number(RATE.RATE_LIMIT_WINDOW_MS)));
    expect((await gql(api.url, '{ viewer { email } }')).status).toBe(200);
    findings.push(
      `request rate limit (${RATE.RATE_LIMIT_MAX} per ${RATE.RATE_LIMIT_WINDOW_MS} ms here; default 1,200 per minute per address and process): ${limited.length} of 30 burst requests got HTTP 429 RATE_LIMITED with Retry-After; served again after the window`,
    );
  });

  it('finishes a request in flight on SIGTERM, refuses new connections, then exits 0', async () => {
    const body = Buffer.from(JSON.stringify({ query: `{ editions { key } } # ${'z'.repeat(20_000)}` }));
    const half = Math.floor(body.length / 2);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        `${api.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.write(body.subarray(0, half));
      // The rest arrives after the shutdown signal.
      setTimeout(() => request.end(body.subarray(half)), 1500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const signalled = performance.now();
    const exited = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
    api.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    const refused = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(3000) }).then(
      () => false,
      () => true,
    );
    const finished = await answer;
    const code = await exited;
    const shutdownMs = performance.now() - signalled;
    expect(refused).toBe(true);
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(code).toBe(0);
    expect(api.output()).toMatch(/shutting down: finishing in-flight requests/);
    findings.push(
      'SIGTERM while a request’s body was still arriving: new connections were refused at once, the request in flight got its full answer, then the process closed the database pool and exited with code 0',
    );
    figures['SIGTERM until exit (ms)'] = Math.round(shutdownMs);

    recordSection('8-operations', {
      title: '8 Operations',
      faults: [
        'X-Request-Id given, missing and malformed',
        'a burst of 30 requests from one address',
        'SIGTERM during an upload',
      ],
      findings,
      figures,
    });
  });
});
