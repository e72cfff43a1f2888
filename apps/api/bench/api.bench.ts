// API benchmark (docs/api.md, "Performance"): one run measures
//  1. requests/s of a small definition query through the API (Apollo on node:http),
//  2. the same query on bare graphql-js over node:http with the same schema and context → the ratio,
//  3. p50/p95 latency of the full-edition ranking query on seeded data on PostgreSQL.
// Every response is checked (status 200, no errors, expected bytes): a benchmark of errors is worthless.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { createTestDatabase } from '@ksp/db/testing';
import autocannon from 'autocannon';
import { graphql } from 'graphql';
import { readConfig } from '../src/config';
import type { Context } from '../src/context';
import { createServices } from '../src/create-services';
import { createLogger } from '../src/logger';
import { schema } from '../src/schema';
import { createApiServer } from '../src/server';
import { PASSWORD, seedTestData, USERS } from '../test/helpers/test-data';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const SMALL_QUERY = '{ edition(key: "KSP24") { key name status channels { key name } } }';
const RANKING_QUERY = `{ editionResults(editionKey: "KSP24") { ... on EditionResults {
  overall { winner eligibleCount entries { companyKey position total answeredOnly headline } }
  industries { industryKey winner ranking { entries { companyKey position total } } }
  bestOnChannel { channel winner score }
  companies { companyKey total answeredOnly headline areas { key score } channels { key total } cx }
} } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function load(url: string, token: string, query: string, connections: number) {
  const body = JSON.stringify({ query });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  // Check one answer first: right status, no errors.
  const probe = await fetch(url, { method: 'POST', headers, body });
  const probeText = await probe.text();
  if (probe.status !== 200 || probeText.includes('"errors"'))
    throw new Error(`bad probe answer ${probe.status}: ${probeText.slice(0, 300)}`);
  const latencies: number[] = [];
  let bytes = 0;
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration: DURATION });
  instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
  });
  const result = await instance;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    bytesPerResponse: Math.round(bytes / Math.max(1, latencies.length)),
    expectedBytes: Buffer.byteLength(probeText),
  };
}

async function main() {
  console.log(`seeding a throw-away database on ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} …`);
  const db = await createTestDatabase('postgres', { url: DATABASE_URL });
  try {
    const seeded = await seedTestData(db, { industries: 20, contactsPerCompany: 25 });
    // One client address sends every request here; the per-address request limit (429s) is switched off so
    // the bench measures the server, not the limiter.
    const config = readConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
    const logger = createLogger('silent');
    const services = createServices(db, config);

    const api = await createApiServer({ config, logger, services, schema });
    const apiUrl = `${await api.listen(0, '127.0.0.1')}/graphql`;
    const login = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "${USERS.analyst}", password: "${PASSWORD}") { ... on Session { token } } }`,
      }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    // Bare graphql-js: same schema, same per-request context (token lookup included), JSON in and out.
    const bare = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const tokenValue = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const contextValue: Context = {
        requestId: '-',
        token: tokenValue,
        viewer: await services.authenticate(tokenValue),
        log: logger,
        config,
        services,
      };
      const result = await graphql({ schema, source: query, variableValues: variables, contextValue });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;

    // Warm-up (JIT, Prisma query-plan cache, results cache), then the measured runs.
    await load(apiUrl, token, SMALL_QUERY, CONNECTIONS);
    await load(bareUrl, token, SMALL_QUERY, CONNECTIONS);
    const small = await load(apiUrl, token, SMALL_QUERY, CONNECTIONS);
    const bareSmall = await load(bareUrl, token, SMALL_QUERY, CONNECTIONS);
    const coldStart = performance.now();
    services.results.invalidate();
    await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: RANKING_QUERY }),
    });
    const coldMs = performance.now() - coldStart;
    const ranking = await load(apiUrl, token, RANKING_QUERY, 4);

    const report = {
      machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${db.kind}`,
      data: `KSP24: ${seeded.companies.filter((c) => c.editionKeys.includes('KSP24')).length} companies, ${seeded.evaluationCounts.KSP24} evaluations`,
      smallQuery: {
        api: small,
        bareGraphqlJs: bareSmall,
        ratio: Number((small.requestsPerSecond / bareSmall.requestsPerSecond).toFixed(2)),
      },
      rankingQuery: { ...ranking, coldComputeMs: Math.round(coldMs) },
      targets: {
        rankingP95Below100ms: ranking.p95 < 100,
        ratioAtLeast06: small.requestsPerSecond / bareSmall.requestsPerSecond >= 0.6,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    await new Promise((resolve) => bare.close(resolve));
    await api.close();
  } finally {
    await db.close().catch(() => {});
  }
}

await main();
