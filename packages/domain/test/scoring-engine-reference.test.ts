import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCompanies, generateDemoEvaluations, kspEditions } from '../src/fixtures';
import type { Edition, EditionInput } from '../src/model/edition';
import type { Evaluation } from '../src/model/evaluation';
import { compileEdition } from '../src/scoring/compile-edition';
import { createTally } from '../src/scoring/contact-tally';
import { evaluationBatch } from '../src/scoring/evaluation-batch';
import { scoreCompanies } from '../src/scoring/score-companies';
import { scoreContact } from '../src/scoring/score-contact';
import { arbitraryEvaluation } from './support/arbitrary-evaluation';
import { scoreCompanies as referenceScoreCompanies } from './support/reference-engine/score-companies';
import { scoreContact as referenceScoreContact } from './support/reference-engine/score-contact';
import { COMPANIES, testEdition } from './support/test-edition';

/**
 * The engine visits only the parts a contact touched (docs/scoring.md, "Performance"); the reference engine
 * (test/support/reference-engine, the code before that change) fills, sums and aggregates every part of the
 * edition for every contact. Same numbers to the last bit (toEqual tells 0 from −0) and in the same key order.
 */
function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

/** `listen` zeroes its area, `solved` the whole contact, when answered with 0 points. */
const critical = (input: EditionInput) => {
  const agent = input.areas.find((a) => a.key === 'agent');
  const questions = agent?.performances.flatMap((p) => p.questions) ?? [];
  for (const q of questions) {
    if (q.key === 'listen') q.critical = 'area';
    if (q.key === 'solved') q.critical = 'contact';
  }
};

/** `listen` (scored) gets an option without points: its shadow points rank the options instead. */
const optionWithoutPoints = (input: EditionInput) => {
  const listen = input.areas
    .flatMap((a) => a.performances)
    .flatMap((p) => p.questions)
    .find((q) => q.key === 'listen');
  const option = listen?.options?.[1];
  if (option) option.points = null;
};

const editions: Record<string, Edition> = {
  weighted: testEdition(),
  points: testEdition((e) => {
    e.scoring.areaWeighting = 'points';
  }),
  channel: testEdition((e) => {
    e.scoring.contactWeighting = 'channel';
  }),
  critical: testEdition(critical),
  'critical, points': testEdition((e) => {
    critical(e);
    e.scoring.areaWeighting = 'points';
  }),
  'option without points': testEdition(optionWithoutPoints),
};
const companyKeys = COMPANIES.map((c) => c.key);

/** Answers out of edition order, repeated, unknown, N/A on the waiting time: the tally must still match. */
const shuffle = (e: Evaluation, reverse: boolean, noisy: boolean, waitNotApplicable: boolean): Evaluation => {
  const answers = reverse ? [...e.answers].reverse() : [...e.answers];
  if (noisy) {
    answers.push(
      { questionKey: 'no-such-question', optionKey: 'yes', text: null, notApplicable: false },
      ...e.answers.slice(0, 2),
    );
  }
  if (waitNotApplicable)
    answers.unshift({ questionKey: 'wait', optionKey: null, text: null, notApplicable: true });
  return { ...e, answers };
};

describe.each(Object.entries(editions))('the engine against the reference engine (%s)', (_name, edition) => {
  const anyEvaluation = arbitraryEvaluation(edition, companyKeys);
  const anyCase = fc.tuple(anyEvaluation, fc.boolean(), fc.boolean(), fc.boolean());

  it('scores every contact the same, one after another with one reused tally', () => {
    fc.assert(
      fc.property(fc.array(anyCase, { maxLength: 20 }), (cases) => {
        const compiled = compileEdition(edition);
        const reference = compileEdition(edition);
        for (const [e, reverse, noisy, na] of cases) {
          const evaluation = shuffle(e, reverse, noisy, na);
          expectSame(scoreContact(compiled, evaluation), referenceScoreContact(reference, evaluation));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives every company the same result, from evaluations and from a batch', () => {
    fc.assert(
      fc.property(fc.array(anyCase, { maxLength: 40 }), (cases) => {
        const evaluations = cases.map(([e, reverse, noisy, na]) => shuffle(e, reverse, noisy, na));
        const compiled = compileEdition(edition);
        const expected = referenceScoreCompanies(compiled, evaluations, COMPANIES);
        expectSame(scoreCompanies(compiled, evaluations, COMPANIES), expected);
        expectSame(scoreCompanies(compiled, evaluationBatch(edition.key, evaluations), COMPANIES), expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the engine against the reference engine on the KSP editions', () => {
  it('gives every company the same result with the demo data', () => {
    for (const edition of kspEditions) {
      const evaluations = generateDemoEvaluations(edition, demoCompanies, {
        seed: 11,
        contactsPerCompany: 6,
      });
      const companies = demoCompanies
        .filter((c) => c.editionKeys.includes(edition.key))
        .map(({ key, name, industryKey }) => ({ key, name, industryKey }));
      const compiled = compileEdition(edition);
      const expected = referenceScoreCompanies(compiled, evaluations, companies);
      expectSame(scoreCompanies(compiled, evaluations, companies), expected);
      expectSame(scoreCompanies(compiled, evaluationBatch(edition.key, evaluations), companies), expected);
    }
  });
});

describe('parts whose shadow figures equal their real ones', () => {
  it('are the parts with only scored questions that keep their points', () => {
    const edition = testEdition();
    const compiled = compileEdition(edition);
    const t = createTally(compiled);
    const same = (keys: { key: string }[], flags: Uint8Array) =>
      keys.filter((_, i) => flags[i] === 1).map((part) => part.key);
    // callback (wait) is unscored, privacy and the CX questions too; the agent's questions all have points.
    expect(same(compiled.performances, t.perfShadowSame)).toEqual([
      'wait_time',
      'listening',
      'solution',
      'spelling',
    ]);
    expect(same(compiled.areas, t.areaShadowSame)).toEqual(['agent']);
  });

  it('are not so when a scored question has an option without points', () => {
    const compiled = compileEdition(editions['option without points'] as Edition);
    const t = createTally(compiled);
    expect(t.perfShadowSame[compiled.performances.findIndex((p) => p.key === 'listening')]).toBe(0);
    expect(t.areaShadowSame[compiled.areas.findIndex((a) => a.key === 'agent')]).toBe(0);
  });
});
