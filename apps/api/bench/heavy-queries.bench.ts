// Heavy analyst queries at 20 concurrent clients (issue 16, item 3; docs/performance.md). One server on demo-sized
// seeded data (PostgreSQL, 187 companies × 25 contacts in KSP24), one run, three workloads one after another:
//  - reference: the results page's ranking query (EditionResults), warm (the results cache holds the edition);
//  - explanations as the admin app reads them: a company's explanation (ExplainCompany), then the rows below
//    each of its contacts as they are opened (ExplainCompanyRows); each client takes its own companies in turn,
//    so every company's first request computes its explanation;
//  - the What-if page's query for its demo pair (KSP23 under KSP24's rules), warm.
// The queries are the admin app's own (read from apps/admin/src/api). Each client signs in with its own session
// and sends from its own address (X-Forwarded-For behind TRUST_PROXY=1) under the default per-address request
// limit, as 20 analysts would: a 429, a 503, any other status but 200, a GraphQL error or an unexpected answer
// counts as an error. Prints p95 per workload, its ratio to the ranking's p95 (target ≤ 5) and the errors, and
// the ratio to a lighter ranking query (the overall ranking's entries only, measured last) for comparison.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@ksp/db/testing';
import { readConfig } from '../src/config';
import { createServices } from '../src/create-services';
import { heavyWorkRuns } from '../src/heavy-work';
import { createLogger } from '../src/logger';
import { schema } from '../src/schema';
import { createApiServer } from '../src/server';
import { PASSWORD, seedTestData, USERS } from '../test/helpers/test-data';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const CLIENTS = 20;
const TARGET_RATIO = 5;

const adminApi = join(dirname(fileURLToPath(import.meta.url)), '../../admin/src/api');
/** A document of the admin app's source file by its first words (`query X`, `fragment Y`). */
function adminDocument(source: string, file: string, head: string): string {
  const found = new RegExp(`graphql\\(\`\\s*(${head}\\b[\\s\\S]*?)\`\\)`).exec(source)?.[1];
  if (!found) throw new Error(`no ${head} in apps/admin/src/api/${file}`);
  return found;
}

/** An operation of the admin app, as it sends it: with the named fragments it spreads (from the same file). */
function adminQuery(file: string, name: string): string {
  const source = readFileSync(join(adminApi, file), 'utf8');
  const query = adminDocument(source, file, `query ${name}`);
  const spreads = new Set([...query.matchAll(/\.\.\.([A-Za-z_]\w*)/g)].map((m) => m[1] as string));
  return [query, ...[...spreads].map((fragment) => adminDocument(source, file, `fragment ${fragment}`))].join(
    '\n',
  );
}
const RANKING = adminQuery('results.ts', 'EditionResults');
const EXPLAIN = adminQuery('explain.ts', 'ExplainCompany');
const EXPLAIN_ROWS = adminQuery('explain.ts', 'ExplainCompanyRows');
const WHAT_IF = adminQuery('whatIf.ts', 'WhatIf');
/** A lighter reference, printed beside: the overall ranking's entries only (a third of the results page's bytes). */
const OVERALL = `query Overall($editionKey: String!) { editionResults(editionKey: $editionKey) { __typename
  ... on EditionResults { overall { entries { companyKey name position total } } } } }`;

interface Figures {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  /** Mean answer size. */
  bytes: number;
  /** A few error answers, to see what went wrong. */
  samples: string[];
}

/** Sends one request, timed; returns the answer's text, or null when it was an error. */
type Send = (query: string, variables: Record<string, unknown>, typename: string) => Promise<string | null>;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function signIn(url: string, address: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({
      query: `mutation { login(email: "${USERS.analyst}", password: "${PASSWORD}") { ... on Session { token } } }`,
    }),
  });
  const text = await response.text();
  const token = (JSON.parse(text) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error(`no session for ${address}: ${response.status} ${text.slice(0, 300)}`);
  return token;
}

/**
 * CLIENTS clients in closed loops for `seconds`, each with its own session and address (`10.<phase>.0.<n>`),
 * each running `session` over and over until the time is up.
 */
