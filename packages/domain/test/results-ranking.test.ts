import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRankingPosition } from '../src/explain/explain-ranking-position';
import { type AwardRules, awardRulesSchema } from '../src/model/edition';
import { bestOnChannel } from '../src/results/best-on-channel';
import { formatScore, roundScore } from '../src/results/display';
import { computeEditionResults } from '../src/results/edition-results';
import { compareOnRankingRules, rankIndustry, rankOverall } from '../src/results/ranking';
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
    // z wins on total; a on answered-only; b on headline; c on answered contacts; d and e are equal on
    // every rule: they share place 5 and key order only lists d first.
    const ranking = rankOverall(companies, awards);
    expect(positions(ranking.entries)).toEqual(['z:1', 'a:2', 'b:3', 'c:4', 'd:5', 'e:5']);
    expect(ranking.entries.map((e) => e.decidedByKeyOrder)).toEqual([false, false, false, false, true, true]);
    expect(ranking.entries.map((e) => e.tiedWith)).toEqual([[], [], [], [], ['e'], ['d']]);
    expect(ranking).toMatchObject({ winner: 'z', winners: ['z'], winnerDecidedByKeyOrder: false });
  });

  it('treats scores within float noise as a tie', () => {
    const companies = [
      companyResult('b', { total: 90 + 1e-12, answeredOnly: 80 }),
      companyResult('a', { total: 90, answeredOnly: 85 }),
    ];
    // 90 + 1e-12 ≈ 90: answered-only decides (85 > 80), not the float noise.
    expect(rankOverall(companies, awards)).toMatchObject({ winner: 'a', winnerDecidedByKeyOrder: false });
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

describe('ties: each rule in turn, and a shared place when only key order is left', () => {
  // Every company: n = nAnswered = 25 unless told, total = answeredOnly = headline = 80 unless told.
  const rank = (...companies: ReturnType<typeof companyResult>[]) => rankOverall(companies, awards);
  const decided = (ranking: ReturnType<typeof rank>) =>
    ranking.entries.map((e) => `${e.companyKey}:${e.position ?? '-'}${e.decidedByKeyOrder ? '=' : ''}`);

  it('a tie on Totalresultat is decided by answered-only', () => {
    // both 85.0; y has 90 answered-only against x's 88 → y first, no shared place
    const ranking = rank(
      companyResult('x', { total: 85, answeredOnly: 88 }),
      companyResult('y', { total: 85, answeredOnly: 90 }),
    );
    expect(decided(ranking)).toEqual(['y:1', 'x:2']);
    expect(ranking).toMatchObject({ winners: ['y'], winnerDecidedByKeyOrder: false });
  });

  it('then by the headline area, then by answered contacts', () => {
    // total and answered-only 85 for all; headline: x 70 < y 72; z has 72 too but 24 answered contacts < 25
    const ranking = rank(
      companyResult('x', { total: 85, answeredOnly: 85, headline: 70 }),
      companyResult('y', { total: 85, answeredOnly: 85, headline: 72 }),
      companyResult('z', { total: 85, answeredOnly: 85, headline: 72, nAnswered: 24 }),
    );
    expect(decided(ranking)).toEqual(['y:1', 'z:2', 'x:3']);
  });

  it('equal on every rule: a shared place (1, 1, 3) and a winner decided only by key order, flagged', () => {
    // b and a: 85 / 85 / 80 / 25 answered — equal on every rule; c has 84.9 total
    const ranking = rank(
      companyResult('c', { total: 84.9 }),
      companyResult('b', { total: 85, answeredOnly: 85 }),
      companyResult('a', { total: 85, answeredOnly: 85 }),
    );
    expect(decided(ranking)).toEqual(['a:1=', 'b:1=', 'c:3']);
    expect(ranking.entries.map((e) => e.tiedWith)).toEqual([['b'], ['a'], []]);
    // `winner` stays the first by key for existing callers; the tie is never silent.
    expect(ranking).toMatchObject({
      winner: 'a',
      winners: ['a', 'b'],
      winnerDecidedByKeyOrder: true,
      eligibleCount: 3,
    });
  });

  it('three tied in the middle share place 2; the next place is 5', () => {
    const ranking = rank(
      companyResult('top', { total: 95 }),
      companyResult('t3', { total: 90 }),
      companyResult('t1', { total: 90 }),
      companyResult('t2', { total: 90 }),
      companyResult('low', { total: 70 }),
    );
    expect(decided(ranking)).toEqual(['top:1', 't1:2=', 't2:2=', 't3:2=', 'low:5']);
    expect(ranking.entries[2]?.tiedWith).toEqual(['t1', 't3']);
    expect(ranking.winnerDecidedByKeyOrder).toBe(false);
  });

  it('float noise does not break a tie: 90 + 1e-12 and 90 share the place', () => {
    const ranking = rank(companyResult('b', { total: 90 + 1e-12 }), companyResult('a', { total: 90 }));
    expect(decided(ranking)).toEqual(['a:1=', 'b:1=']);
  });

  it('ineligible companies have no place and no tie flag, even when equal', () => {
    const ranking = rank(
      companyResult('ok', { total: 60 }),
      companyResult('few2', { n: 10, nAnswered: 10 }),
      companyResult('few1', { n: 10, nAnswered: 10 }),
    );
    expect(decided(ranking)).toEqual(['ok:1', 'few1:-', 'few2:-']);
    expect(ranking.entries.map((e) => e.tiedWith)).toEqual([[], [], []]);
  });

  it('an industry with a shared first place has shared winners; a withheld winner has none', () => {
    const companies = [
      companyResult('a', { industryKey: 'bank', total: 70 }),
      companyResult('b', { industryKey: 'bank', total: 70 }),
      companyResult('c', { industryKey: 'shop', total: 90 }),
      companyResult('d', { industryKey: 'shop', total: 40 }),
    ];
    expect(rankIndustry(companies, 'bank', awards)).toMatchObject({
      winner: 'a',
      winners: ['a', 'b'],
      winnerDecidedByKeyOrder: true,
    });
    expect(rankIndustry(companies, 'shop', awards)).toMatchObject({
      winner: null,
      winners: [],
      winnerDecidedByKeyOrder: false,
    });
  });
});

describe('shared places, as a property', () => {
  // Few distinct values, so that ties on one or every rule are common.
  const figures = fc.record({
    total: fc.constantFrom(60, 70, 80),
    answeredOnly: fc.constantFrom(70, 80),
    headline: fc.constantFrom(null, 75),
    nAnswered: fc.constantFrom(24, 25),
  });

  it('position = 1 + the eligible companies strictly ahead on the rules; key order never decides a place', () => {
    fc.assert(
      fc.property(fc.array(figures, { maxLength: 12 }), (list) => {
        const companies = list.map((f, i) => companyResult(`c${String(i).padStart(2, '0')}`, f));
        const ranking = rankOverall(companies, awards);
        for (const entry of ranking.entries) {
          const ahead = companies.filter((c) => compareOnRankingRules(c, entry) < 0).length;
          const level = companies.filter((c) => compareOnRankingRules(c, entry) === 0);
          expect(entry.position).toBe(ahead + 1);
          expect(entry.decidedByKeyOrder).toBe(level.length > 1);
          expect(entry.tiedWith).toEqual(
            level.map((c) => c.companyKey).filter((k) => k !== entry.companyKey),
          );
        }
        // The same companies in reverse give the same ranking.
        expect(rankOverall([...companies].reverse(), awards)).toEqual(ranking);
        expect(ranking.winnerDecidedByKeyOrder).toBe(ranking.winners.length > 1);
        expect(ranking.winner).toBe(ranking.winners[0] ?? null);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a tie through scoring: identical contacts give a shared place', () => {
  // acme and bravo each: two phone contacts after 1 min (wait 2/2 = 100 %), listen yes 2/2, solved yes 3/3
  // → agent 100 %, total (1·100 + 3·100) / 4 = 100, answered-only 100, headline 100, 2 answered contacts.
  // cargo (transport): wait 4 min → 0 %, agent 100 % → (0 + 300) / 4 = 75.
  const contact = (companyKey: string, industryKey = 'bank', waitingTime = 1) =>
    evaluation({
      companyKey,
      industryKey,
      waitingTime,
      answerSpecs: [
        ['listen', 'yes'],
        ['solved', 'yes'],
      ],
    });
  const results = computeEditionResults(
    testEdition(),
    [
      contact('bravo'),
      contact('acme'),
      contact('bravo'),
      contact('acme'),
      contact('cargo', 'transport', 4),
      contact('cargo', 'transport', 4),
    ],
    COMPANIES,
  );

  it('overall 1, 1, 3; the bank class and Best på telefon are shared and flagged', () => {
    expect(
      results.overall.entries.map((e) => [e.companyKey, e.total, e.position, e.decidedByKeyOrder]),
    ).toEqual([
      ['acme', 100, 1, true],
      ['bravo', 100, 1, true],
      ['cargo', 75, 3, false],
    ]);
    expect(results.overall).toMatchObject({
      winner: 'acme',
      winners: ['acme', 'bravo'],
      winnerDecidedByKeyOrder: true,
    });
    expect(results.industries.map((i) => [i.industryKey, i.winners, i.winnerDecidedByKeyOrder])).toEqual([
      ['bank', ['acme', 'bravo'], true],
      ['transport', [], false],
    ]);
    const phone = results.bestOnChannel.find((b) => b.channel === 'phone');
    expect(phone).toMatchObject({ winners: ['acme', 'bravo'], winnerDecidedByKeyOrder: true, score: 100 });
    expect(phone?.entries.map((e) => e.position)).toEqual([1, 1, 3]);
  });

  it('the explanation says only key order is left between the two', () => {
    const explained = explainRankingPosition(results, 'bravo');
    expect(explained.entry).toMatchObject({ position: 1, decidedByKeyOrder: true, tiedWith: ['acme'] });
    expect(explained.above).toMatchObject({ companyKey: 'acme', decidedBy: 'companyKey' });
    expect(explained.below).toMatchObject({ companyKey: 'cargo', decidedBy: 'total', difference: 25 });
  });
});

describe('best on channel: minimum contacts and ties', () => {
  // The award rules as an edition states them without minContactsPerChannel: the default applies.
  const defaults = awardRulesSchema.parse({ minContacts: 20, minTotal: 50, minCompaniesPerIndustry: 2 });

  it('needs 3 contacts on the channel by default: 2 is not a candidate, 3 is', () => {
    expect(defaults.minContactsPerChannel).toBe(3);
    const companies = [
      companyResult('two', { channels: { chat: { total: 99, n: 2 } } }),
      companyResult('three', { channels: { chat: { total: 80, n: 3 } } }),
    ];
    const [chat] = bestOnChannel(companies, ['chat'], defaults);
    // "two" has the higher chat score (99) but only 2 chat contacts: not a candidate.
    expect(chat?.entries.map((e) => e.companyKey)).toEqual(['three']);
    expect(chat).toMatchObject({ winner: 'three', winners: ['three'], score: 80 });
  });

  it('a tie on the channel score is decided by channel answered-only, then channel answered contacts', () => {
    const companies = [
      companyResult('x', { channels: { phone: { total: 80, n: 6, answeredOnly: 90, nAnswered: 5 } } }),
      companyResult('y', { channels: { phone: { total: 80, n: 6, answeredOnly: 96, nAnswered: 5 } } }),
      companyResult('z', { channels: { phone: { total: 80, n: 6, answeredOnly: 96, nAnswered: 6 } } }),
    ];
    const [phone] = bestOnChannel(companies, ['phone'], defaults);
    // y and z: 96 answered-only beats x's 90; z has 6 answered contacts against y's 5
    expect(phone?.entries.map((e) => [e.companyKey, e.position, e.decidedByKeyOrder])).toEqual([
      ['z', 1, false],
      ['y', 2, false],
      ['x', 3, false],
    ]);
    expect(phone).toMatchObject({ winner: 'z', winners: ['z'], winnerDecidedByKeyOrder: false });
  });

  it('equal on every channel rule: a shared place, flagged, and shared winners', () => {
    const companies = [
      companyResult('q', { channels: { phone: { total: 75, n: 4 } } }),
      companyResult('p', { channels: { phone: { total: 75, n: 4 } } }),
      companyResult('r', { channels: { phone: { total: 60, n: 4 } } }),
    ];
    const [phone] = bestOnChannel(companies, ['phone'], defaults);
    expect(phone?.entries.map((e) => [e.companyKey, e.position, e.decidedByKeyOrder, e.tiedWith])).toEqual([
      ['p', 1, true, ['q']],
      ['q', 1, true, ['p']],
      ['r', 3, false, []],
    ]);
    expect(phone).toMatchObject({
      winner: 'p',
      winners: ['p', 'q'],
      winnerDecidedByKeyOrder: true,
      score: 75,
    });
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
