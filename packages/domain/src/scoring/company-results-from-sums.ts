import { DomainValidationError, type ValidationIssue } from '../validation/issue';
import type { CompanyInfo, CompanyResult } from './company-result';
import {
  type CompanySums,
  createSums,
  EARNED,
  finishCompany,
  N,
  POSSIBLE,
  SHADOW_EARNED,
  SHADOW_N,
  SHADOW_POSSIBLE,
  SHADOW_SUM,
  SLOTS,
  SUM,
} from './company-sums';
import { compareKeysAsc } from './compare-keys';
import { type CompiledEdition, CX_METRICS } from './compile-edition';
import { fromStoredUnits } from './contact-figure';

/**
 * Sums and counts over one company's stored contact contributions on one channel (a GROUP BY company, channel
 * over ContactContribution rows): nothing but SUM and COUNT of the stored figures. Sums of totals, points and
 * percentages are in stored units (exact integer sums, as the nearest double).
 */
export interface ChannelContributionSums {
  companyKey: string;
  channel: string;
  /** COUNT(*). */
  contacts: number;
  /** COUNT(*) of the answered ones. */
  answered: number;
  /** COUNT(total) and SUM(total). */
  scored: number;
  totalSum: number;
  /** COUNT(answeredTotal) and SUM(answeredTotal). */
  answeredScored: number;
  answeredTotalSum: number;
  /** COUNT(*) of the contacts zeroed by a critical answer. */
  criticalZeroed: number;
  /** Per CX metric (CX_METRICS order): COUNT(value) and SUM(value). */
  cxCount: number[];
  cxSum: number[];
  /** SUM(csatSatisfied), SUM(npsPromoter), SUM(npsDetractor). */
  csatSatisfied: number;
  npsPromoters: number;
  npsDetractors: number;
}

/** Sums and counts over one company's stored figures of one part (partSlot): a GROUP BY company, part. */
export interface PartContributionSums {
  companyKey: string;
  part: number;
  /** COUNT(percentage), SUM(percentage), SUM(earned), SUM(possible). */
  n: number;
  percentageSum: number;
  earned: number;
  possible: number;
  /** The same of the shadow figures. */
  shadowN: number;
  shadowPercentageSum: number;
  shadowEarned: number;
  shadowPossible: number;
}

/**
 * The companies' results from sums over their stored contact contributions: the same CompanyResult as
 * scoreCompanies gives from raw answers (the same finishing step), with floating-point sums possibly added in
 * another order (differences far below SCORE_TIE_TOLERANCE). Every listed company gets a result, sorted by key.
 */
export function companyResultsFromSums(
  compiled: CompiledEdition,
  companies: readonly CompanyInfo[],
  channelSums: readonly ChannelContributionSums[],
  partSums: readonly PartContributionSums[],
): CompanyResult[] {
  const issues: ValidationIssue[] = [];
  const byKey = new Map<string, { sums: CompanySums; contacts: number; critical: number }>();
  companies.forEach((company, i) => {
    if (byKey.has(company.key)) {
      issues.push({ path: `companies[${i}].key`, message: `company "${company.key}" is listed twice` });
    }
    byKey.set(company.key, { sums: createSums(compiled), contacts: 0, critical: 0 });
  });
  const companyOf = (key: string, path: string) => {
    const found = byKey.get(key);
    if (!found) issues.push({ path, message: `company "${key}" is not in the company list` });
    return found;
  };

  channelSums.forEach((row, i) => {
    const company = companyOf(row.companyKey, `channelSums[${i}].companyKey`);
    if (!company) return;
    company.contacts += row.contacts;
    const c = compiled.channels.get(row.channel)?.index;
    // A contact on a channel the edition does not have counts as a contact and adds nothing else.
    if (c === undefined) return;
    const { sums } = company;
    company.critical += row.criticalZeroed;
    sums.chN[c] = (sums.chN[c] as number) + row.contacts;
    sums.chAnswered[c] = (sums.chAnswered[c] as number) + row.answered;
    sums.chScored[c] = (sums.chScored[c] as number) + row.scored;
    sums.chSum[c] = (sums.chSum[c] as number) + fromStoredUnits(row.totalSum);
    sums.chAnsweredScored[c] = (sums.chAnsweredScored[c] as number) + row.answeredScored;
    sums.chAnsweredSum[c] = (sums.chAnsweredSum[c] as number) + fromStoredUnits(row.answeredTotalSum);
    CX_METRICS.forEach((_, m) => {
      const count = row.cxCount[m] ?? 0;
      if (count > 0) sums.cx.addSum(m, row.cxSum[m] ?? 0, count);
    });
    sums.cx.addGroups(row.csatSatisfied, row.npsPromoters, row.npsDetractors);
  });

  const areaCount = compiled.areas.length;
  partSums.forEach((row, i) => {
    const company = companyOf(row.companyKey, `partSums[${i}].companyKey`);
    if (!company) return;
    const isArea = row.part < areaCount;
    const index = isArea ? row.part : row.part - areaCount;
    const target = isArea ? company.sums.areaSums : company.sums.performanceSums;
    if (index < 0 || (index + 1) * SLOTS > target.length) {
      issues.push({ path: `partSums[${i}].part`, message: `part ${row.part} is not in the edition` });
      return;
    }
    const o = index * SLOTS;
    target[o + N] = (target[o + N] as number) + row.n;
    target[o + SUM] = (target[o + SUM] as number) + fromStoredUnits(row.percentageSum);
    target[o + EARNED] = (target[o + EARNED] as number) + fromStoredUnits(row.earned);
    target[o + POSSIBLE] = (target[o + POSSIBLE] as number) + fromStoredUnits(row.possible);
    target[o + SHADOW_N] = (target[o + SHADOW_N] as number) + row.shadowN;
    target[o + SHADOW_SUM] = (target[o + SHADOW_SUM] as number) + fromStoredUnits(row.shadowPercentageSum);
    target[o + SHADOW_EARNED] = (target[o + SHADOW_EARNED] as number) + fromStoredUnits(row.shadowEarned);
    target[o + SHADOW_POSSIBLE] =
      (target[o + SHADOW_POSSIBLE] as number) + fromStoredUnits(row.shadowPossible);
  });
  if (issues.length > 0) throw new DomainValidationError('Results input', issues);

  return [...companies]
    .sort((a, b) => compareKeysAsc(a.key, b.key))
    .map((company) => {
      const { sums, contacts, critical } = byKey.get(company.key) as {
        sums: CompanySums;
        contacts: number;
        critical: number;
      };
      return finishCompany(compiled, company, contacts, critical, sums);
    });
}
