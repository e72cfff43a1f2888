import { listParticipants, loadEdition, loadEvaluations } from '@ksp/db';
import { computeEditionResults } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameFigures } from '../helpers/same-figures';
import { startServerWithDatabase } from '../helpers/test-server';

describe('results and comparisons', () => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase();
  });
  afterAll(() => app.close());

  const RESULTS = `query($key: String!) { editionResults(editionKey: $key) {
    __typename
    ... on EditionResults {
      editionKey
      companies { companyKey industryKey n nAnswered total answeredOnly headline channels { key n total } areas { key score } performances { key score } cx }
      industries { industryKey winner ranking { winner entries { companyKey position eligible } } }
      overall { winner eligibleCount entries { companyKey position total } }
      bestOnChannel { channel winner score }
    }
    ... on Error { message }
  } }`;

  it('editionResults equals the domain’s computeEditionResults on the same data (not re-implemented)', async () => {
    const result = await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst);
    const served = result.data?.editionResults;
    expect(served.__typename).toBe('EditionResults');
    const edition = await loadEdition(app.db, 'KSP24');
    const expected = computeEditionResults(
      edition,
      await loadEvaluations(app.db, 'KSP24'),
      await listParticipants(app.db, 'KSP24'),
    );
    expect(served.overall.winner).toBe(expected.overall.winner);
    expectSameFigures(
      served.companies.map((c: { companyKey: string; total: number | null }) => [c.companyKey, c.total]),
      expected.companies.map((c) => [c.companyKey, c.total]),
    );
    expect(served.bestOnChannel.map((b: { winner: string | null }) => b.winner)).toEqual(
      expected.bestOnChannel.map((b) => b.winner),
    );
    expect(served.industries.map((i: { winner: string | null }) => i.winner)).toEqual(
      expected.industries.map((i) => i.winner),
    );
    // Every company has CX metrics with their n.
    expect(served.companies[0].cx.NPS).toHaveProperty('n');
  });

  it('answers NotFoundError for an unknown edition and is closed to observers', async () => {
    const missing = await app.gql(RESULTS, { key: 'NOPE' }, app.tokens.analyst);
    expect(missing.data?.editionResults.__typename).toBe('NotFoundError');
    const observer = await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.observer);
    expect(observer.data?.editionResults.__typename).toBe('ForbiddenError');
  });

  it('recomputes after a change (cache keyed by data version)', async () => {
    const before = await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst);
    const company = before.data?.editionResults.companies[0];
    await app.db.prisma.evaluation.updateMany({
      where: { company: { key: company.companyKey }, edition: { key: 'KSP24' } },
      data: { answered: false },
    });
    const after = await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst);
    const changed = after.data?.editionResults.companies.find(
      (c: { companyKey: string }) => c.companyKey === company.companyKey,
    );
    // Every contact now unanswered: 0 answered, and Totalresultat counts unanswered contacts as 0.
    expect(changed.nAnswered).toBe(0);
    expect(changed.total).toBe(0);
  });

  it('editionDiff lists the changes between editions', async () => {
    const result = await app.gql(
      '{ editionDiff(fromKey: "KSP23", toKey: "KSP24") { __typename ... on EditionDiff { fromKey toKey changes { level kind key summary(locale: en) affectsScores } } } }',
      {},
      app.tokens.analyst,
    );
    expect(result.data?.editionDiff.__typename).toBe('EditionDiff');
    expect(result.data?.editionDiff.changes.length).toBeGreaterThan(0);
  });

  it('companyComparison against the industry average and the previous edition', async () => {
    const companies = await app.gql(
      '{ editionResults(editionKey: "KSP24") { ... on EditionResults { companies { companyKey n } } } }',
      {},
      app.tokens.analyst,
    );
    const companyKey = companies.data?.editionResults.companies.find(
      (c: { n: number }) => c.n > 0,
    ).companyKey;
    const query = `query($company: String!, $against: CompanyBaseline!) { companyComparison(companyKey: $company, editionKey: "KSP24", against: $against) {
      __typename ... on QueryCompanyComparisonSuccess { data { metric key current baseline delta comparable } } ... on Error { message } } }`;
    const industry = await app.gql(
      query,
      { company: companyKey, against: 'INDUSTRY_AVERAGE' },
      app.tokens.analyst,
    );
    const total = industry.data?.companyComparison.data.find((d: { metric: string }) => d.metric === 'total');
    expect(total.delta).toBeCloseTo(total.current - total.baseline, 10);
    expect(total.comparable).toBe(true);
    const previous = await app.gql(
      query,
      { company: companyKey, against: 'PREVIOUS_EDITION' },
      app.tokens.analyst,
    );
    expect(['QueryCompanyComparisonSuccess', 'NotFoundError']).toContain(
      previous.data?.companyComparison.__typename,
    );
  });

  it('industryComparison against the previous edition; NotFoundError without one', async () => {
    const result = await app.gql(
      '{ industryComparison(industryKey: "bank", editionKey: "KSP24") { __typename ... on QueryIndustryComparisonSuccess { data { metric delta } } } }',
      {},
      app.tokens.analyst,
    );
    expect(result.data?.industryComparison.__typename).toBe('QueryIndustryComparisonSuccess');
    const none = await app.gql(
      '{ industryComparison(industryKey: "bank", editionKey: "KSP23") { __typename } }',
      {},
      app.tokens.analyst,
    );
    expect(none.data?.industryComparison.__typename).toBe('NotFoundError');
  });
});
