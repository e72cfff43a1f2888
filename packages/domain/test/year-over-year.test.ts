import { describe, expect, it } from 'vitest';
import { deriveEdition } from '../src/derive/derive-edition';
import { demoCompaniesIn, generateDemoEvaluations, ksp22, ksp23, ksp24 } from '../src/fixtures';
import { comparableTrend } from '../src/lineage/comparable-trend';
import { editionComparability } from '../src/lineage/item-comparability';
import { refreshLineage } from '../src/lineage/refresh-lineage';
import { yearOverYear } from '../src/lineage/year-over-year';
import { computeEditionResults } from '../src/results/edition-results';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

describe('yearOverYear (test edition)', () => {
  const t24 = testEdition();
  const derived = deriveEdition(t24, { key: 'T25', year: 2025, name: 'T25' });
  const yes = derived.areas[1]?.performances[0]?.questions[0]?.options[2];
  if (yes) yes.points = 4; // listen "yes": 2 → 4 points
  const t25 = refreshLineage(t24, derived);

  const answers: [string, string][] = [
    ['listen', 'partly'],
    ['solved', 'no'],
    ['extra', 'yes'],
  ];
  const r24 = computeEditionResults(
    t24,
    [
      evaluation({ companyKey: 'acme', answerSpecs: answers }),
      evaluation({ companyKey: 'cargo', industryKey: 'transport', waitingTime: 4 }),
    ],
    COMPANIES,
  );
  const r25 = computeEditionResults(
    t25,
    [
      evaluation({ editionKey: 'T25', companyKey: 'acme', answerSpecs: answers }),
      evaluation({ editionKey: 'T25', companyKey: 'bravo', waitingTime: 1 }),
    ],
    COMPANIES,
  );
  const p24 = { edition: t24, results: r24 };
  const p25 = { edition: t25, results: r25 };
  const row = (y: ReturnType<typeof yearOverYear>, metric: string, key: string | null = null) =>
    y.rows.find((r) => r.metric === metric && r.key === key);

  it('gives deltas of comparable figures only and lists the rest with reasons', () => {
    const y = yearOverYear(p24, p25, { kind: 'company', companyKey: 'acme' });
    // wait: 2 min → 1/2 = 50 % in both years: delta 0.
    expect(row(y, 'area', 'wait')).toMatchObject({ current: 50, baseline: 50, delta: 0, comparable: true });
    // solution: solved 0/3 + bonus 1 → 1/3 in both years.
    expect(row(y, 'performance', 'solution')?.delta).toBe(0);
    // agent: 2024 (1 + 0 + 1)/(2 + 3) = 40 %; 2025 (1 + 0 + 1)/(4 + 3) = 28.57 %: rescaled, no delta.
    expect(row(y, 'area', 'agent')).toMatchObject({ baseline: 40, delta: null, comparable: false });
    expect(row(y, 'area', 'agent')?.current).toBeCloseTo(200 / 7, 9);
    expect(row(y, 'total')).toMatchObject({
      comparable: false,
      delta: null,
      reasons: ['area agent: rescaled (from agent)'],
    });
    expect(y.excluded.map((r) => `${r.metric}:${r.key}`)).toEqual([
      'total:null',
      'answeredOnly:null',
      'headline:null',
      'area:agent',
      'performance:listening',
    ]);
  });

  it('includes the rest on request, still flagged', () => {
    const y = yearOverYear(p24, p25, { kind: 'company', companyKey: 'acme' }, { includeAll: true });
    // total 2024 (1·50 + 3·40)/4 = 42.5; 2025 (1·50 + 3·200/7)/4 = 33.93 → delta −8.57.
    expect(row(y, 'total')?.delta).toBeCloseTo((50 + 600 / 7) / 4 - 42.5, 9);
    expect(row(y, 'total')?.comparable).toBe(false);
    expect(y.excluded).toEqual([]);
  });

  it('averages like-for-like over companies in both editions, or over all on request', () => {
    const both = yearOverYear(p24, p25, { kind: 'overall' });
    // Only acme is measured in both: wait 50 → 50.
    expect([both.nBaseline, both.nCurrent]).toEqual([1, 1]);
    expect(row(both, 'area', 'wait')?.delta).toBe(0);
    const all = yearOverYear(p24, p25, { kind: 'overall' }, { companies: 'all' });
    // 2024: acme 50, cargo 4 min → 0/2 = 0 → 25; 2025: acme 50, bravo 1 min → 2/2 = 100 → 75. +50 from new companies.
    expect([all.nBaseline, all.nCurrent]).toEqual([2, 2]);
    expect(row(all, 'area', 'wait')).toMatchObject({ baseline: 25, current: 75, delta: 50 });
  });
});

describe('comparability of the KSP editions', () => {
  it('KSP23 → KSP24: total not comparable (the «verdsatt» move), welcome and waiting are', () => {
    const c = editionComparability(ksp23, ksp24);
    expect(c.total.reasons).toEqual([
      'area agent: rescaled (from agent)',
      'area overall: rescaled (from overall)',
    ]);
    expect(c.areas.welcome).toMatchObject({ comparable: true, mark: 'reworded' });
    expect(c.performances.valued).toMatchObject({
      comparable: true,
      mark: 'moved',
      predecessorKey: 'valued',
    });
    expect(c.retired.areas).toEqual(['gdpr']);
  });

  it('KSP22 → KSP23: GDPR is new and unscored, so the total stays comparable', () => {
    const c = editionComparability(ksp22, ksp23);
    expect(c.areas.gdpr).toMatchObject({ comparable: false, mark: 'new' });
    expect(c.total.comparable).toBe(true);
  });

  it('a trend over KSP23 and KSP24 for the demo companies', () => {
    const point = (edition: typeof ksp23) => {
      const participants = demoCompaniesIn(edition.key);
      const companies = participants.map((x) => ({ key: x.key, name: x.name, industryKey: x.industryKey }));
      const results = computeEditionResults(
        edition,
        generateDemoEvaluations(edition, participants, { seed: 7 }),
        companies,
      );
      return { edition, results };
    };
    const trend = comparableTrend([point(ksp23), point(ksp24)], { kind: 'overall' });
    expect(trend.editionKeys).toEqual(['KSP23', 'KSP24']);
    const step = trend.steps[0];
    expect(step?.rows.find((r) => r.metric === 'total')?.delta).toBeNull();
    expect(step?.rows.find((r) => r.metric === 'area' && r.key === 'waiting')?.delta).not.toBeNull();
    // Like-for-like: fewer (or as many) companies than all measured ones.
    expect(step?.nCurrent).toBeLessThanOrEqual(trend.totals[1]?.n ?? 0);
  });
});
