import { describe, expect, it } from 'vitest';
import { demoCompaniesIn, generateDemoEvaluations, kspEditions } from '../src/fixtures/index';
import { computeEditionResults } from '../src/results/edition-results';
import { checkEdition } from '../src/validation/check-edition';
import { validateEvaluation } from '../src/validation/validate-evaluation';
import { referencesOf } from './support/references';

describe.each(kspEditions.map((e) => [e.key, e] as const))('%s', (_key, edition) => {
  const participants = demoCompaniesIn(edition.key);
  const evaluations = generateDemoEvaluations(edition, participants, { seed: 7 });

  it('passes every edition rule and its demo evaluations validate', () => {
    expect(checkEdition(edition)).toEqual([]);
    const references = referencesOf(evaluations);
    expect(evaluations.flatMap((e) => validateEvaluation(edition, references, e))).toEqual([]);
  });

  it('produces results in range with an overall winner', () => {
    const companies = participants.map((c) => ({ key: c.key, name: c.name, industryKey: c.industryKey }));
    const results = computeEditionResults(edition, evaluations, companies);
    for (const company of results.companies) {
      expect(company.total === null || (company.total >= 0 && company.total <= 100)).toBe(true);
    }
    expect(results.overall.winner).not.toBeNull();
  });
});
