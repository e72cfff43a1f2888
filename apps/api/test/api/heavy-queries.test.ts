import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAVY_QUERY_CONCURRENCY, heavyWorkPeak, heavyWorkRuns } from '../../src/heavy-work';
import { startServerWithDatabase } from '../helpers/test-server';

// Analysts' expensive queries (explanations, what-if) go through one bounded queue per process: many at once all
// get answers (no pool exhaustion), at most HEAVY_QUERY_CONCURRENCY run together, and a what-if is computed once
// per data version of both editions.

const WHAT_IF = `{ whatIf(editionKey: "KSP23", rulesFromEditionKey: "KSP24") { __typename
  ... on WhatIf { companies { companyKey asScored whatIf } } ... on Error { message } } }`;
const EXPLAIN = `query($company: String!) { explainCompany(editionKey: "KSP24", companyKey: $company) { __typename
  ... on CompanyExplanation { companyKey n } ... on Error { message } } }`;

describe.each(testDatabaseKinds())('heavy analyst queries on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind, { contactsPerCompany: 5 });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('answers 20 concurrent explanations and what-ifs, at most a few running at a time', async () => {
    const companies = app.seeded.companies.filter((c) => c.editionKeys.includes('KSP24')).map((c) => c.key);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? app.gql(EXPLAIN, { company: companies[i % companies.length] }, app.tokens.analyst)
          : app.gql(WHAT_IF, {}, app.tokens.analyst),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      const [result] = Object.values(answer.data ?? {}) as { __typename: string }[];
      expect(['CompanyExplanation', 'WhatIf']).toContain(result?.__typename);
    }
    expect(heavyWorkPeak()).toBeGreaterThan(0);
    expect(heavyWorkPeak()).toBeLessThanOrEqual(HEAVY_QUERY_CONCURRENCY);
  });

  it('computes a what-if once while neither edition’s data changes', async () => {
    await app.gql(WHAT_IF, {}, app.tokens.analyst);
    const runs = heavyWorkRuns();
    const answer = await app.gql(WHAT_IF, {}, app.tokens.analyst);
    expect(answer.data?.whatIf.__typename).toBe('WhatIf');
    expect(heavyWorkRuns()).toBe(runs);
  });
});
