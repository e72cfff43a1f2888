import { describe, expect, it } from 'vitest';
import { computeEditionResults } from '../src/results/edition-results';
import type { CompanyResult } from '../src/scoring/company-result';
import { CxAccumulator } from '../src/scoring/cx-metrics';
import { DomainValidationError } from '../src/validation/issue';
import { catchValidationError } from './support/catch-validation-error';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

// Acme's three contacts (see test/scoring-contact.test.ts for the contact arithmetic):
// c1 phone after 2 min: wait 1/2 = 50 %, agent (1 + 1) / (2 + 3) = 40 % → total (50 + 3 · 40) / 4 = 42.5
// c2 phone, not answered → 0
// c3 e-mail after 1 day: wait 2/2; solved yes + bonus 4/3, spelling 2/2 → agent 6/5 capped 100 % → total 100
const acme = () => [
  evaluation({
    id: 'c1',
    answerSpecs: [
      ['listen', 'partly'],
      ['solved', 'no'],
      ['extra', 'yes'],
      ['privacy', 'partly'],
      ['csat', 'v4'],
      ['nps', 'v9'],
      ['ces', 'v6'],
    ],
  }),
  evaluation({ id: 'c2', answered: false, waitingTime: null }),
  evaluation({
    id: 'c3',
    channel: 'email',
    waitingTime: 1,
    answerSpecs: [
      ['solved', 'yes'],
      ['extra', 'yes'],
      ['spelling', 'good'],
      ['csat', 'v5'],
      ['nps', 'v3'],
    ],
  }),
];

const resultOf = (results: { companies: CompanyResult[] }, key: string) => {
  const found = results.companies.find((c) => c.companyKey === key);
  if (!found) throw new Error(`no result for ${key}`);
  return found;
};

describe('company results', () => {
  const results = computeEditionResults(testEdition(), acme(), COMPANIES);
  const company = resultOf(results, 'acme');

  it('averages every contact for Totalresultat and answered contacts for Score for besvarte', () => {
    expect(company).toMatchObject({ n: 3, nAnswered: 2 });
    // (42.5 + 0 + 100) / 3 = 47.5; answered only (42.5 + 100) / 2 = 71.25
    expect(company.total).toBe(47.5);
    expect(company.answeredOnly).toBe(71.25);
  });

  it('reports each channel with its counts', () => {
    expect(company.channels).toEqual([
      // phone: (42.5 + 0) / 2 = 21.25; answered only 42.5
      { key: 'phone', n: 2, nAnswered: 1, total: 21.25, answeredOnly: 42.5 },
      { key: 'email', n: 1, nAnswered: 1, total: 100, answeredOnly: 100 },
    ]);
  });

  it('weighs channels when the edition says so, ignoring channels not measured', () => {
    const byChannel = computeEditionResults(
      testEdition((e) => {
        e.scoring.contactWeighting = 'channel';
      }),
      acme(),
      COMPANIES,
    );
    // (0.5 · 21.25 + 0.5 · 100) / (0.5 + 0.5) = 60.625; answered only (0.5 · 42.5 + 0.5 · 100) / 1 = 71.25
    expect(resultOf(byChannel, 'acme').total).toBe(60.625);
    expect(resultOf(byChannel, 'acme').answeredOnly).toBe(71.25);
    // only phone measured → phone alone: 21.25
    const phoneOnly = computeEditionResults(
      testEdition((e) => {
        e.scoring.contactWeighting = 'channel';
      }),
      acme().slice(0, 2),
      COMPANIES,
    );
    expect(resultOf(phoneOnly, 'acme').total).toBe(21.25);
  });

  it('averages area and performance percentages over answered contacts, and pools the points', () => {
    const agent = company.areas.find((a) => a.key === 'agent');
    // contacts 40 % and 100 % → mean 70; pooled (2 + 6) / (5 + 5) = 80 %
    expect(agent).toMatchObject({
      n: 2,
      score: 70,
      earned: 8,
      possible: 10,
      pooled: 80,
      countsInTotal: true,
    });
    expect(company.headline).toBe(70);
    const solution = company.performances.find((p) => p.key === 'solution');
    // c1 1/3 = 33.33 %, c3 4/3 capped 100 % → mean 66.67; pooled (1 + 4) / (3 + 3) = 83.33 %
    expect(solution?.score).toBeCloseTo(200 / 3, 12);
    expect(solution?.pooled).toBeCloseTo(250 / 3, 12);
    // listening is phone-only: c1 alone, 50 %
    expect(company.performances.find((p) => p.key === 'listening')).toMatchObject({ n: 1, score: 50 });
  });

  it('reports the shadow score of an unscored area', () => {
    // privacy "partly" on c1 only: rank 1 of 2 → 50 %; no real score
    expect(company.areas.find((a) => a.key === 'gdpr')).toMatchObject({
      counting: 'unscored',
      countsInTotal: false,
      n: 0,
      score: null,
      shadowN: 1,
      shadowScore: 50,
    });
  });

  it('computes CX metrics with their standard formulas', () => {
    // CSAT 4 and 5: mean 4.5, both satisfied (4–5) → 100 %; NPS 9 (promoter) and 3 (detractor): 50 − 50 = 0
    expect(company.cx.CSAT).toEqual({ n: 2, mean: 4.5, satisfiedShare: 100 });
    expect(company.cx.NPS).toEqual({ n: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    expect(company.cx.CES).toEqual({ n: 1, mean: 6 });
    expect(company.cx.VES1).toEqual({ n: 0, mean: null });
  });

  it('gives a company without contacts empty figures', () => {
    expect(resultOf(results, 'bravo')).toMatchObject({
      n: 0,
      total: null,
      answeredOnly: null,
      headline: null,
    });
  });

  it('rejects evaluations of unknown companies or other editions', () => {
    const stray = evaluation({ id: 'x', companyKey: 'zulu', editionKey: 'T23' });
    expect(() => computeEditionResults(testEdition(), [stray], COMPANIES)).toThrow(DomainValidationError);
    const error = catchValidationError(() =>
      computeEditionResults(testEdition(), [evaluation({ id: 'x', companyKey: 'zulu' })], COMPANIES),
    );
    expect(error.issues).toEqual([
      { path: 'evaluations[0].companyKey', message: 'company "zulu" is not in the company list' },
    ]);
  });
});

describe('CxAccumulator', () => {
  it('counts NPS promoters 9–10, passives 7–8 and detractors 0–6', () => {
    const cx = new CxAccumulator();
    for (const nps of [10, 9, 8, 7, 6, 0, 10, 9, 9, 5])
      cx.add({ CSAT: null, CES: null, NPS: nps, VES1: null, VES2: null });
    // 5 promoters, 2 passives, 3 detractors of 10: 50 % − 30 % = 20
    expect(cx.result().NPS).toEqual({ n: 10, promoters: 5, passives: 2, detractors: 3, score: 20 });
  });

  it('gives the CSAT mean and the share of 4–5 answers', () => {
    const cx = new CxAccumulator();
    for (const csat of [5, 4, 3, 1]) cx.add({ CSAT: csat, CES: null, NPS: null, VES1: 7, VES2: 2 });
    // mean (5 + 4 + 3 + 1) / 4 = 3.25; satisfied 2 of 4 = 50 %
    expect(cx.result().CSAT).toEqual({ n: 4, mean: 3.25, satisfiedShare: 50 });
    expect(cx.result().VES1).toEqual({ n: 4, mean: 7 });
    expect(cx.result().VES2).toEqual({ n: 4, mean: 2 });
  });
});
