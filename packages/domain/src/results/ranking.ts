import type { AwardRules } from '../model/edition';
import type { CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import { compareScoresDesc } from './compare-scores';
import { ineligibility } from './ineligibility';
import { sharedPlaces } from './shared-places';

export interface RankingEntry {
  companyKey: string;
  name: string;
  industryKey: string;
  /**
   * 1-based place among the eligible companies; null when not eligible. Companies equal on every ranking rule
   * (only the company key would separate them) share the place and the next place is skipped: 1, 1, 3.
   */
  position: number | null;
  /**
   * True when the company is tied with a neighbour on every rule, so that only company key order lists one
   * before the other: it shares its place (see `tiedWith`). Never true for ineligible companies.
   */
  decidedByKeyOrder: boolean;
  /** The companies sharing its place, by key order (empty when the place is its own). */
  tiedWith: string[];
  eligible: boolean;
  /** Why a company is not eligible (empty when eligible). */
  reasons: string[];
  total: number | null;
  answeredOnly: number | null;
  headline: number | null;
  n: number;
  nAnswered: number;
}

export interface Ranking {
  /** Eligible companies by position, then the others by the same order. */
  entries: RankingEntry[];
  eligibleCount: number;
  /**
   * The winner's company key: the first at place 1. When several share place 1 it is the first of them by key
   * order only, which is no ranking rule — read `winners` and `winnerDecidedByKeyOrder`.
   */
  winner: string | null;
  /** Every company at place 1 by key order: one when the winner is clear, more on a shared first place. */
  winners: string[];
  /** True when place 1 is shared (more than one in `winners`): only key order would name `winner`. */
  winnerDecidedByKeyOrder: boolean;
}

export interface IndustryRanking extends Ranking {
  industryKey: string;
  /** Set when the industry has no winner although it has eligible companies. */
  winnerWithheld: string | null;
}

/** Why a company cannot win: too few contacts or a total under the minimum. */
export function ineligibilityReasons(company: CompanyResult, awards: AwardRules): string[] {
  // The rule is `ineligibility` (typed); these are its words in English.
  return ineligibility(company, awards).map((reason) =>
    reason.code === 'INELIGIBLE_TOO_FEW_CONTACTS'
      ? `${reason.count} contacts, fewer than the ${reason.minimum} required`
      : reason.code === 'INELIGIBLE_NO_TOTAL'
        ? 'no Totalresultat'
        : `Totalresultat ${reason.total} is below the minimum ${reason.minimum}`,
  );
}

type RankedFigures = Pick<CompanyResult, 'companyKey' | 'total' | 'answeredOnly' | 'headline' | 'nAnswered'>;

/**
 * The ranking rules: Totalresultat desc, then answered-only desc, headline area desc, answered contacts desc.
 * 0 = tied on every rule: the companies share a place.
 */
export function compareOnRankingRules(a: RankedFigures, b: RankedFigures): number {
  return (
    compareScoresDesc(a.total, b.total) ||
    compareScoresDesc(a.answeredOnly, b.answeredOnly) ||
    compareScoresDesc(a.headline, b.headline) ||
    b.nAnswered - a.nAnswered
  );
}

/**
 * The listing order: the ranking rules, then company key asc so that the order is the same on every run.
 * Key order only lists companies tied on every rule; they share their place (`decidedByKeyOrder`).
 */
export function compareForRanking(a: RankedFigures, b: RankedFigures): number {
  return compareOnRankingRules(a, b) || compareKeysAsc(a.companyKey, b.companyKey);
}

/** Ranks companies by the award rules; the winners are the eligible companies at place 1. */
export function rankCompanies(companies: readonly CompanyResult[], awards: AwardRules): Ranking {
  const withReasons = companies.map((company) => ({
    company,
    reasons: ineligibilityReasons(company, awards),
  }));
  withReasons.sort(
    (a, b) =>
      Number(a.reasons.length > 0) - Number(b.reasons.length > 0) || compareForRanking(a.company, b.company),
  );
  const eligible = withReasons.filter((c) => c.reasons.length === 0).map((c) => c.company);
  const places = sharedPlaces(
    eligible,
    (c) => c.companyKey,
    (a, b) => compareOnRankingRules(a, b) === 0,
  );
  const entries = withReasons.map(({ company, reasons }, i): RankingEntry => {
    const place = reasons.length === 0 ? places[i] : undefined;
    return {
      companyKey: company.companyKey,
      name: company.name,
      industryKey: company.industryKey,
      position: place?.position ?? null,
      decidedByKeyOrder: place?.decidedByKeyOrder ?? false,
      tiedWith: place?.tiedWith ?? [],
      eligible: reasons.length === 0,
      reasons,
      total: company.total,
      answeredOnly: company.answeredOnly,
      headline: company.headline,
      n: company.n,
      nAnswered: company.nAnswered,
    };
  });
  const winners = entries.filter((e) => e.position === 1).map((e) => e.companyKey);
  return {
    entries,
    eligibleCount: eligible.length,
    winner: winners[0] ?? null,
    winners,
    winnerDecidedByKeyOrder: winners.length > 1,
  };
}

/** The ranking of one industry (class); a winner only with at least minCompaniesPerIndustry eligible companies. */
export function rankIndustry(
  companies: readonly CompanyResult[],
  industryKey: string,
  awards: AwardRules,
): IndustryRanking {
  const ranking = rankCompanies(
    companies.filter((c) => c.industryKey === industryKey),
    awards,
  );
  const enough = ranking.eligibleCount >= awards.minCompaniesPerIndustry;
  return {
    industryKey,
    ...ranking,
    winner: enough ? ranking.winner : null,
    winners: enough ? ranking.winners : [],
    winnerDecidedByKeyOrder: enough && ranking.winnerDecidedByKeyOrder,
    winnerWithheld:
      enough || ranking.eligibleCount === 0
        ? null
        : `${ranking.eligibleCount} eligible companies, fewer than the ${awards.minCompaniesPerIndustry} required`,
  };
}

/** The overall ranking across all industries; the winner regardless of class. */
export function rankOverall(companies: readonly CompanyResult[], awards: AwardRules): Ranking {
  return rankCompanies(companies, awards);
}
