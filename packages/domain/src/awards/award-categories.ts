import type { AwardCategory, Edition } from '../model/edition';
import type { EditionResults } from '../results/edition-results';

/** The categories KSP gives when an edition lists none. */
export const DEFAULT_AWARD_CATEGORIES: readonly AwardCategory[] = [
  {
    key: 'class_winner',
    kind: 'classWinner',
    channel: null,
    name: { nb: 'Klassevinner', en: 'Class winner' },
  },
  { key: 'overall', kind: 'overall', channel: null, name: { nb: 'Totalvinner', en: 'Overall winner' } },
  { key: 'best_on_channel', kind: 'bestOnChannel', channel: null, name: { nb: 'Best på', en: 'Best on' } },
];

export const awardCategories = (edition: Pick<Edition, 'awards'>): readonly AwardCategory[] =>
  edition.awards.categories ?? DEFAULT_AWARD_CATEGORIES;

/** One award as decided from the results. */
export interface AwardOutcome {
  categoryKey: string;
  kind: AwardCategory['kind'];
  industryKey: string | null;
  channel: string | null;
  /** The first at place 1; when several share it, the first by key order only (see `winners`). */
  winner: string | null;
  /** Every company sharing place 1, by key order (empty when there is no winner). */
  winners: string[];
  /** True when place 1 is shared: tied on every rule, only key order would name `winner`. */
  decidedByKeyOrder: boolean;
  /** The winning score (Totalresultat, or the channel total for best-on). */
  score: number | null;
  /** Why there is no winner, when there is none. */
  withheld: string | null;
}

/** Evaluates the edition's award categories on its results (eligibility and ties as in the rankings). */
export function evaluateAwards(results: EditionResults, edition: Pick<Edition, 'awards'>): AwardOutcome[] {
  const totalOf = (key: string | null) =>
    key === null ? null : (results.companies.find((c) => c.companyKey === key)?.total ?? null);
  return awardCategories(edition).flatMap((category): AwardOutcome[] => {
    const base = { categoryKey: category.key, kind: category.kind };
    if (category.kind === 'overall') {
      const winner = results.overall.winner;
      return [
        {
          ...base,
          industryKey: null,
          channel: null,
          winner,
          winners: results.overall.winners,
          decidedByKeyOrder: results.overall.winnerDecidedByKeyOrder,
          score: totalOf(winner),
          withheld: winner === null ? 'no eligible company' : null,
        },
      ];
    }
    if (category.kind === 'classWinner') {
      return results.industries.map((industry) => ({
        ...base,
        industryKey: industry.industryKey,
        channel: null,
        winner: industry.winner,
        winners: industry.winners,
        decidedByKeyOrder: industry.winnerDecidedByKeyOrder,
        score: totalOf(industry.winner),
        withheld: industry.winner === null ? (industry.winnerWithheld ?? 'no eligible company') : null,
      }));
    }
    return results.bestOnChannel
      .filter((b) => category.channel === null || b.channel === category.channel)
      .map((b) => ({
        ...base,
        industryKey: null,
        channel: b.channel,
        winner: b.winner,
        winners: b.winners,
        decidedByKeyOrder: b.winnerDecidedByKeyOrder,
        score: b.score,
        withheld: b.winner === null ? 'no eligible company on this channel' : null,
      }));
  });
}
