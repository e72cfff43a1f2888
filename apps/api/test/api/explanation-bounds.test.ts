import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyWorkRuns } from '../../src/heavy-work';
import { startServerWithDatabase } from '../helpers/test-server';

// Issue 16: an explanation answer is bounded (a company's whole tree with every field was 1.15 MB) and every
// row stays reachable: `nodes` gives a slice, `nodes(under:)` the rows below a row. Demo-sized companies
// (25 contacts each) and every field the API has, more than the admin app selects.

const EFFECT_FIELDS = `code count minimum total channel companyKey step difference waitingTime waitUnit maxWait upTo
  points maxPoints possible earned weight weightSum possibleSum percentage contribution scope counting`;
const NODE_FIELDS = `id parentId depth kind key label(locale: nb) points possible score weight contribution counted n
  status optionKey optionLabel(locale: nb) waitingTime shadowPoints shadowPossible shadowScore childCount
  effects { ${EFFECT_FIELDS} }`;
const EXPLAIN = `query($company: String!, $under: String) {
  explainCompany(editionKey: "KSP24", companyKey: $company) { __typename
    ... on CompanyExplanation { companyKey name total answeredOnly headline n nAnswered contactWeighting
      nodes(under: $under) { ${NODE_FIELDS} } }
    ... on Error { message } } }`;

const LIMIT_BYTES = 100_000;

interface Row {
  id: string;
  parentId: string | null;
  depth: number;
  kind: string;
  childCount: number;
}

describe.each(testDatabaseKinds())('bounded explanations on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let biggest = '';
  beforeAll(async () => {
    app = await startServerWithDatabase(kind, { contactsPerCompany: 25 });
    const participants = await app.db.prisma.evaluation.groupBy({
      by: ['companyId'],
      where: { edition: { key: 'KSP24' } },
      _count: true,
      orderBy: { _count: { companyId: 'desc' } },
      take: 1,
    });
    const company = await app.db.prisma.company.findUniqueOrThrow({
      where: { id: participants[0]?.companyId ?? -1 },
    });
    biggest = company.key;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  /** One answer: its size in bytes (as JSON, uncompressed) and its rows. */
  async function explain(under: string | null = null) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokens.analyst}` },
      body: JSON.stringify({ query: EXPLAIN, variables: { company: biggest, under } }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: { explainCompany: { nodes?: Row[] } }; errors?: unknown };
    return { bytes: Buffer.byteLength(text), body, rows: body.data?.explainCompany.nodes ?? [] };
  }

  it('answers the biggest company’s explanation with every field in under 100 kB', async () => {
    const { bytes, body, rows } = await explain();
    expect(body.errors).toBeUndefined();
    expect(bytes).toBeLessThan(LIMIT_BYTES);
    // The company, its channels and its 25 contacts; the contacts' areas are left for later.
    expect(rows[0]).toMatchObject({ kind: 'company', depth: 0 });
    expect(rows.filter((r) => r.kind === 'contact')).toHaveLength(25);
    expect(rows.every((r) => r.depth <= 2)).toBe(true);
    expect(rows.filter((r) => r.kind === 'contact').every((r) => r.childCount > 0)).toBe(true);
  });

  it('reaches every row of the tree through nodes(under:), each answer under 100 kB', async () => {
    const seen = new Map<string, Row>();
    const below = new Map<string, number>();
    const add = (rows: readonly Row[]) => {
      for (const row of rows) {
        seen.set(row.id, row);
        if (row.parentId) below.set(row.parentId, (below.get(row.parentId) ?? 0) + 1);
      }
    };
    const first = await explain();
    add(first.rows);
    let largest = first.bytes;
    // Open every row whose children are not there yet, as the admin app does when a row is opened.
    for (let pending = [...seen.values()]; pending.length > 0; ) {
      const open = pending.filter((row) => row.childCount > (below.get(row.id) ?? 0));
      pending = [];
      for (const row of open) {
        const answer = await explain(row.id);
        expect(answer.body.errors).toBeUndefined();
        largest = Math.max(largest, answer.bytes);
        expect(answer.rows.every((r) => r.id.startsWith(`${row.id}/`))).toBe(true);
        add(answer.rows);
        pending.push(...answer.rows);
      }
    }
    expect(largest).toBeLessThan(LIMIT_BYTES);
    const rows = [...seen.values()];
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['company', 'channel', 'contact', 'area', 'performance', 'question']),
    );
    // Every row's children were all found, and the whole tree is far more than one answer held.
    expect(rows.every((r) => r.childCount === (below.get(r.id) ?? 0))).toBe(true);
    expect(rows.length).toBeGreaterThan(10 * first.rows.length);
  });

  it('says so for a row that is not in the explanation', async () => {
    const { body } = await explain('company:nope/channel:phone');
    expect(body.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
  });

  it('refuses the whole tree as a nested `children` selection (the complexity limit)', async () => {
    const nested = (levels: number): string =>
      levels === 0 ? NODE_FIELDS : `${NODE_FIELDS} children { ${nested(levels - 1)} }`;
    const query = `{ explainCompany(editionKey: "KSP24", companyKey: "${biggest}") {
      ... on CompanyExplanation { root { ${nested(5)} } } } }`;
    const answer = await app.gql(query, {}, app.tokens.analyst);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toMatch(/complex/i);
  });

  it('computes a company’s explanation once per data version of its edition', async () => {
    await explain();
    const runs = heavyWorkRuns();
    await explain();
    const contact = (await explain()).rows.find((r) => r.kind === 'contact');
    await explain(contact?.id ?? null);
    expect(heavyWorkRuns()).toBe(runs);
    // Any write to the edition's data bumps its version (the database's triggers): computed again.
    await app.db.sql.query(
      `UPDATE "EditionDataVersion" SET "version" = "version" + 1
       WHERE "editionId" = (SELECT "id" FROM "Edition" WHERE "key" = 'KSP24')`,
    );
    await explain();
    expect(heavyWorkRuns()).toBe(runs + 1);
  });
});
