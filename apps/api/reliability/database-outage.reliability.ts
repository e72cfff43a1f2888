// Database outage: a TCP proxy sits between the API process and PostgreSQL (the shared server itself keeps
// running). Cutting the proxy must give prompt, clear 503 answers, a "not ready" probe and no crash; when the
// proxy comes back the API must serve again by itself.
import { listParticipants } from '@ksp/db';
import type { Evaluation } from '@ksp/domain';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationsToCsv } from '../../../packages/exchange/test/support/fieldwork-fixture';
import { USERS } from '../test/helpers/test-data';
import { type ApiProcess, startApiProcess } from './harness/api-process';
import {
  createReliabilityDatabase,
  type ReliabilityDatabase,
  serverAddress,
  viaHostPort,
} from './harness/database';
import { freshEvaluations, SUBMIT, submitInput } from './harness/evaluations';
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
    // Room for the large import below (a few thousand rows of CSV).
    BODY_LIMIT_BYTES: String(8 * 1024 * 1024),
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

const IMPORT = `mutation($content: String!) {
  importEvaluations(editionKey: "KSP24", format: CSV, content: $content) {
    __typename
    ... on EvaluationImportReport { rows inserted skipped written problemCount }
    ... on Error { message }
  } }`;

/** What a write leaves behind: evaluations, audit entries and queued webhook events, counted straight in PostgreSQL. */
async function storedCounts(): Promise<{ evaluations: number; audit: number; deliveries: number }> {
  const [row] = await database.db.sql.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "Evaluation") AS evaluations,
            (SELECT count(*) FROM "AuditEntry") AS audit,
            (SELECT count(*) FROM "WebhookDelivery") AS deliveries`,
  );
  return {
    evaluations: Number(row?.evaluations),
    audit: Number(row?.audit),
    deliveries: Number(row?.deliveries),
  };
}

/** Polls /ready until it answers 200 (true) or the time is up (false). */
async function readyAgain(withinMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    if ((await ready().catch(() => null))?.status === 200) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return Number.NaN;
}

/** New KSP24 contacts of the seeded participants, on channels each is measured on. */
async function importRows(prefix: string, count: number): Promise<Evaluation[]> {
  const participants = new Map((await listParticipants(database.db, 'KSP24')).map((p) => [p.key, p]));
  return generateDemoEvaluations(
    ksp24,
    demoCompanies.filter((c) => participants.has(c.key)),
    { seed: 4242, contactsPerCompany: Math.ceil((count * 2) / participants.size) },
  )
    .filter((e) => participants.get(e.companyKey)?.channels.includes(e.channel))
    .slice(0, count)
    .map((e, i) => ({ ...e, id: `${prefix}-${i}`, rolePlayKey: null, observerKey: USERS.observer }));
}

describe('database lost during a transaction', () => {
  it('a submission or an import whose connection drops mid-transaction gets 503, stores nothing, the process lives on and /ready recovers', async () => {
    const pid = api.child.pid;
    const figures: Record<string, string | number> = {};
    const cases = [
      {
        name: 'submitEvaluation',
        // Cut once the evaluation row is inserted and answered: its comments, audit entry and commit never arrive.
        tripwire: { pattern: 'INSERT INTO "Evaluation"', occurrence: 1 },
        send: async (tokens: Record<string, string>) => {
          const [evaluation] = freshEvaluations(
            database.seeded.companies.map((c) => c.key),
            `cut${Date.now().toString(36)}`,
            1,
          );
          const variables = { input: submitInput(evaluation as Evaluation) };
          const call = () => gql(api.url, SUBMIT, variables, tokens.observer, MAX_ANSWER_MS);
          return {
            call,
            ok: (r: GqlResponse) => r.data?.submitEvaluation?.__typename === 'Evaluation',
            rows: 1,
          };
        },
      },
      {
        name: 'importEvaluations',
        // 3,000 rows are written in batches of 1,000 inside one transaction: cut after the first batch.
        tripwire: { pattern: 'INSERT INTO "Evaluation"', occurrence: 1 },
        send: async (tokens: Record<string, string>) => {
          const rows = await importRows(`cutimport${Date.now().toString(36)}`, 3000);
          expect(rows.length).toBe(3000);
          const content = evaluationsToCsv(rows);
          figures['import file (kB)'] = Math.round(content.length / 1024);
          const call = () => gql(api.url, IMPORT, { content }, tokens.admin, 60_000);
          return {
            call,
            ok: (r: GqlResponse) =>
              r.data?.importEvaluations?.__typename === 'EvaluationImportReport' &&
              r.data.importEvaluations.inserted === rows.length,
            rows: rows.length,
          };
        },
      },
    ];
    for (const testCase of cases) {
      const tokens = await loginAll(api.url);
      const { call, ok, rows } = await testCase.send(tokens);
      const before = await storedCounts();

      const cutting = proxy.cutAfter(testCase.tripwire.pattern, testCase.tripwire.occurrence);
      const during = await call();
      await cutting;
      if (process.env.RELIABILITY_DEBUG) console.log(testCase.name, during.status, JSON.stringify(during));
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

      // The same process still answers, and says it is not ready while the database is away.
      await new Promise((r) => setTimeout(r, 500));
      expect(api.exited()).toBe(false);
      expect(api.child.pid).toBe(pid);
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      expect((await ready()).status).toBe(503);
      // Nothing of the cut transaction is stored (the server rolled it back when the connection died).
      expect(await storedCounts()).toEqual(before);

      proxy.restore();
      const recoveredMs = await readyAgain(30_000);
      expect(recoveredMs).toBeLessThan(30_000);
      figures[`${testCase.name}: /ready again after restore (ms)`] = Math.round(recoveredMs);

      // The client's retry goes through, once.
      const retry = await call();
      expect(retry.errors).toBeUndefined();
      expect(ok(retry)).toBe(true);
      const after = await storedCounts();
      expect(after.evaluations).toBe(before.evaluations + rows);
      expect(api.exited()).toBe(false);
      expect(api.child.pid).toBe(pid);
    }

    recordSection('4b-database-lost-mid-transaction', {
      title: '4b Database lost during a transaction',
      faults: [
        'the TCP proxy cuts the network in the middle of a write transaction: after the first INSERT INTO "Evaluation" was answered, the next message of that connection is dropped and every connection is cut',
        'once during a large submitEvaluation (long comments on every area), once during a 3,000-row CSV importEvaluations (after its first batch of 1,000)',
      ],
      findings: [
        'both requests got HTTP 503 SERVICE_UNAVAILABLE with Retry-After',
        'the same process (same PID) kept answering /health; /ready said 503 until the proxy was restored, then 200',
        'evaluations, audit entries and queued webhook events were counted the same before and after the cut: nothing partial was committed',
        'the same request sent again after the restore was stored whole',
      ],
      figures,
    });
  });
});
