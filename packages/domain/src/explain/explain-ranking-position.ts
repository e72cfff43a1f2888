import { compareScoresDesc } from '../results/compare-scores';
import type { EditionResults } from '../results/edition-results';
import type { Ranking, RankingEntry } from '../results/ranking';
import { compareKeysAsc } from '../scoring/compare-keys';

/** The ranking rule that put one company before another. */
export type TieBreakStep = 'total' | 'answeredOnly' | 'headline' | 'nAnswered' | 'companyKey';

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
  /** Why the company cannot win (empty when eligible). */
  reasons: string[];
  above: NeighbourComparison | null;
  below: NeighbourComparison | null;
  winner: string | null;
  winnerWithheld: string | null;
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
  return {
    ranking: scope === 'overall' || !industry ? 'overall' : { industryKey: company.industryKey },
    entry,
    reasons: entry.reasons,
    above: neighbour(ranking.entries[index - 1]),
    below: neighbour(ranking.entries[index + 1]),
    winner: ranking.winner,
    winnerWithheld: scope === 'industry' && industry ? industry.winnerWithheld : null,
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
