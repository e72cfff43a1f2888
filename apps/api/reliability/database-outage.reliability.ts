// Database outage: a TCP proxy sits between the API process and PostgreSQL (the shared server itself keeps
// running). Cutting the proxy must give prompt, clear 503 answers, a "not ready" probe and no crash; when the
// proxy comes back the API must serve again by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './harness/api-process';
import {
  createReliabilityDatabase,
  type ReliabilityDatabase,
  serverAddress,
  viaHostPort,
} from './harness/database';
import { type GqlResponse, gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';
import { startTcpProxy, type TcpProxy } from './harness/tcp-proxy';

const LIMITS = {
  DATABASE_CONNECT_TIMEOUT_MS: '1500',
  DATABASE_STATEMENT_TIMEOUT_MS: '5000',
  DATABASE_QUERY_TIMEOUT_MS: '6000',
  READY_TIMEOUT_MS: '1000',
};
/** No request may take longer than this while the database is away: the limits above plus slack. */
const MAX_ANSWER_MS = 10_000;

let database: ReliabilityDatabase;
let proxy: TcpProxy;
let api: ApiProcess;

beforeAll(async () => {
  database = await createReliabilityDatabase();
  proxy = await startTcpProxy(serverAddress(database.url));
  api = await startApiProcess('api-outage', {
    DATABASE_URL: viaHostPort(database.url, '127.0.0.1', proxy.port),
    RATE_LIMIT_MAX: '0',
    ...LIMITS,
  });
});

afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await database?.drop();
});

const EDITION_QUERY = '{ edition(key: "KSP24") { key name areas { key version } } }';
const LOGIN =
  'mutation { login(email: "admin@example.org", password: "demo-password") { __typename ... on Session { token } } }';

async function ready(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${api.url}/ready`, { signal: AbortSignal.timeout(MAX_ANSWER_MS) });
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

describe('database outage', () => {
  it('answers 503 SERVICE_UNAVAILABLE promptly while the database is cut off, and recovers by itself', async () => {
    const tokens = await loginAll(api.url);
    const before = await gql(api.url, EDITION_QUERY, {}, tokens.analyst);
    expect(before.status).toBe(200);
    expect(before.errors).toBeUndefined();
    expect((await ready()).status).toBe(200);

    proxy.cut();
    const cutAt = performance.now();
    // Signed-in queries (the token lookup needs the database), logins and results, all at once.
    const during: GqlResponse[] = await Promise.all([
      ...Array.from({ length: 8 }, () => gql(api.url, EDITION_QUERY, {}, tokens.analyst, MAX_ANSWER_MS)),
      ...Array.from({ length: 4 }, () => gql(api.url, LOGIN, {}, null, MAX_ANSWER_MS)),
      ...Array.from({ length: 4 }, () =>
        gql(
          api.url,
          '{ editionResults(editionKey: "KSP24") { __typename } }',
          {},
          tokens.admin,
          MAX_ANSWER_MS,
        ),
      ),
      ...Array.from({ length: 4 }, () =>
        gql(api.url, '{ editions { key } }', {}, tokens.observer, MAX_ANSWER_MS),
      ),
    ]);
    const slowest = Math.max(...during.map((r) => r.ms));
    if (process.env.RELIABILITY_DEBUG)
      console.log(
        during.map(
          (r) => `${r.status} ${Math.round(r.ms)}ms ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`,
        ),
      );
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.errors?.[0]?.message).toMatch(/database/i);
      expect(JSON.stringify(response.errors)).not.toMatch(/prisma|ECONN|pg_|stack|\bat \//i);
    }
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(api.exited()).toBe(false);

    // A second wave once the pool has had to give up every connection: still prompt and still 503.
    const second = await Promise.all(
      Array.from({ length: 10 }, () => gql(api.url, EDITION_QUERY, {}, tokens.observer, MAX_ANSWER_MS)),
    );
    expect(second.map((r) => r.status)).toEqual(second.map(() => 503));
    const downMs = performance.now() - cutAt;

    proxy.restore();
    const restoredAt = performance.now();
    let recoveredMs = Number.NaN;
    while (performance.now() - restoredAt < 30_000) {
      const probe = await gql(api.url, EDITION_QUERY, {}, tokens.analyst, MAX_ANSWER_MS).catch(() => null);
      if (probe?.status === 200 && !probe.errors) {
        recoveredMs = performance.now() - restoredAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(recoveredMs).toBeLessThan(30_000);
    const after = await Promise.all(
      Array.from({ length: 20 }, () => gql(api.url, EDITION_QUERY, {}, tokens.analyst)),
    );
    expect(after.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    expect((await ready()).status).toBe(200);
    expect(after[0]?.data).toEqual(before.data);
    expect(api.exited()).toBe(false);

    recordSection('4-database-outage', {
      title: '4 Database outage',
      faults: [
        'TCP proxy between one API process and PostgreSQL; cut: open connections destroyed, new connections accepted and never answered (black hole)',
        `${during.length} concurrent requests right after the cut (signed-in queries by three roles, logins, results), then ${second.length} more`,
        `pool limits for the run: connect ${LIMITS.DATABASE_CONNECT_TIMEOUT_MS} ms, statement ${LIMITS.DATABASE_STATEMENT_TIMEOUT_MS} ms, query ${LIMITS.DATABASE_QUERY_TIMEOUT_MS} ms; /ready waits ${LIMITS.READY_TIMEOUT_MS} ms`,
      ],
      findings: [
        'every request during the outage got HTTP 503 with Retry-After and a GraphQL error SERVICE_UNAVAILABLE ("The database is not reachable right now…"), no internals in the message',
        '/ready answered 503 (not ready) within its limit while /health stayed 200; the process did not crash',
        'after the proxy came back the API served again without a restart; answers equal those before the outage',
      ],
      figures: {
        'slowest answer during the outage (ms)': Math.round(slowest),
        '/ready answer during the outage (ms)': Math.round(notReady.ms),
        'outage length (s)': (downMs / 1000).toFixed(1),
        'recovered after restore (ms)': Math.round(recoveredMs),
      },
    });
  });
});
