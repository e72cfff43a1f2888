import { describe, expect, it } from 'vitest';
import { demoCompanies, generateDemoEvaluations, kspEditions } from '../src/fixtures';
import { computeEditionResults } from '../src/results/edition-results';
import {
  type AverageFigures,
  averageFigures,
  type ScoreFigures,
  scoreFigures,
} from '../src/results/score-figures';
import type { CompanyResult } from '../src/scoring/company-result';

/** The definition, written plainly: the mean of each figure over the companies that have it, keys as they first appear. */
function referenceAverage(companies: readonly CompanyResult[]): AverageFigures {
  const figures = companies.map(scoreFigures);
  const avg = (pick: (f: ScoreFigures) => number | null) => {
    const values = figures.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const record = (pick: (f: ScoreFigures) => Record<string, number | null>) =>
    Object.fromEntries(
      [...new Set(figures.flatMap((f) => Object.keys(pick(f))))].map((key) => [
        key,
        avg((f) => pick(f)[key] ?? null),
      ]),
    );
  return {
    nCompanies: companies.length,
    total: avg((f) => f.total),
    answeredOnly: avg((f) => f.answeredOnly),
    headline: avg((f) => f.headline),
    areas: record((f) => f.areas),
    performances: record((f) => f.performances),
    channels: record((f) => f.channels),
    cx: {
      CSAT: avg((f) => f.cx.CSAT),
      CES: avg((f) => f.cx.CES),
      NPS: avg((f) => f.cx.NPS),
      VES1: avg((f) => f.cx.VES1),
      VES2: avg((f) => f.cx.VES2),
    },
  };
}

describe('average figures', () => {
  it('equal the plain definition, to the last bit and in key order, on every KSP edition', () => {
    for (const edition of kspEditions) {
      const evaluations = generateDemoEvaluations(edition, demoCompanies, { seed: 5, contactsPerCompany: 4 });
      const companies = demoCompanies
        .filter((c) => c.editionKeys.includes(edition.key))
        .map(({ key, name, industryKey }) => ({ key, name, industryKey }));
      const { companies: results } = computeEditionResults(edition, evaluations, companies);
      // Also subsets, and a company whose total is missing (null figures are left out of the means).
      for (const group of [
        results,
        results.slice(0, 7),
        [...results.slice(3, 9), { ...results[0], total: null }],
      ]) {
        const average = averageFigures(group as CompanyResult[]);
        const reference = referenceAverage(group as CompanyResult[]);
        expect(average).toEqual(reference);
        expect(Object.keys(average.performances)).toEqual(Object.keys(reference.performances));
        expect(Object.keys(average.areas)).toEqual(Object.keys(reference.areas));
      }
    }
  });

  it('is null for every figure of no companies', () => {
    expect(averageFigures([])).toMatchObject({ nCompanies: 0, total: null, areas: {}, cx: { NPS: null } });
  });
});
