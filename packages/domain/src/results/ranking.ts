import type { AwardRules } from '../model/edition';
import type { CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import { compareScoresDesc } from './compare-scores';

export interface RankingEntry {
  companyKey: string;
  name: string;
  industryKey: string;
  /** 1-based place among the eligible companies; null when not eligible. */
  position: number | null;
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
  winner: string | null;
}

export interface IndustryRanking extends Ranking {
  industryKey: string;
  /** Set when the industry has no winner although it has eligible companies. */
  winnerWithheld: string | null;
}

/** Why a company cannot win: too few contacts or a total under the minimum. */
export function ineligibilityReasons(company: CompanyResult, awards: AwardRules): string[] {
  const reasons: string[] = [];
  if (company.n < awards.minContacts)
    reasons.push(`${company.n} contacts, fewer than the ${awards.minContacts} required`);
  if (company.total === null) reasons.push('no Totalresultat');
  else if (company.total < awards.minTotal) {
    reasons.push(`Totalresultat ${company.total} is below the minimum ${awards.minTotal}`);
  }
  return reasons;
}

/**
 * The ranking order: Totalresultat desc, then answered-only desc, headline area desc, answered
 * contacts desc, company key asc — so every position is unique.
 */
export function compareForRanking(a: CompanyResult, b: CompanyResult): number {
  return (
    compareScoresDesc(a.total, b.total) ||
    compareScoresDesc(a.answeredOnly, b.answeredOnly) ||
    compareScoresDesc(a.headline, b.headline) ||
    b.nAnswered - a.nAnswered ||
    compareKeysAsc(a.companyKey, b.companyKey)
  );
}

/** Ranks companies by the award rules; the winner is the first eligible company. */
export function rankCompanies(companies: readonly CompanyResult[], awards: AwardRules): Ranking {
  const withReasons = companies.map((company) => ({
    company,
    reasons: ineligibilityReasons(company, awards),
  }));
  withReasons.sort(
    (a, b) =>
      Number(a.reasons.length > 0) - Number(b.reasons.length > 0) || compareForRanking(a.company, b.company),
  );
  let position = 0;
  const entries = withReasons.map(({ company, reasons }) => ({
    companyKey: company.companyKey,
    name: company.name,
    industryKey: company.industryKey,
    position: reasons.length === 0 ? ++position : null,
    eligible: reasons.length === 0,
    reasons,
    total: company.total,
    answeredOnly: company.answeredOnly,
    headline: company.headline,
    n: company.n,
    nAnswered: company.nAnswered,
  }));
  return { entries, eligibleCount: position, winner: entries[0]?.eligible ? entries[0].companyKey : null };
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
