import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCompanies, generateDemoEvaluations, kspEditions } from '../src/fixtures';
import type { Edition } from '../src/model/edition';
import type { Evaluation } from '../src/model/evaluation';
import { computeEditionResults, editionResultsFromSums } from '../src/results/edition-results';
import { resultsDifferences } from '../src/results/results-differences';
import type { CompanyInfo } from '../src/scoring/company-result';
import type { ChannelContributionSums, PartContributionSums } from '../src/scoring/company-results-from-sums';
import { CX_METRICS, compileEdition } from '../src/scoring/compile-edition';
import { type ContactContribution, contactContributions } from '../src/scoring/contact-contribution';
import { evaluationBatch } from '../src/scoring/evaluation-batch';
import { arbitraryEvaluation } from './support/arbitrary-evaluation';
import { COMPANIES, scoringVariants, testEdition } from './support/test-edition';

/**
 * What a database's GROUP BY does with stored contributions: COUNT and SUM, nulls skipped, in an order of its
 * own (here: last contact first, so the floating-point sums are added in another order than scoring's).
 */
function groupBy(
  contributions: readonly ContactContribution[],
  companyOf: (c: ContactContribution) => string,
): { channels: ChannelContributionSums[]; parts: PartContributionSums[] } {
  const channels = new Map<string, ChannelContributionSums>();
  const parts = new Map<string, PartContributionSums>();
  const count = (v: number | null) => (v === null ? 0 : 1);
  for (const c of [...contributions].reverse()) {
    const companyKey = companyOf(c);
    const channelKey = `${companyKey}/${c.channel}`;
    const ch =
      channels.get(channelKey) ??
      (channels
        .set(channelKey, {
          companyKey,
          channel: c.channel,
          contacts: 0,
          answered: 0,
          scored: 0,
          totalSum: 0,
          answeredScored: 0,
          answeredTotalSum: 0,
          criticalZeroed: 0,
          cxCount: CX_METRICS.map(() => 0),
          cxSum: CX_METRICS.map(() => 0),
          csatSatisfied: 0,
          npsPromoters: 0,
          npsDetractors: 0,
        })
        .get(channelKey) as ChannelContributionSums);
    ch.contacts++;
    if (c.answered) ch.answered++;
    ch.scored += count(c.total);
    ch.totalSum += c.total ?? 0;
    ch.answeredScored += count(c.answeredTotal);
    ch.answeredTotalSum += c.answeredTotal ?? 0;
    if (c.criticalZeroed) ch.criticalZeroed++;
    c.cx.forEach((v, m) => {
      ch.cxCount[m] = (ch.cxCount[m] ?? 0) + count(v);
      ch.cxSum[m] = (ch.cxSum[m] ?? 0) + (v ?? 0);
    });
    ch.csatSatisfied += c.csatSatisfied ?? 0;
    ch.npsPromoters += c.npsPromoter ?? 0;
    ch.npsDetractors += c.npsDetractor ?? 0;
    c.parts.forEach((part, i) => {
      const key = `${companyKey}/${part}`;
      const p =
        parts.get(key) ??
        (parts
          .set(key, {
            companyKey,
            part,
            n: 0,
            percentageSum: 0,
            earned: 0,
            possible: 0,
            shadowN: 0,
            shadowPercentageSum: 0,
            shadowEarned: 0,
            shadowPossible: 0,
          })
          .get(key) as PartContributionSums);
      p.n += count(c.percentage[i] ?? null);
      p.percentageSum += c.percentage[i] ?? 0;
      p.earned += c.earned[i] ?? 0;
      p.possible += c.possible[i] ?? 0;
      p.shadowN += count(c.shadowPercentage[i] ?? null);
      p.shadowPercentageSum += c.shadowPercentage[i] ?? 0;
      p.shadowEarned += c.shadowEarned[i] ?? 0;
      p.shadowPossible += c.shadowPossible[i] ?? 0;
    });
  }
  return { channels: [...channels.values()], parts: [...parts.values()] };
}

function fromStoredFigures(
  edition: Edition,
  evaluations: readonly Evaluation[],
  companies: readonly CompanyInfo[],
) {
  const contributions = contactContributions(compileEdition(edition), evaluations);
  const companyOf = new Map(evaluations.map((e) => [e.id, e.companyKey]));
  const { channels, parts } = groupBy(contributions, (c) => companyOf.get(c.contactId) as string);
  return editionResultsFromSums(edition, companies, channels, parts);
}

describe('results from stored contact contributions', () => {
  const editions = scoringVariants();

  it.each(Object.entries(editions))('equal the results of scoring the answers (%s)', (_name, edition) => {
    const anyEvaluation = arbitraryEvaluation(
      edition,
      COMPANIES.map((c) => c.key),
    );
    fc.assert(
      fc.property(fc.array(anyEvaluation, { maxLength: 30 }), (evaluations) => {
        const unique = [...new Map(evaluations.map((e) => [e.id, e])).values()];
        const expected = computeEditionResults(edition, unique, COMPANIES);
        expect(resultsDifferences(fromStoredFigures(edition, unique, COMPANIES), expected)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('equal the results of scoring the answers on every KSP edition with the demo data', () => {
    for (const edition of kspEditions) {
      const evaluations = generateDemoEvaluations(edition, demoCompanies, {
        seed: 11,
        contactsPerCompany: 8,
      });
      const companies = demoCompanies
        .filter((c) => c.editionKeys.includes(edition.key))
        .map(({ key, name, industryKey }) => ({ key, name, industryKey }));
      const expected = computeEditionResults(edition, evaluations, companies);
      expect(resultsDifferences(fromStoredFigures(edition, evaluations, companies), expected)).toEqual([]);
      // A batch's contributions are the evaluations' contributions.
      const compiled = compileEdition(edition);
      expect(contactContributions(compiled, evaluationBatch(edition.key, evaluations))).toEqual(
        contactContributions(compiled, evaluations),
      );
    }
  });

  it('store nothing but the contact header for a contact that does not count as answered', () => {
    const edition = testEdition();
    const [contribution] = contactContributions(compileEdition(edition), [
      {
        ...(fc.sample(arbitraryEvaluation(edition, ['acme']), 1)[0] as Evaluation),
        answered: false,
      },
    ]);
    expect(contribution).toMatchObject({
      answered: false,
      answeredTotal: null,
      parts: [],
      csatSatisfied: null,
    });
  });

  it('refuse sums of a company that is not listed', () => {
    const edition = testEdition();
    expect(() =>
      editionResultsFromSums(
        edition,
        COMPANIES,
        [],
        [
          {
            companyKey: 'nobody',
            part: 0,
            n: 1,
            percentageSum: 1,
            earned: 1,
            possible: 1,
            shadowN: 0,
            shadowPercentageSum: 0,
            shadowEarned: 0,
            shadowPossible: 0,
          },
        ],
      ),
    ).toThrow(/not in the company list/);
  });
});
