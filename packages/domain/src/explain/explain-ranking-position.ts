import { compareScoresDesc } from '../results/compare-scores';
import type { EditionResults } from '../results/edition-results';
import { ineligibility } from '../results/ineligibility';
import type { Ranking, RankingEntry } from '../results/ranking';
import { compareKeysAsc } from '../scoring/compare-keys';
import type { ExplanationEffect, TieBreakStep } from './explanation-effect';

export interface NeighbourComparison {
  companyKey: string;
  /**
   * The first rule in the ranking order on which the two differ. `companyKey`: they are equal on every rule,
   * so they share a place and key order only lists them (the entry's `decidedByKeyOrder`).
   */
  decidedBy: TieBreakStep;
  /** This company's value minus the neighbour's on that rule (for companyKey: −1 / 1 by code-unit order). */
  difference: number;
}

export interface RankingPositionExplanation {
  ranking: 'overall' | { industryKey: string };
  entry: RankingEntry;
  /** Why the company cannot win, in English (empty when eligible); the same as the INELIGIBLE_* effects. */
  reasons: string[];
  above: NeighbourComparison | null;
  below: NeighbourComparison | null;
  winner: string | null;
  /** Why the industry has no winner, in English; the same as the WINNER_WITHHELD effect. */
  winnerWithheld: string | null;
  /** Eligibility, the neighbours and the rule that separated them, a withheld winner: as typed effects. */
  effects: ExplanationEffect[];
}

/** Why a company sits where it does in the overall ranking or its industry's: eligibility and the rule that separated it from its neighbours. */
export function explainRankingPosition(
  results: EditionResults,
  companyKey: string,
  scope: 'overall' | 'industry' = 'overall',
): RankingPositionExplanation {
  const company = results.companies.find((c) => c.companyKey === companyKey);
  if (!company) throw new Error(`company "${companyKey}" is not in the results of ${results.editionKey}`);
  const industry = results.industries.find((i) => i.industryKey === company.industryKey);
  const ranking: Ranking = scope === 'overall' || !industry ? results.overall : industry;
  const index = ranking.entries.findIndex((e) => e.companyKey === companyKey);
  const entry = ranking.entries[index] as RankingEntry;
  const neighbour = (other: RankingEntry | undefined) =>
    other && other.eligible === entry.eligible ? compareEntries(entry, other) : null;
  const above = neighbour(ranking.entries[index - 1]);
  const below = neighbour(ranking.entries[index + 1]);
  const withheldIn = scope === 'industry' && industry?.winnerWithheld ? industry : null;

  const effects: ExplanationEffect[] = [...ineligibility(entry, results.awards)];
  if (entry.position === 1) effects.push({ code: 'TOP_OF_RANKING' });
  const side = (n: NeighbourComparison) => ({
    companyKey: n.companyKey,
    step: n.decidedBy,
    difference: n.difference,
  });
  // Equal on every rule is no "behind" or "ahead": the two share the place (docs/scoring.md).
  for (const [n, code] of [
    [above, 'BEHIND_NEIGHBOUR'],
    [below, 'AHEAD_OF_NEIGHBOUR'],
  ] as const) {
    if (n?.decidedBy === 'companyKey') effects.push({ code: 'SHARES_PLACE', companyKey: n.companyKey });
    else if (n) effects.push({ code, ...side(n) });
  }
  if (withheldIn)
    effects.push({
      code: 'WINNER_WITHHELD',
      count: withheldIn.eligibleCount,
      minimum: results.awards.minCompaniesPerIndustry,
    });
  return {
    ranking: scope === 'overall' || !industry ? 'overall' : { industryKey: company.industryKey },
    entry,
    reasons: entry.reasons,
    above,
    below,
    winner: ranking.winner,
    winnerWithheld: withheldIn?.winnerWithheld ?? null,
    effects,
  };
}

function compareEntries(a: RankingEntry, b: RankingEntry): NeighbourComparison {
  const diff = (x: number | null, y: number | null) => (x ?? 0) - (y ?? 0);
  const steps: [TieBreakStep, number, number][] = [
    ['total', compareScoresDesc(a.total, b.total), diff(a.total, b.total)],
    ['answeredOnly', compareScoresDesc(a.answeredOnly, b.answeredOnly), diff(a.answeredOnly, b.answeredOnly)],
    ['headline', compareScoresDesc(a.headline, b.headline), diff(a.headline, b.headline)],
    ['nAnswered', b.nAnswered - a.nAnswered, a.nAnswered - b.nAnswered],
  ];
  for (const [step, order, difference] of steps)
    if (order !== 0) return { companyKey: b.companyKey, decidedBy: step, difference };
  return {
    companyKey: b.companyKey,
    decidedBy: 'companyKey',
    difference: compareKeysAsc(a.companyKey, b.companyKey),
  };
}
