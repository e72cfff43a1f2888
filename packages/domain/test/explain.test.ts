import { describe, expect, it } from 'vitest';
import { explainCompany } from '../src/explain/explain-company';
import { explainContact } from '../src/explain/explain-contact';
import { explainRankingPosition } from '../src/explain/explain-ranking-position';
import { demoCompaniesIn, generateDemoEvaluations, ksp23 } from '../src/fixtures';
import { computeEditionResults } from '../src/results/edition-results';
import { compileEdition } from '../src/scoring/compile-edition';
import { scoreContact } from '../src/scoring/score-contact';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

describe('explainContact (test edition)', () => {
  const compiled = compileEdition(testEdition());

  it('explains the worked example of docs/scoring.md', () => {
    const e = evaluation({
      waitingTime: 2,
      answerSpecs: [
        ['listen', 'partly'],
        ['solved', 'no'],
        ['extra', 'yes'],
        ['privacy', 'partly'],
      ],
    });
    const x = explainContact(compiled, e);
    const rows = Object.fromEntries(
      x.areas.flatMap((a) => a.performances.flatMap((p) => p.questions.map((q) => [q.key, q]))),
    );
    // wait: 2 min → band ≤3 → 1 of the best band's 2 points.
    expect(rows.wait).toMatchObject({ status: 'waitingTime', waitingTime: 2, earned: 1, possible: 2 });
    expect(rows.listen).toMatchObject({ status: 'answered', optionKey: 'partly', earned: 1, possible: 2 });
    expect(rows.solved).toMatchObject({ earned: 0, possible: 3 });
    // Bonus: +1 earned, nothing possible.
    expect(rows.extra).toMatchObject({ bonus: true, earned: 1, possible: 0 });
    // Unscored GDPR: no points; shadow "partly" of yes/partly/no (best first) = 1 of 2.
    expect(rows.privacy).toMatchObject({
      scored: false,
      earned: 0,
      possible: 0,
      shadowEarned: 1,
      shadowPossible: 2,
    });
    // Not asked on phone: spelling (e-mail only) has no row; csat/nps/ces unanswered count as not asked.
    expect(rows.spelling).toBeUndefined();
    expect(rows.csat).toMatchObject({ status: 'notAnswered', possible: 0 });

    const area = (key: string) => x.areas.find((a) => a.key === key);
    // wait 1/2 = 50 %, weight 1; agent (1 + 0 + 1)/(2 + 3) = 40 %, weight 3; Σw = 4.
    expect(area('wait')).toMatchObject({ earned: 1, possible: 2, percentage: 50, weight: 1 });
    expect(area('agent')).toMatchObject({ earned: 2, possible: 5, percentage: 40, weight: 3 });
    expect(x.denominator).toBe(4);
    // contributions 1·50/4 = 12.5 and 3·40/4 = 30; total 42.5.
    expect(area('wait')?.contribution).toBe(12.5);
    expect(area('agent')?.contribution).toBe(30);
    expect(area('gdpr')?.contribution).toBe(0);
    expect(x).toMatchObject({ total: 42.5, totalRule: 'weighted' });
  });

  it('shows N/A, unanswered contacts and critical answers', () => {
    const na = explainContact(compiled, evaluation({ answerSpecs: [['solved', 'N/A']] }));
    const solved = na.areas[1]?.performances[1]?.questions.find((q) => q.key === 'solved');
    // N/A leaves the question out of possible: 0 of 0.
    expect(solved).toMatchObject({ status: 'notApplicable', earned: 0, possible: 0 });

    const unanswered = explainContact(compiled, evaluation({ answered: false, waitingTime: null }));
    expect(unanswered).toMatchObject({ total: 0, totalRule: 'unanswered' });
    expect(
      unanswered.areas
        .flatMap((a) => a.performances.flatMap((p) => p.questions))
        .every((q) => q.status === 'contactUnanswered'),
    ).toBe(true);

    const critical = compileEdition(
      testEdition((input) => {
        const listen = (input.areas[1] as { performances: { questions: { critical?: string }[] }[] })
          .performances[0]?.questions[0];
        if (listen) listen.critical = 'contact';
      }),
    );
    const zeroed = explainContact(
      critical,
      evaluation({
        answerSpecs: [
          ['listen', 'no'],
          ['solved', 'yes'],
        ],
      }),
    );
    // listen "no" = 0 points on a contact-critical question: the whole contact scores 0.
    expect(zeroed).toMatchObject({ total: 0, totalRule: 'criticalContact', criticalEffect: 'contact' });
    expect(zeroed.areas[1]?.performances[0]?.questions[0]).toMatchObject({ criticalTriggered: true });
    // solved "yes" had earned 3 of 3, but the zeroed area reports 0 earned of 5 possible.
    expect(zeroed.areas[1]).toMatchObject({ zeroedByCritical: true, earned: 0, possible: 5 });
  });

  it('explains a company: equal contacts, unanswered as 0', () => {
    const list = [
      evaluation({
        companyKey: 'acme',
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'yes'],
        ],
        waitingTime: 1,
      }),
      evaluation({ companyKey: 'acme', answered: false, waitingTime: null }),
    ];
    const x = explainCompany(compiled, list, COMPANIES[0] as (typeof COMPANIES)[number]);
    // Contact 1: wait 2/2 = 100 %, agent (2 + 3)/(2 + 3) = 100 % → 100; contact 2 unanswered → 0. Mean 50.
    expect(x.contacts.map((c) => c.total)).toEqual([100, 0]);
    expect(x.company.total).toBe(50);
    expect(x.company.answeredOnly).toBe(100);
    expect(x.channels.find((c) => c.key === 'phone')).toMatchObject({ n: 2, nUnanswered: 1, weight: null });
  });
});

