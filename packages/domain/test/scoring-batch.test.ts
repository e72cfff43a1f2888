import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCompanies, generateDemoEvaluations, kspEditions } from '../src/fixtures';
import type { Evaluation } from '../src/model/evaluation';
import { computeEditionResults } from '../src/results/edition-results';
import { compileEdition } from '../src/scoring/compile-edition';
import { evaluationBatch } from '../src/scoring/evaluation-batch';
import { scoreCompanies } from '../src/scoring/score-companies';
import { arbitraryEvaluation } from './support/arbitrary-evaluation';
import { catchValidationError } from './support/catch-validation-error';
import { COMPANIES, evaluation, scoringVariants, testEdition } from './support/test-edition';

const editions = scoringVariants();
const companyKeys = COMPANIES.map((c) => c.key);

/** Answers the scorer must skip: an unknown question, an option of another question, a repeat, another channel's question. */
const noise = (e: Evaluation): Evaluation['answers'] => [
  { questionKey: 'no-such-question', optionKey: 'yes', text: null, notApplicable: false },
  { questionKey: 'solved', optionKey: 'partly', text: null, notApplicable: false },
  {
    questionKey: e.channel === 'phone' ? 'spelling' : 'listen',
    optionKey: 'good',
    text: null,
    notApplicable: false,
  },
  ...e.answers.slice(0, 2),
];

describe.each(Object.entries(editions))('an evaluation batch (%s)', (_name, edition) => {
  const anyEvaluation = arbitraryEvaluation(edition, companyKeys);

  it('gives the same results as its evaluations, whatever the order of answers and with skipped answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyEvaluation, fc.boolean(), fc.boolean()), { maxLength: 30 }),
        (cases) => {
          const evaluations = cases.map(([e, reverse, noisy]) => {
            const answers = reverse ? [...e.answers].reverse() : e.answers;
            return { ...e, answers: noisy ? [...answers, ...noise(e)] : answers };
          });
          expect(
            computeEditionResults(edition, evaluationBatch(edition.key, evaluations), COMPANIES),
          ).toEqual(computeEditionResults(edition, evaluations, COMPANIES));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('an evaluation batch', () => {
  it('equals the evaluations on the KSP editions with the demo data', () => {
    for (const edition of kspEditions) {
      const evaluations = generateDemoEvaluations(edition, demoCompanies, { seed: 7, contactsPerCompany: 3 });
      const companies = demoCompanies
        .filter((c) => c.editionKeys.includes(edition.key))
        .map(({ key, name, industryKey }) => ({ key, name, industryKey }));
      expect(computeEditionResults(edition, evaluationBatch(edition.key, evaluations), companies)).toEqual(
        computeEditionResults(edition, evaluations, companies),
      );
    }
  });

  it('skips answers whose question slot is −1 and options that belong to another question', () => {
    const edition = testEdition();
    const compiled = compileEdition(edition);
    const listening = (answers: [number, number][]) => {
      const batch = {
        ...evaluationBatch(edition.key, [evaluation()]),
        answerStart: Int32Array.from([0, answers.length]),
        answerQuestion: Int32Array.from(answers.map(([question]) => question)),
        answerOption: Int32Array.from(answers.map(([, option]) => option)),
        answerNotApplicable: new Uint8Array(answers.length),
        questionKeys: ['listen', 'solved'],
        // Both questions have a "yes"; option 1 is solved's, so it is no answer to "listen".
        options: [
          { question: 0, key: 'yes' },
          { question: 1, key: 'yes' },
        ],
      };
      const [acme] = scoreCompanies(compiled, batch, COMPANIES);
      return acme?.performances.find((p) => p.key === 'listening');
    };
    expect(listening([[0, 0]])?.score).toBe(100);
    expect(listening([])?.score).toBeNull();
    expect(
      listening([
        [-1, 0],
        [0, 1],
      ]),
    ).toEqual(listening([]));
  });

  it('is refused for another edition and for companies not listed', () => {
    const edition = testEdition();
    const other = evaluationBatch('OTHER', [evaluation()]);
    expect(catchValidationError(() => computeEditionResults(edition, other, COMPANIES)).issues).toEqual([
      { path: 'editionKey', message: 'evaluation is for edition "OTHER", not "T24"' },
    ]);
    const stranger = evaluationBatch(edition.key, [evaluation({ companyKey: 'zulu' })]);
    expect(catchValidationError(() => computeEditionResults(edition, stranger, COMPANIES)).issues).toEqual([
      { path: 'evaluations[0].companyKey', message: 'company "zulu" is not in the company list' },
    ]);
  });
});
