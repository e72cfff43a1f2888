import { describe, expect, it } from 'vitest';
import type { EditionInput } from '../src/model/edition';
import { compileEdition } from '../src/scoring/compile-edition';
import type { ContactScore } from '../src/scoring/contact-score';
import { scoreContact } from '../src/scoring/score-contact';
import { shadowOptionPoints } from '../src/scoring/shadow-points';
import { waitingPoints } from '../src/scoring/waiting-points';
import { type AnswerSpec, evaluation, testEdition } from './support/test-edition';

const compiled = compileEdition(testEdition());
const area = (score: ContactScore, key: string) => score.areas.find((a) => a.key === key);
const perf = (score: ContactScore, key: string) => score.performances.find((p) => p.key === key);

// The worked example of docs/scoring.md: a phone contact answered after 2 minutes.
const example: AnswerSpec[] = [
  ['callback', 'yes'],
  ['listen', 'partly'],
  ['solved', 'no'],
  ['extra', 'yes'],
  ['privacy', 'partly'],
  ['csat', 'v4'],
  ['nps', 'v9'],
  ['ces', 'v6'],
];

describe('scoreContact', () => {
  it('scores the worked example', () => {
    const score = scoreContact(compiled, evaluation({ answerSpecs: example }));
    // wait_time: 2 min falls in the band ≤3 → 1 of max 2 points = 50 %
    expect(perf(score, 'wait_time')).toMatchObject({ earned: 1, possible: 2, percentage: 50 });
    // callback is unscored: no real points; shadow "yes" = rank 1 of [no, yes] → 1/1
    expect(perf(score, 'callback')).toMatchObject({
      possible: 0,
      percentage: null,
      shadowEarned: 1,
      shadowPossible: 1,
    });
    // wait area: real 1/2 = 50 %; shadow (1 + 1) / (2 + 1) = 66.67 %
    expect(area(score, 'wait')).toMatchObject({ earned: 1, possible: 2, percentage: 50 });
    expect(area(score, 'wait')?.shadowPercentage).toBeCloseTo(200 / 3, 12);
    // listening partly = 1/2; solution: solved no 0/3 + bonus 1 (earned only) = 1/3
    expect(perf(score, 'listening')?.percentage).toBe(50);
    expect(perf(score, 'solution')).toMatchObject({ earned: 1, possible: 3 });
    // spelling is an e-mail question: not asked on the phone
    expect(perf(score, 'spelling')).toMatchObject({ possible: 0, percentage: null });
    // agent: (1 + 1) / (2 + 3) = 40 %
    expect(area(score, 'agent')).toMatchObject({ earned: 2, possible: 5, percentage: 40 });
    // total (weighted): (1 · 50 + 3 · 40) / (1 + 3) = 170 / 4 = 42.5
    expect(score.total).toBe(42.5);
    // gdpr is unscored: shadow "partly" = rank 1 of 3 options → 1/2 = 50 %; never in the total
    expect(area(score, 'gdpr')).toMatchObject({ countsInTotal: false, possible: 0, shadowPercentage: 50 });
    // cx shadow: csat 4 → rank 3 of 0..4, nps 9 → 9 of 10, ces 6 → 5 of 6: (3 + 9 + 5) / (4 + 10 + 6) = 85 %
    expect(area(score, 'cx')?.shadowPercentage).toBeCloseTo(85, 12);
    expect(score.cx).toEqual({ CSAT: 4, CES: 6, NPS: 9, VES1: null, VES2: null });
    expect(score.criticalEffect).toBeNull();
  });

  it('pools all scored points when areas are weighted by points', () => {
    const pooled = compileEdition(
      testEdition((e) => {
        e.scoring.areaWeighting = 'points';
      }),
    );
    // (1 + 2) earned / (2 + 5) possible = 3/7 = 42.857… %
    expect(scoreContact(pooled, evaluation({ answerSpecs: example })).total).toBeCloseTo(300 / 7, 12);
  });

  it('takes waiting points from the first band not exceeded, 0 beyond the maximum wait', () => {
    const bands = [
      { upTo: 1, points: 2 },
      { upTo: 3, points: 1 },
      { upTo: 5, points: 0 },
    ];
    expect([0, 1, 1.01, 3, 4, 5, 7].map((t) => waitingPoints(bands, t))).toEqual([2, 2, 1, 1, 0, 0, 0]);
    // Phone's rule: an answer after the 5-minute maximum wait counts as not answered, so the contact scores 0.
    const late = scoreContact(compiled, evaluation({ waitingTime: 7, answerSpecs: [['listen', 'yes']] }));
    expect(late).toMatchObject({ outcome: 'answeredTooLate', answered: false, total: 0 });
    expect(perf(late, 'wait_time')).toMatchObject({ earned: 0, possible: 0 });
    // Where late answers count (Messenger), the same answer is answered with 0 waiting points: 0 of 2.
    const lenient = compileEdition(
      testEdition((e) => {
        for (const channel of e.channels) channel.attempts.lateAnswerCounts = true;
      }),
    );
    const counted = scoreContact(lenient, evaluation({ waitingTime: 7, answerSpecs: [['listen', 'yes']] }));
    expect(counted).toMatchObject({ outcome: 'lateAnswerCounted', answered: true });
    expect(perf(counted, 'wait_time')).toMatchObject({ earned: 0, possible: 2 });
  });

  it('leaves an N/A answer out of points possible', () => {
    const na = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'N/A'],
        ],
      }),
    );
    const worst = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'no'],
        ],
      }),
    );
    // N/A: agent 2/2 = 100 %; worst answer: agent 2/5 = 40 %
    expect(area(na, 'agent')?.percentage).toBe(100);
    expect(area(worst, 'agent')?.percentage).toBe(40);
    // totals: wait 50 % → (50 + 3 · 100) / 4 = 87.5 and (50 + 3 · 40) / 4 = 42.5
    expect([na.total, worst.total]).toEqual([87.5, 42.5]);
  });

  it('counts a missing optional answer as not asked', () => {
    const score = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'yes'],
        ],
      }),
    );
    // no "extra" bonus answer: solution 3/3
    expect(perf(score, 'solution')).toMatchObject({ earned: 3, possible: 3, percentage: 100 });
  });

  it('adds bonus points to earned only and caps percentages at 100', () => {
    const score = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'yes'],
          ['solved', 'yes'],
          ['extra', 'yes'],
        ],
      }),
    );
    // solution (3 + 1) / 3 → 133 % capped to 100; agent (2 + 4) / (2 + 3) → 120 % capped to 100
    expect(perf(score, 'solution')).toMatchObject({ earned: 4, possible: 3, percentage: 100 });
    expect(area(score, 'agent')).toMatchObject({ earned: 6, possible: 5, percentage: 100 });
    // (1 · 50 + 3 · 100) / 4 = 87.5
    expect(score.total).toBe(87.5);
  });

  it('scores an unanswered contact 0', () => {
    const score = scoreContact(compiled, evaluation({ answered: false, waitingTime: null }));
    expect(score.total).toBe(0);
    expect(score.areas.every((a) => a.possible === 0 && a.percentage === null)).toBe(true);
  });

  it('gives no total to an answered contact with nothing to score', () => {
    const score = scoreContact(
      compiled,
      evaluation({ channel: 'email', waitingTime: null, answerSpecs: [['solved', 'N/A']] }),
    );
    expect(score.total).toBeNull();
  });

  it('zeroes the area on the worst answer to an area-critical question', () => {
    const critical = compileEdition(testEdition((e) => setCritical(e, 'area')));
    const score = scoreContact(
      critical,
      evaluation({
        answerSpecs: [
          ['listen', 'no'],
          ['solved', 'yes'],
        ],
      }),
    );
    // agent would be (0 + 3) / 5 = 60 %, but "listen: no" zeroes it: (1 · 50 + 3 · 0) / 4 = 12.5
    expect(area(score, 'agent')).toMatchObject({
      earned: 0,
      possible: 5,
      percentage: 0,
      zeroedByCritical: true,
    });
    expect(perf(score, 'solution')?.earned).toBe(0);
    expect(score.total).toBe(12.5);
    expect(score.criticalEffect).toBe('area');
    // a better answer triggers nothing: agent (1 + 3) / 5 = 80 % → (1 · 50 + 3 · 80) / 4 = 72.5
    expect(
      scoreContact(
        critical,
        evaluation({
          answerSpecs: [
            ['listen', 'partly'],
            ['solved', 'yes'],
          ],
        }),
      ).total,
    ).toBe(72.5);
  });

  it('zeroes the whole contact on the worst answer to a contact-critical question', () => {
    const critical = compileEdition(testEdition((e) => setCritical(e, 'contact')));
    const score = scoreContact(
      critical,
      evaluation({
        answerSpecs: [
          ['listen', 'no'],
          ['solved', 'yes'],
          ['privacy', 'yes'],
        ],
      }),
    );
    expect(score.total).toBe(0);
    expect(score.criticalEffect).toBe('contact');
    expect(area(score, 'wait')).toMatchObject({ earned: 0, possible: 2, zeroedByCritical: true });
    // areas outside the total keep their shadow score: privacy yes = 2/2
    expect(area(score, 'gdpr')).toMatchObject({ shadowPercentage: 100, zeroedByCritical: false });
  });

  it('never lets unscored answers change the total', () => {
    const without = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'partly'],
          ['solved', 'yes'],
        ],
      }),
    );
    const withAll = scoreContact(
      compiled,
      evaluation({
        answerSpecs: [
          ['listen', 'partly'],
          ['solved', 'yes'],
          ['privacy', 'no'],
          ['callback', 'no'],
          ['nps', 'v0'],
        ],
      }),
    );
    expect(withAll.total).toBe(without.total);
  });
});