describe('channel weights and shadow scores (verification)', () => {
  it('explainCompany shows channel weights: Σ w·channel total / Σ w', () => {
    const weighted = compileEdition(
      testEdition((input) => {
        (input.scoring as { contactWeighting: string }).contactWeighting = 'channel';
      }),
    );
    const list = [
      evaluation({
        companyKey: 'acme',
        answerSpecs: [
          ['listen', 'partly'],
          ['solved', 'no'],
          ['extra', 'yes'],
        ],
      }),
      evaluation({ companyKey: 'acme', answered: false, waitingTime: null }),
      evaluation({
        companyKey: 'acme',
        channel: 'email',
        waitingTime: 1,
        answerSpecs: [
          ['solved', 'yes'],
          ['spelling', 'good'],
        ],
      }),
    ];
    const x = explainCompany(weighted, list, COMPANIES[0] as (typeof COMPANIES)[number]);
    // phone: 42.5 and unanswered 0 → 21.25; email: wait 1 day 2/2, agent (3 + 2)/(3 + 2) → 100.
    // total = (0.5·21.25 + 0.5·100)/(0.5 + 0.5) = 60.625 (equal weighting would give (42.5 + 0 + 100)/3 = 47.5).
    expect(x.channels.map((c) => [c.key, c.weight, c.total])).toEqual([
      ['phone', 0.5, 21.25],
      ['email', 0.5, 100],
    ]);
    expect(x.company.total).toBe(60.625);
    expect(x.contactWeighting).toBe('channel');
  });

  it('KSP23 GDPR: unscored, so no score, but a shadow score for every measured company', () => {
    const participants = demoCompaniesIn('KSP23');
    const companies = participants.map((c) => ({ key: c.key, name: c.name, industryKey: c.industryKey }));
    const results = computeEditionResults(
      ksp23,
      generateDemoEvaluations(ksp23, participants, { seed: 7 }),
      companies,
    );
    const gdpr = results.companies
      .filter((c) => c.nAnswered > 0)
      .map((c) => c.areas.find((a) => a.key === 'gdpr'));
    expect(gdpr.every((a) => a?.score === null && a.possible === 0)).toBe(true);
    expect(
      gdpr.every(
        (a) => a?.shadowScore !== null && (a?.shadowScore ?? -1) >= 0 && (a?.shadowScore ?? 101) <= 100,
      ),
    ).toBe(true);
  });
});

describe('explanations equal the scorer on every KSP23 demo contact', () => {
  const compiled = compileEdition(ksp23);
  const participants = demoCompaniesIn('KSP23');
  const evaluations = generateDemoEvaluations(ksp23, participants, { seed: 7 });
  const companies = participants.map((c) => ({ key: c.key, name: c.name, industryKey: c.industryKey }));
  const results = computeEditionResults(ksp23, evaluations, companies);

  it('contacts: question rows add up to the performances, contributions to the total', () => {
    // Collect mismatches and assert once: thousands of expect() calls would be slow.
    const mismatches: string[] = [];
    const same = (what: string, a: number | null, b: number | null) => {
      if (a !== b) mismatches.push(`${what}: ${a} ≠ ${b}`);
    };
    for (const e of evaluations) {
      const x = explainContact(compiled, e);
      const s = scoreContact(compiled, e);
      same(`${e.id} total`, x.total, s.total);
      for (const area of x.areas) {
        for (const p of area.performances) {
          const sum = (pick: (q: (typeof p.questions)[number]) => number) =>
            p.questions.reduce((t, q) => t + pick(q), 0);
          same(
            `${e.id} ${p.key} possible`,
            sum((q) => q.possible),
            p.possible,
          );
          same(
            `${e.id} ${p.key} shadowPossible`,
            sum((q) => q.shadowPossible),
            p.shadowPossible,
          );
          if (!area.zeroedByCritical) {
            same(
              `${e.id} ${p.key} earned`,
              sum((q) => q.earned),
              p.earned,
            );
            same(
              `${e.id} ${p.key} shadowEarned`,
              sum((q) => q.shadowEarned),
              p.shadowEarned,
            );
          }
        }
      }
      const contributions = x.areas.reduce((t, a) => t + a.contribution, 0);
      if (x.totalRule === 'weighted' && Math.abs(contributions - (x.total ?? -1)) > 1e-9)
        mismatches.push(`${e.id} contributions ${contributions} ≠ total ${x.total}`);
    }
    expect(evaluations.length).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });

  it('companies: the explained result is the published one', () => {
    for (const company of companies) {
      const x = explainCompany(compiled, evaluations, company);
      expect(x.company).toEqual(results.companies.find((c) => c.companyKey === company.key));
      // What the channels and contacts add up to is the total (float sums: to 1e-9 points).
      const channels = x.channels.reduce((s, c) => s + c.contribution, 0);
      const contacts = x.contacts.reduce((s, c) => s + c.contribution, 0);
      if (x.company.total !== null) {
        expect(Math.abs(channels - x.company.total)).toBeLessThan(1e-9);
        expect(Math.abs(contacts - x.company.total)).toBeLessThan(1e-9);
      }
    }
  });

  it('ranking positions: the winner is first and its neighbour below is decided by a rule', () => {
    const winner = results.overall.winner as string;
    const x = explainRankingPosition(results, winner);
    expect(x.entry.position).toBe(1);
    expect(x.above).toBeNull();
    expect(x.below?.decidedBy).toBe('total');
    expect(x.below?.difference).toBeGreaterThan(0);
  });
});
