import { describe, expect, it } from 'vitest';
import type { AwardRules } from '../src/model/edition';
import { bestOnChannel } from '../src/results/best-on-channel';
import { formatScore, roundScore } from '../src/results/display';
import { computeEditionResults } from '../src/results/edition-results';
import { rankIndustry, rankOverall } from '../src/results/ranking';
import { companyResult } from './support/company-result';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

const awards: AwardRules = {
  minContacts: 20,
  minTotal: 50,
  minCompaniesPerIndustry: 2,
  minContactsPerChannel: 5,
};
const positions = (entries: { companyKey: string; position: number | null }[]) =>
  entries.map((e) => `${e.companyKey}:${e.position ?? '-'}`);

describe('rankings', () => {
  it('sorts by total, then answered-only, headline, answered contacts and key', () => {
    const companies = [
      companyResult('e', { total: 90, answeredOnly: 90, headline: 70, nAnswered: 24 }),
      companyResult('d', { total: 90, answeredOnly: 90, headline: 70, nAnswered: 24 }),
      companyResult('c', { total: 90, answeredOnly: 90, headline: 70, nAnswered: 25 }),
      companyResult('b', { total: 90, answeredOnly: 90, headline: 75 }),
      companyResult('a', { total: 90, answeredOnly: 95 }),
      companyResult('z', { total: 95 }),
    ];
    // z wins on total; a on answered-only; b on headline; c on answered contacts; d before e by key
    expect(positions(rankOverall(companies, awards).entries)).toEqual([
      'z:1',
      'a:2',
      'b:3',
      'c:4',
      'd:5',
      'e:6',
    ]);
  });

  it('treats scores within float noise as a tie', () => {
    const companies = [
      companyResult('b', { total: 90 + 1e-12, answeredOnly: 80 }),
      companyResult('a', { total: 90, answeredOnly: 85 }),
    ];
    expect(rankOverall(companies, awards).winner).toBe('a');
  });

  it('leaves companies with too few contacts or too low a total without a position', () => {
    const ranking = rankOverall(
      [
        companyResult('few', { n: 19, total: 99 }),
        companyResult('low', { total: 49.9 }),
        companyResult('ok', { total: 60 }),
      ],
      awards,
    );
    expect(positions(ranking.entries)).toEqual(['ok:1', 'few:-', 'low:-']);
    expect(ranking.entries[1]?.reasons).toEqual(['19 contacts, fewer than the 20 required']);
    expect(ranking.entries[2]?.reasons).toEqual(['Totalresultat 49.9 is below the minimum 50']);
    expect(ranking).toMatchObject({ winner: 'ok', eligibleCount: 1 });
  });

  it('names an industry winner only with enough eligible companies', () => {
    const companies = [
      companyResult('a', { industryKey: 'bank', total: 70 }),
      companyResult('b', { industryKey: 'bank', total: 80 }),
      companyResult('c', { industryKey: 'shop', total: 90 }),
      companyResult('d', { industryKey: 'shop', total: 40 }),
    ];
    expect(rankIndustry(companies, 'bank', awards)).toMatchObject({
      winner: 'b',
      eligibleCount: 2,
      winnerWithheld: null,
    });
    expect(rankIndustry(companies, 'shop', awards)).toMatchObject({
      winner: null,
      eligibleCount: 1,
      winnerWithheld: '1 eligible companies, fewer than the 2 required',
    });
    // the overall winner is chosen regardless of class
    expect(rankOverall(companies, awards).winner).toBe('c');
  });

  it('finds the best company on each channel among eligible companies with enough contacts there', () => {
    const companies = [
      companyResult('a', { channels: { phone: { total: 95, n: 4 }, chat: { total: 70, n: 10 } } }),
      companyResult('b', { channels: { phone: { total: 90, n: 10 }, chat: { total: 75, n: 10 } } }),
      companyResult('c', { total: 40, channels: { phone: { total: 99, n: 20 } } }),
    ];
    const best = bestOnChannel(companies, ['phone', 'chat', 'email'], awards);
    // a has only 4 phone contacts (< 5); c is not eligible overall (total 40 < 50)
    expect(best.map((b) => [b.channel, b.winner, b.score])).toEqual([
      ['phone', 'b', 90],
      ['chat', 'b', 75],
      ['email', null, null],
    ]);
    expect(best[1]?.entries.map((e) => e.companyKey)).toEqual(['b', 'a']);
  });
});

describe('computeEditionResults', () => {
  // acme: two phone contacts, total (42.5 + 87.5) / 2 = 65; bravo: one 100 % e-mail contact and one unanswered: 50
  // cargo (transport): one contact only → below minContacts 2
  const edition = testEdition();
  const evaluations = [
    evaluation({
      id: 'a1',
      answerSpecs: [
        ['listen', 'partly'],
        ['solved', 'no'],
        ['extra', 'yes'],
      ],
    }),
    evaluation({
      id: 'a2',
      answerSpecs: [
        ['listen', 'yes'],
        ['solved', 'N/A'],
      ],
    }),
    evaluation({
      id: 'b1',
      companyKey: 'bravo',
      channel: 'email',
      waitingTime: 1,
      answerSpecs: [
        ['solved', 'yes'],
        ['spelling', 'good'],
      ],
    }),
    evaluation({ id: 'b2', companyKey: 'bravo', answered: false, waitingTime: null }),
    evaluation({
      id: 'c1',
      companyKey: 'cargo',
      industryKey: 'transport',
      answerSpecs: [
        ['listen', 'yes'],
        ['solved', 'yes'],
      ],
    }),
  ];
  const results = computeEditionResults(edition, evaluations, COMPANIES);

  it('ranks industries and overall and names the winners', () => {
    expect(results.companies.map((c) => [c.companyKey, c.total])).toEqual([
      ['acme', 65],
      ['bravo', 50],
      // cargo: wait 50 %, agent (2 + 3) / 5 = 100 % → (50 + 300) / 4 = 87.5
      ['cargo', 87.5],
    ]);
    expect(results.industries.map((i) => [i.industryKey, i.winner])).toEqual([
      ['bank', 'acme'],
      ['transport', null],
    ]);
    expect(positions(results.overall.entries)).toEqual(['acme:1', 'bravo:2', 'cargo:-']);
    expect(results.bestOnChannel.map((b) => [b.channel, b.winner])).toEqual([
      ['phone', 'acme'],
      ['email', 'bravo'],
    ]);
  });

  it('averages the companies of an industry, each counting once', () => {
    const bank = results.industries.find((i) => i.industryKey === 'bank');
    // (65 + 50) / 2 = 57.5; headline: acme agent (40 + 100) / 2 = 70, bravo 100 → 85
    expect(bank?.averages).toMatchObject({ nCompanies: 2, total: 57.5, headline: 85 });
    // all companies: (65 + 50 + 87.5) / 3 = 67.5
    expect(results.averages.total).toBe(67.5);
  });

  it('is a plain object that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});

describe('display helpers', () => {
  it('round only for display', () => {
    expect(roundScore(94.65, 1)).toBe(94.7);
    expect(roundScore(null)).toBeNull();
    expect(formatScore(94.6666, 'nb')).toBe('94,7');
    expect(formatScore(94.6666, 'en', 2)).toBe('94.67');
    expect(formatScore(null)).toBe('—');
  });
});