async function load(
  url: string,
  phase: number,
  seconds: number,
  session: (client: number, send: Send, timeUp: () => boolean) => Promise<void>,
): Promise<Figures> {
  const addresses = Array.from({ length: CLIENTS }, (_, n) => `10.${phase}.0.${n + 1}`);
  // One after another: sign-ins in flight count against the account's limit until they succeed.
  const tokens: string[] = [];
  for (const address of addresses) tokens.push(await signIn(url, address));
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let bytes = 0;
  const end = performance.now() + seconds * 1000;
  const timeUp = () => performance.now() >= end;
  await Promise.all(
    addresses.map(async (address, client) => {
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[client]}`,
        'x-forwarded-for': address,
      };
      const send: Send = async (query, variables, typename) => {
        const started = performance.now();
        let problem: string | null;
        let text = '';
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query, variables }),
          });
          text = await response.text();
          bytes += Buffer.byteLength(text);
          problem =
            response.status !== 200
              ? `HTTP ${response.status}`
              : text.includes('"errors"') || !text.includes(`"__typename":"${typename}"`)
                ? 'unexpected answer'
                : null;
        } catch (error) {
          problem = String(error);
        }
        latencies.push(performance.now() - started);
        if (problem === null) return text;
        errors++;
        if (samples.length < 3) samples.push(`${problem}: ${text.slice(0, 200)}`);
        return null;
      };
      while (!timeUp()) await session(client, send, timeUp);
    }),
  );
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: latencies.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(latencies.at(-1) ?? Number.NaN),
    errors,
    bytes: Math.round(bytes / Math.max(1, latencies.length)),
    samples,
  };
}

async function main() {
  console.log(`seeding a throw-away schema on ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} …`);
  const db = await createTestDatabase('postgres', { url: DATABASE_URL });
  try {
    const seeded = await seedTestData(db, { industries: 20, contactsPerCompany: 25 });
    const companies = seeded.companies
      .filter((c) => c.editionKeys.includes('KSP24'))
      .map((c) => c.key)
      .sort();
    // Production settings, default request limits; one hop of proxy trusted so each client has its address.
    const config = readConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', TRUST_PROXY: '1' });
    const services = createServices(db, config);
    const api = await createApiServer({ config, logger: createLogger('silent'), services, schema });
    const url = `${await api.listen(0, '127.0.0.1')}/graphql`;

    const ranking = (): Parameters<typeof load>[3] => async (_client, send) => {
      await send(RANKING, { editionKey: 'KSP24', locale: 'nb' }, 'EditionResults');
    };
    const overall = (): Parameters<typeof load>[3] => async (_client, send) => {
      await send(OVERALL, { editionKey: 'KSP24' }, 'EditionResults');
    };
    const whatIf = (): Parameters<typeof load>[3] => async (_client, send) => {
      await send(WHAT_IF, { editionKey: 'KSP23', rulesFromEditionKey: 'KSP24', locale: 'nb' }, 'WhatIf');
    };
    /** Client n explains companies n, n + 20, n + 40, … (from the end of the list when `reversed`). */
    const explanations = (reversed: boolean): Parameters<typeof load>[3] => {
      const order = reversed ? [...companies].reverse() : companies;
      const visits = new Map<number, number>();
      return async (client, send, timeUp) => {
        const visit = visits.get(client) ?? 0;
        visits.set(client, visit + 1);
        const companyKey = order[(client + visit * CLIENTS) % order.length];
        const variables = { editionKey: 'KSP24', companyKey, locale: 'nb' };
        const text = await send(EXPLAIN, variables, 'CompanyExplanation');
        if (!text) return;
        type Row = { id: string; kind: string; childCount: number };
        const { nodes } = (JSON.parse(text) as { data: { explainCompany: { nodes: Row[] } } }).data
          .explainCompany;
        for (const contact of nodes.filter((n) => n.kind === 'contact' && n.childCount > 0)) {
          if (timeUp()) return;
          await send(EXPLAIN_ROWS, { ...variables, under: contact.id }, 'CompanyExplanation');
        }
      };
    };

    // Warm-up (JIT, connections, the results and what-if caches; explanations of other companies than measured).
    await load(url, 1, WARM_UP_SECONDS, ranking());
    await load(url, 2, WARM_UP_SECONDS, whatIf());
    await load(url, 3, WARM_UP_SECONDS, explanations(true));

    const reference = await load(url, 4, SECONDS, ranking());
    const runsBefore = heavyWorkRuns();
    const explained = await load(url, 5, SECONDS, explanations(false));
    const computed = heavyWorkRuns() - runsBefore;
    const whatIfs = await load(url, 6, SECONDS, whatIf());
    const lighter = await load(url, 7, SECONDS, overall());

    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${db.kind}; KSP24: ${companies.length} companies, ${seeded.evaluationCounts.KSP24} evaluations; ${SECONDS} s per workload`,
    );
    for (const [name, figures, note] of [
      ['warm ranking', reference, ''],
      ['explanation', explained, `, ${computed} company explanations computed (the rest from the cache)`],
      ['what-if', whatIfs, ''],
      ['overall ranking entries only', lighter, ' (the lighter reference)'],
    ] as const)
      console.log(
        `  ${name}: ${figures.requests} requests, p50 ${figures.p50} ms, p95 ${figures.p95} ms, max ${figures.max} ms, ${Math.round(figures.bytes / 1000)} kB per answer, errors ${figures.errors}${note}${figures.samples.length > 0 ? ` (${figures.samples.join(' | ')})` : ''}`,
      );
    for (const [name, figures] of [
      ['explanation', explained],
      ['what-if', whatIfs],
    ] as const) {
      const ratio = figures.p95 / reference.p95;
      const met = ratio <= TARGET_RATIO && figures.errors === 0 && reference.errors === 0;
      console.log(
        `${name} p95 at ${CLIENTS} clients: ${figures.p95} ms, warm ranking p95: ${reference.p95} ms, ratio ${ratio.toFixed(2)}, errors ${figures.errors + reference.errors} (target ≤ ${TARGET_RATIO}× with 0 errors: ${met ? 'met' : 'NOT met'}; against the overall ranking's entries only, ${lighter.p95} ms: ratio ${(figures.p95 / lighter.p95).toFixed(2)})`,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    await api.close();
  } finally {
    await db.close().catch(() => {});
  }
}

await main();
