import { describe, expect, it } from 'vitest';
import { explainCompany } from '../src/explain/explain-company';
import { type ContactExplanation, explainContact } from '../src/explain/explain-contact';
import { explainRankingPosition } from '../src/explain/explain-ranking-position';
import { EXPLANATION_EFFECT_CODES, EXPLANATION_EFFECT_LEVELS } from '../src/explain/explanation-effect';
import { demoCompaniesIn, generateDemoEvaluations, ksp23 } from '../src/fixtures';
import { computeEditionResults } from '../src/results/edition-results';
import { ineligibility } from '../src/results/ineligibility';
import { compileEdition } from '../src/scoring/compile-edition';
import { waitingBand } from '../src/scoring/waiting-band';
import { waitingPoints } from '../src/scoring/waiting-points';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

const question = (x: ContactExplanation, key: string) =>
  x.areas.flatMap((a) => a.performances.flatMap((p) => p.questions)).find((q) => q.key === key);
const performance = (x: ContactExplanation, key: string) =>
  x.areas.flatMap((a) => a.performances).find((p) => p.key === key);
const area = (x: ContactExplanation, key: string) => x.areas.find((a) => a.key === key);

describe('explanation effects of a contact (test edition)', () => {
  const compiled = compileEdition(testEdition());
  const worked = evaluation({
    waitingTime: 2,
    answerSpecs: [
      ['listen', 'partly'],
      ['solved', 'no'],
      ['extra', 'yes'],
      ['privacy', 'partly'],
    ],
  });

  it('names every rule of the worked example of docs/scoring.md with its numbers', () => {
    const x = explainContact(compiled, worked);
    // 2 minutes: band ≤ 3 → 1 point of the best band's 2.
    expect(question(x, 'wait')?.effects).toEqual([
      { code: 'WAITING_BAND', waitingTime: 2, waitUnit: 'minutes', upTo: 3, points: 1, maxPoints: 2 },
    ]);
    expect(question(x, 'listen')?.effects).toEqual([]);
    expect(question(x, 'extra')?.effects).toEqual([{ code: 'BONUS', points: 1 }]);
    expect(question(x, 'privacy')?.effects).toEqual([{ code: 'UNSCORED_QUESTION' }]);
    // callback: optional, unscored, not answered.
    expect(question(x, 'callback')?.effects).toEqual([
      { code: 'NOT_ANSWERED' },
      { code: 'UNSCORED_QUESTION' },
    ]);
    // spelling is asked on e-mail only: one question of its performance is not asked on the phone.
    expect(performance(x, 'spelling')?.effects).toEqual([
      { code: 'NOT_ASKED_ON_CHANNEL', channel: 'phone', count: 1 },
    ]);
    expect(performance(x, 'listening')?.effects).toEqual([]);
    // wait 1·50/4 = 12.5; agent 3·40/4 = 30 (Σw = 1 + 3 = 4).
    expect(area(x, 'wait')?.effects).toEqual([
      { code: 'AREA_WEIGHT', weight: 1, weightSum: 4, percentage: 50, contribution: 12.5 },
    ]);
    expect(area(x, 'agent')?.effects).toEqual([
      { code: 'AREA_WEIGHT', weight: 3, weightSum: 4, percentage: 40, contribution: 30 },
    ]);
    expect(area(x, 'gdpr')?.effects).toEqual([{ code: 'SHADOW_ONLY_AREA', counting: 'unscored' }]);
    expect(area(x, 'cx')?.effects).toEqual([{ code: 'SHADOW_ONLY_AREA', counting: 'separateIndex' }]);
    expect(x.effects).toEqual([{ code: 'CONTACT_WEIGHTED', weightSum: 4 }]);
    // The question's own percentage: listen 1 of 2 = 50 %; privacy shadow 1 of 2 = 50 %; bonus has none.
    expect(question(x, 'listen')).toMatchObject({ percentage: 50, counted: true });
    expect(question(x, 'privacy')).toMatchObject({ percentage: null, shadowPercentage: 50, counted: false });
    expect(question(x, 'extra')).toMatchObject({ percentage: null, counted: true });
  });

  it('points weighting: contribution = 100 · earned / Σ possible', () => {
    const points = compileEdition(
      testEdition((input) => {
        (input.scoring as { areaWeighting: string }).areaWeighting = 'points';
      }),
    );
    const x = explainContact(points, worked);
    // wait 1 of 2, agent 2 of 5: Σ possible 7; contributions 100/7 and 200/7, total 300/7 = 42.857…
    expect(area(x, 'wait')?.effects).toEqual([
      { code: 'AREA_POINTS', earned: 1, possibleSum: 7, contribution: 100 / 7 },
    ]);
    expect(area(x, 'agent')?.effects).toEqual([
      { code: 'AREA_POINTS', earned: 2, possibleSum: 7, contribution: 200 / 7 },
    ]);
    expect(x.effects).toEqual([{ code: 'CONTACT_POINTS', possibleSum: 7 }]);
  });

  it('N/A leaves the question’s possible points out', () => {
    const x = explainContact(compiled, evaluation({ answerSpecs: [['solved', 'N/A']] }));
    expect(question(x, 'solved')?.effects).toEqual([{ code: 'NA_EXCLUDED', possible: 3 }]);
  });

  it('unanswered, answered too late, and a late answer that counts (Messenger rule)', () => {
    const unanswered = explainContact(compiled, evaluation({ answered: false, waitingTime: null }));
    expect(unanswered.effects).toEqual([{ code: 'UNANSWERED' }]);
    expect(question(unanswered, 'listen')?.effects).toEqual([{ code: 'CONTACT_NOT_SCORED' }]);
    // Nothing was possible because nothing was scored: no NOTHING_POSSIBLE on the areas.
    expect(area(unanswered, 'agent')?.effects).toEqual([]);

    // Phone: maxWait 5 minutes; answered after 7 → counts as not answered, the contact scores 0.
    const tooLate = explainContact(
      compiled,
      evaluation({ waitingTime: 7, answerSpecs: [['listen', 'yes']] }),
    );
    expect(tooLate).toMatchObject({ outcome: 'answeredTooLate', total: 0 });
    expect(tooLate.effects).toEqual([
      { code: 'ANSWERED_TOO_LATE', waitingTime: 7, waitUnit: 'minutes', maxWait: 5 },
    ]);
    expect(question(tooLate, 'listen')?.effects).toEqual([{ code: 'CONTACT_NOT_SCORED' }]);

    const lateCounts = compileEdition(
      testEdition((input) => {
        for (const channel of input.channels as { attempts: { lateAnswerCounts?: boolean } }[])
          channel.attempts.lateAnswerCounts = true;
      }),
    );
    const late = explainContact(lateCounts, evaluation({ waitingTime: 7, answerSpecs: [['listen', 'yes']] }));
    const effect = { code: 'LATE_ANSWER_COUNTED', waitingTime: 7, waitUnit: 'minutes', maxWait: 5 };
    // Answered, 0 of 2 waiting points; listen 2 of 2 (solved not answered) → wait 0 %, agent 100 %:
    // (1·0 + 3·100)/4 = 75.
    expect(late).toMatchObject({ outcome: 'lateAnswerCounted', total: 75 });
    expect(late.effects).toEqual([effect, { code: 'CONTACT_WEIGHTED', weightSum: 4 }]);
    expect(question(late, 'wait')).toMatchObject({ earned: 0, possible: 2, effects: [effect] });
  });

  it('critical answers: the triggering question, the zeroed areas with the points they lost, the contact', () => {
    const critical = compileEdition(
      testEdition((input) => {
        const listen = (input.areas[1] as { performances: { questions: { critical?: string }[] }[] })
          .performances[0]?.questions[0];
        if (listen) listen.critical = 'contact';
      }),
    );
    const x = explainContact(
      critical,
      evaluation({
        answerSpecs: [
          ['listen', 'no'],
          ['solved', 'yes'],
          ['extra', 'yes'],
        ],
      }),
    );
    expect(question(x, 'listen')?.effects).toEqual([{ code: 'CRITICAL_TRIGGERED', scope: 'contact' }]);
    // agent had listen 0 + solved 3 + bonus 1 = 4 points; wait had 1 (2 minutes): both set to 0.
    expect(area(x, 'agent')?.effects[0]).toEqual({ code: 'CRITICAL_ZEROED_AREA', earned: 4 });
    expect(area(x, 'wait')?.effects[0]).toEqual({ code: 'CRITICAL_ZEROED_AREA', earned: 1 });
    expect(x.effects).toEqual([{ code: 'CRITICAL_ZEROED_CONTACT' }]);

    const safe = explainContact(critical, evaluation({ answerSpecs: [['listen', 'yes']] }));
    expect(question(safe, 'listen')?.effects).toEqual([{ code: 'CRITICAL_QUESTION', scope: 'contact' }]);
  });

  it('an answered contact with nothing scorable', () => {
    // E-mail without a waiting time and no scored answer: nothing possible anywhere.
    const x = explainContact(compiled, evaluation({ channel: 'email', waitingTime: null }));
    expect(x).toMatchObject({ total: null, counted: false });
    expect(x.effects).toEqual([{ code: 'NOTHING_SCORABLE' }]);
    expect(area(x, 'agent')?.effects).toEqual([{ code: 'NOTHING_POSSIBLE' }]);
    // callback is asked on the phone only.
    expect(performance(x, 'callback')?.effects).toEqual([
      { code: 'NOT_ASKED_ON_CHANNEL', channel: 'email', count: 1 },
    ]);
  });
});

