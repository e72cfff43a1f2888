import type { ChannelKey } from '../model/channel';
import type { AwardRules } from '../model/edition';
import type { ChannelResult, CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import { compareScoresDesc } from './compare-scores';
import { ineligibilityReasons } from './ranking';

export interface ChannelRankingEntry {
  companyKey: string;
  position: number;
  score: number;
  answeredOnly: number | null;
  n: number;
  nAnswered: number;
}

/** "Best på" a channel: the eligible company with the highest score on that channel. */
export interface BestOnChannel {
  channel: ChannelKey;
  winner: string | null;
  score: number | null;
  entries: ChannelRankingEntry[];
}

/**
 * For each channel: the companies eligible overall with at least minContactsPerChannel contacts there,
 * ordered by channel score desc, then channel answered-only desc, answered contacts desc, company key asc.
 */
export function bestOnChannel(
  companies: readonly CompanyResult[],
  channels: readonly ChannelKey[],
  awards: AwardRules,
): BestOnChannel[] {
  const eligible = companies.filter((c) => ineligibilityReasons(c, awards).length === 0);
  return channels.map((channel) => {
    const candidates = eligible
      .map((company) => ({ company, result: company.channels.find((r) => r.key === channel) }))
      .filter(
        (c): c is { company: CompanyResult; result: ChannelResult & { total: number } } =>
          c.result !== undefined && c.result.total !== null && c.result.n >= awards.minContactsPerChannel,
      );
    candidates.sort(
      (a, b) =>
        compareScoresDesc(a.result.total, b.result.total) ||
        compareScoresDesc(a.result.answeredOnly, b.result.answeredOnly) ||
        b.result.nAnswered - a.result.nAnswered ||
        compareKeysAsc(a.company.companyKey, b.company.companyKey),
    );
    const entries = candidates.map(({ company, result }, i) => ({
      companyKey: company.companyKey,
      position: i + 1,
      score: result.total,
      answeredOnly: result.answeredOnly,
      n: result.n,
      nAnswered: result.nAnswered,
    }));
    return { channel, winner: entries[0]?.companyKey ?? null, score: entries[0]?.score ?? null, entries };
  });
}
