import { describe, expect, it } from 'vitest';
import { demoCompaniesIn, generateDemoEvaluations, ksp23, ksp24 } from '../src/fixtures';
import type { Edition } from '../src/model/edition';
import { computeEditionResults } from '../src/results/edition-results';
import { compareWhatIf } from '../src/what-if/compare-what-if';
import { rescoreUnderRules } from '../src/what-if/rescore-under-rules';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

describe('rescoreUnderRules (test edition)', () => {
  const source = testEdition();
  const e = evaluation({
    waitingTime: 2,
    answerSpecs: [
      ['listen', 'partly'],
      ['solved', 'no'],
      ['extra', 'yes'],
      ['privacy', 'partly'],
    ],
  });

  it('scores under the other rules and reports what did not carry over', () => {
    const rules: Edition = structuredClone(source);
    rules.key = 'T25';
    const agent = rules.areas[1];
    if (!agent) throw new Error('no agent');
    agent.weight = 1; // 3 → 1
    const listen = agent.performances[0]?.questions[0];
    if (listen) listen.options = listen.options.filter((o) => o.key !== 'partly'); // "partly" gone
    rules.areas = rules.areas.filter((a) => a.key !== 'gdpr'); // GDPR gone

    const { results, report } = rescoreUnderRules([e], source, rules, COMPANIES);
    // As scored: (1·50 + 3·40)/4 = 42.5. What-if: listen "partly" dropped (not asked), so agent =
    // (0 + 1)/(3) = 33.33 % (solved 0/3, bonus +1); total (1·50 + 1·33.33)/2 = 41.67.
    expect(results.editionKey).toBe('T24');
    expect(results.companies[0]?.total).toBeCloseTo((50 + 100 / 3) / 2, 9);
    expect(report).toEqual({
      sourceKey: 'T24',
      rulesKey: 'T25',
      questionsDropped: ['privacy'],
      questionsNotAsked: [],
      optionsDropped: [{ questionKey: 'listen', optionKey: 'partly', count: 1 }],
      evaluationsDropped: [],
    });
    // The inputs are untouched.
    expect(e.answers).toHaveLength(4);
    expect(source.areas).toHaveLength(4);
  });

  it('compares as scored and what-if per company with rank changes', () => {
    const acme = [1, 2].map(() =>
      evaluation({
        companyKey: 'acme',
        answerSpecs: [
          ['listen', 'partly'],
          ['solved', 'no'],
          ['extra', 'yes'],
        ],
      }),
    );
    const bravo = [1, 2].map(() =>
      evaluation({
        companyKey: 'bravo',
        waitingTime: 4,
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'yes'],
        ],
      }),
    );
    const all = [...acme, ...bravo];
    const asScored = computeEditionResults(source, all, COMPANIES);
    const rules: Edition = structuredClone(source);
    const agent = rules.areas[1];
    if (agent) agent.weight = 0; // only the waiting area counts
    const x = compareWhatIf(asScored, rescoreUnderRules(all, source, rules, COMPANIES).results);
    // acme: wait 2 min → 1/2 = 50 %, agent 40 % → (1·50 + 3·40)/4 = 42.5; what-if 50 (wait only).
    // bravo: wait 4 min → 0/2 = 0 %, agent (2 + 3)/5 = 100 % → (0 + 300)/4 = 75; what-if 0.
    expect(x.companies.find((c) => c.companyKey === 'acme')).toMatchObject({
      asScored: 42.5,
      whatIf: 50,
      delta: 7.5,
      positionAsScored: 2,
      positionWhatIf: 1,
      positionChange: 1,
    });
    expect(x.companies.find((c) => c.companyKey === 'bravo')).toMatchObject({
      asScored: 75,
      whatIf: 0,
      delta: -75,
      positionChange: -1,
    });
    expect(x.overallWinner).toEqual({ asScored: 'bravo', whatIf: 'acme' });
    expect(x.industryWinners.find((i) => i.industryKey === 'bank')).toEqual({
      industryKey: 'bank',
      asScored: 'bravo',
      whatIf: 'acme',
    });
  });
});

describe('KSP23 under KSP24 rules (demo data)', () => {
  const participants = demoCompaniesIn('KSP23');
  const companies = participants.map((c) => ({ key: c.key, name: c.name, industryKey: c.industryKey }));
  const evaluations = generateDemoEvaluations(ksp23, participants, { seed: 7 });
  const asScored = computeEditionResults(ksp23, evaluations, companies);

  it('without GDPR alone, totals are unchanged (GDPR was unscored) and the GDPR shadow scores are gone', () => {
    const withoutGdpr: Edition = { ...ksp23, areas: ksp23.areas.filter((a) => a.key !== 'gdpr') };
    const { results, report } = rescoreUnderRules(evaluations, ksp23, withoutGdpr, companies);
    expect(report.questionsDropped).toEqual([
      'gdpr_deletion_explained',
      'gdpr_purpose_explained',
      'gdpr_understood_handling',
    ]);
    const x = compareWhatIf(asScored, results);
    expect(x.companies.filter((c) => c.positionChange !== null && c.positionChange !== 0)).toEqual([]);
    expect(x.companies.filter((c) => c.delta !== 0 && c.delta !== null)).toEqual([]);
    const gdpr = asScored.companies[0]?.areas.find((a) => a.key === 'gdpr');
    expect(gdpr?.shadowScore).not.toBeNull();
    expect(results.companies[0]?.areas.find((a) => a.key === 'gdpr')).toBeUndefined();
  });

  it('under all of KSP24 (GDPR gone, «verdsatt» moved into Kundebehandleren) totals shift and nothing is stored', () => {
    const before = JSON.stringify(ksp23);
    const { results, report } = rescoreUnderRules(evaluations, ksp23, ksp24, companies);
    expect(report.questionsDropped).toHaveLength(3);
    expect(report.questionsNotAsked).toEqual([]);
    expect(results.companies.every((c) => c.areas.every((a) => a.key !== 'gdpr'))).toBe(true);
    const x = compareWhatIf(asScored, results);
    // «verdsatt» now weighs in agent (50) rather than overall (25), so totals move a little.
    expect(x.companies.some((c) => c.delta !== null && Math.abs(c.delta) > 1e-9)).toBe(true);
    expect(JSON.stringify(ksp23)).toBe(before);
  });
});