describe('explanation effects of a company', () => {
  it('equal weighting: contact contributions total / n add up to the company total', () => {
    const compiled = compileEdition(testEdition());
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
      evaluation({ companyKey: 'acme', waitingTime: 9 }),
    ];
    const x = explainCompany(compiled, list, COMPANIES[0] as (typeof COMPANIES)[number]);
    // 100, 0 (unanswered), 0 (answered 9 minutes > 5): mean 100/3; contributions 100/3, 0, 0.
    expect(x.contacts.map((c) => c.contribution)).toEqual([100 / 3, 0, 0]);
    expect(x.company.total).toBe(100 / 3);
    expect(x.effects).toEqual([{ code: 'COMPANY_EQUAL', count: 3 }]);
    const phone = x.channels.find((c) => c.key === 'phone');
    expect(phone).toMatchObject({ contribution: 100 / 3, nUnanswered: 2, nAnsweredTooLate: 1 });
    expect(phone?.effects).toEqual([
      { code: 'CHANNEL_UNANSWERED', count: 1 },
      { code: 'CHANNEL_ANSWERED_TOO_LATE', count: 1, maxWait: 5, waitUnit: 'minutes' },
    ]);
  });

  it('channel weighting: Σ w·channel total / Σ w, contacts share their channel’s part', () => {
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
    // phone (42.5 + 0)/2 = 21.25 → 0.5/1 · 21.25 = 10.625; email 100 → 0.5/1 · 100 = 50; total 60.625.
    expect(x.effects).toEqual([{ code: 'COMPANY_CHANNEL_WEIGHTED', weightSum: 1 }]);
    expect(x.channels.map((c) => c.effects[0])).toEqual([
      { code: 'CHANNEL_WEIGHT', weight: 0.5, weightSum: 1, contribution: 10.625 },
      { code: 'CHANNEL_WEIGHT', weight: 0.5, weightSum: 1, contribution: 50 },
    ]);
    // The phone contact: 0.5/1 · 42.5/2 = 10.625.
    expect(x.contacts.map((c) => c.contribution)).toEqual([10.625, 0, 50]);
    expect(x.contacts.reduce((s, c) => s + c.contribution, 0)).toBe(x.company.total);
  });
});

