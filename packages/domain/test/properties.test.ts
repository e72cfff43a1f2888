import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEditionResults } from '../src/results/edition-results';
import { compileEdition } from '../src/scoring/compile-edition';
import { scoreContact } from '../src/scoring/score-contact';
import { validateEvaluation } from '../src/validation/validate-evaluation';
import { arbitraryEvaluation } from './support/arbitrary-evaluation';
import { openReferences } from './support/references';
import { COMPANIES, scoringVariants, testEdition } from './support/test-edition';

const editions = scoringVariants();
const companyKeys = COMPANIES.map((c) => c.key);
const inRange = (v: number | null) => v === null || (v >= 0 && v <= 100);
const runs = { numRuns: 150 };

describe.each(Object.entries(editions))('properties (%s)', (_name, edition) => {
  const compiled = compileEdition(edition);
  const anyEvaluation = arbitraryEvaluation(edition, companyKeys);
  const references = openReferences(companyKeys);

  it('generates valid evaluations', () => {
    fc.assert(
      fc.property(anyEvaluation, (e) => validateEvaluation(edition, references, e).length === 0),
      { numRuns: 50 },
    );
  });

  it('keeps contact scores and company totals within 0–100', () => {
    fc.assert(
      fc.property(fc.array(anyEvaluation, { maxLength: 30 }), (evaluations) => {
        for (const e of evaluations) {
          const score = scoreContact(compiled, e);
          if (
            !inRange(score.total) ||
            !score.areas.every((a) => inRange(a.percentage) && inRange(a.shadowPercentage))
          )
            return false;
        }
        const results = computeEditionResults(edition, evaluations, COMPANIES);
        return results.companies.every(
          (c) => inRange(c.total) && inRange(c.answeredOnly) && inRange(c.headline),
        );
      }),
      runs,
    );
  });

  it('never changes Totalresultat when an unscored question is answered', () => {
    fc.assert(
      fc.property(
        fc.array(anyEvaluation, { minLength: 1, maxLength: 20 }),
        fc.nat(2),
        (evaluations, option) => {
          const stripped = evaluations.map((e) => ({
            ...e,
            answers: e.answers.filter((a) => a.questionKey !== 'privacy'),
          }));
          const added = stripped.map((e) =>
            e.answered
              ? {
                  ...e,
                  answers: [
                    ...e.answers,
                    {
                      questionKey: 'privacy',
                      optionKey: ['no', 'partly', 'yes'][option] ?? 'no',
                      text: null,
                      notApplicable: false,
                    },
                  ],
                }
              : e,
          );
          const before = computeEditionResults(edition, stripped, COMPANIES);
          const after = computeEditionResults(edition, added, COMPANIES);
          return before.companies.every((c, i) => c.total === after.companies[i]?.total);
        },
      ),
      runs,
    );
  });

  it('never scores N/A below the worst answer', () => {
    fc.assert(
      fc.property(arbitraryEvaluation(edition, companyKeys), (e) => {
        if (!e.answered) return true;
        const others = e.answers.filter((a) => a.questionKey !== 'solved');
        const na = scoreContact(compiled, {
          ...e,
          answers: [...others, { questionKey: 'solved', optionKey: null, text: null, notApplicable: true }],
        });
        const worst = scoreContact(compiled, {
          ...e,
          answers: [...others, { questionKey: 'solved', optionKey: 'no', text: null, notApplicable: false }],
        });
        return (na.total ?? 100) >= (worst.total ?? 0);
      }),
      runs,
    );
  });

  it('does not depend on the order of the evaluations', () => {
    fc.assert(
      fc.property(
        fc
          .array(anyEvaluation, { maxLength: 30 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        ([list, shuffled]) => {
          expect(computeEditionResults(edition, shuffled, COMPANIES)).toEqual(
            computeEditionResults(edition, list, COMPANIES),
          );
        },
      ),
      runs,
    );
  });
});

describe('channel weighting', () => {
  it('equals the equal-weight total when weights are equal and channels have equal counts', () => {
    const equal = testEdition();
    const byChannel = testEdition((e) => {
      e.scoring.contactWeighting = 'channel';
    });
    const perChannel = (channel: string) =>
      fc.array(arbitraryEvaluation(equal, ['acme'], channel), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(perChannel('phone'), perChannel('email'), (phone, email) => {
        const evaluations = [...phone, ...email];
        const a = computeEditionResults(equal, evaluations, COMPANIES).companies[0]?.total ?? Number.NaN;
        const b = computeEditionResults(byChannel, evaluations, COMPANIES).companies[0]?.total ?? Number.NaN;
        expect(b).toBeCloseTo(a, 9);
      }),
      runs,
    );
  });
});