describe('shadowOptionPoints', () => {
  it('ranks options without points by order, best first: last 0, first n − 1', () => {
    const question = testEdition().areas[2]?.performances[0]?.questions[0];
    if (!question) throw new Error('test edition changed');
    const shuffled = {
      ...question,
      options: [question.options[2], question.options[0], question.options[1]].filter((o) => o !== undefined),
    };
    // listed no (order 2), yes (order 0), partly (order 1): yes is best → 2, partly 1, no 0
    expect(shadowOptionPoints(shuffled)).toEqual([0, 2, 1]);
  });

  it('ranks scale options by value: the lowest 0', () => {
    const question = testEdition().areas[3]?.performances[0]?.questions[0];
    if (!question) throw new Error('test edition changed');
    const reversed = { ...question, options: [...question.options].reverse() };
    // CSAT 5, 4, 3, 2, 1 → 4, 3, 2, 1, 0
    expect(shadowOptionPoints(reversed)).toEqual([4, 3, 2, 1, 0]);
  });

  it('keeps the points a question defines', () => {
    const question = testEdition().areas[1]?.performances[1]?.questions[0];
    if (!question) throw new Error('test edition changed');
    expect(shadowOptionPoints(question)).toEqual([0, 3]);
  });
});

function setCritical(e: EditionInput, effect: 'area' | 'contact') {
  // biome-ignore lint/suspicious/noExplicitAny: test input edited freely
  (e.areas as any)[1].performances[0].questions[0].critical = effect;
}