describe('explanation effects of a ranking position', () => {
  const edition = testEdition();
  const yes = (companyKey: string) =>
    evaluation({
      companyKey,
      answerSpecs: [
        ['listen', 'yes'],
        ['solved', 'yes'],
      ],
      waitingTime: 1,
    });
  // acme and bravo alike (2 contacts of 100 each), cargo one contact: too few (minimum 2).
  const results = computeEditionResults(
    edition,
    [yes('acme'), yes('acme'), yes('bravo'), yes('bravo'), { ...yes('cargo'), industryKey: 'transport' }],
    COMPANIES,
  );

  it('a tie down to the company key: a shared first place, both at the top of the ranking', () => {
    const acme = explainRankingPosition(results, 'acme');
    expect(acme.effects).toEqual([{ code: 'TOP_OF_RANKING' }, { code: 'SHARES_PLACE', companyKey: 'bravo' }]);
    const bravo = explainRankingPosition(results, 'bravo');
    expect(bravo.effects).toEqual([{ code: 'TOP_OF_RANKING' }, { code: 'SHARES_PLACE', companyKey: 'acme' }]);
    // The neighbours still name the rule that is left: company key order, which only lists them.
    expect(bravo.above).toEqual({ companyKey: 'acme', decidedBy: 'companyKey', difference: 1 });
  });

  it('too few contacts, and an industry winner withheld', () => {
    const cargo = explainRankingPosition(results, 'cargo', 'industry');
    expect(cargo.effects).toEqual([{ code: 'INELIGIBLE_TOO_FEW_CONTACTS', count: 1, minimum: 2 }]);
    // bank: 2 eligible of the 2 required → a winner; nothing withheld.
    expect(explainRankingPosition(results, 'acme', 'industry').effects.map((e) => e.code)).not.toContain(
      'WINNER_WITHHELD',
    );
    const oneBank = computeEditionResults(edition, [yes('acme'), yes('acme'), yes('bravo')], COMPANIES);
    expect(explainRankingPosition(oneBank, 'acme', 'industry').effects).toEqual([
      { code: 'TOP_OF_RANKING' },
      { code: 'WINNER_WITHHELD', count: 1, minimum: 2 },
    ]);
  });

  it('a total below the minimum, and no total', () => {
    const strict = { minContacts: 2, minTotal: 50 };
    expect(ineligibility({ n: 3, total: 49.5 }, strict)).toEqual([
      { code: 'INELIGIBLE_TOTAL_BELOW_MINIMUM', total: 49.5, minimum: 50 },
    ]);
    expect(ineligibility({ n: 0, total: null }, strict)).toEqual([
      { code: 'INELIGIBLE_TOO_FEW_CONTACTS', count: 0, minimum: 2 },
      { code: 'INELIGIBLE_NO_TOTAL' },
    ]);
    expect(ineligibility({ n: 2, total: 50 }, strict)).toEqual([]);
  });

  it('typed ineligibility agrees with the rankings on every KSP23 demo company', () => {
    const participants = demoCompaniesIn('KSP23');
    const demo = computeEditionResults(
      ksp23,
      generateDemoEvaluations(ksp23, participants, { seed: 7 }),
      participants,
    );
    const strict = { ...demo.awards, minTotal: 60 };
    for (const entry of demo.overall.entries) {
      expect(ineligibility(entry, demo.awards).length === 0).toBe(entry.eligible);
      expect(ineligibility(entry, strict).length).toBe(
        (entry.n < strict.minContacts ? 1 : 0) + (entry.total === null || entry.total < 60 ? 1 : 0),
      );
    }
  });
});

describe('the effect model', () => {
  it('lists every code once, each on at least one level', () => {
    expect(new Set(EXPLANATION_EFFECT_CODES).size).toBe(EXPLANATION_EFFECT_CODES.length);
    expect(EXPLANATION_EFFECT_CODES.length).toBe(37);
    for (const code of EXPLANATION_EFFECT_CODES)
      expect(EXPLANATION_EFFECT_LEVELS[code].length).toBeGreaterThan(0);
  });

  it('waitingBand names the band whose points waitingPoints gives', () => {
    const bands = [
      { upTo: 1, points: 2 },
      { upTo: 3, points: 1 },
      { upTo: 5, points: 0 },
    ];
    for (const time of [0, 0.5, 1, 1.01, 2, 3, 4.9, 5, 5.01, 9])
      expect(waitingBand(bands, time)?.points ?? 0).toBe(waitingPoints(bands, time));
    expect(waitingBand(bands, 3)).toEqual({ upTo: 3, points: 1 });
    expect(waitingBand(bands, 6)).toBeNull();
  });
});
