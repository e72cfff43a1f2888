import type { ChannelKey } from '../model/channel';
import type { AwardRules } from '../model/edition';
import type { ChannelResult, CompanyResult } from '../scoring/company-result';
import { compareKeysAsc } from '../scoring/compare-keys';
import { compareScoresDesc } from './compare-scores';
import { ineligibilityReasons } from './ranking';
import { sharedPlaces } from './shared-places';

export interface ChannelRankingEntry {
  companyKey: string;
  /** 1-based place; companies equal on every channel rule share it (1, 1, 3). */
  position: number;
  /** True when tied with a neighbour on every channel rule: only key order lists one before the other. */
  decidedByKeyOrder: boolean;
  /** The companies sharing its place, by key order (empty when the place is its own). */
  tiedWith: string[];
  score: number;
  answeredOnly: number | null;
  n: number;
  nAnswered: number;
}

/** "Best på" a channel: the eligible company with the highest score on that channel. */
export interface BestOnChannel {
  channel: ChannelKey;
  /** The first at place 1; when several share it, the first by key order only — read `winners`. */
  winner: string | null;
  /** Every company at place 1 by key order (more than one = a shared first place). */
  winners: string[];
  /** True when place 1 is shared: only key order would name `winner`. */
  winnerDecidedByKeyOrder: boolean;
  score: number | null;
  entries: ChannelRankingEntry[];
}

type ChannelFigures = Pick<ChannelResult, 'total' | 'answeredOnly' | 'nAnswered'>;

/**
 * The channel ranking rules: channel score desc, then channel answered-only desc, answered contacts on the
 * channel desc. 0 = tied on every rule: the companies share a place.
 */
export function compareOnChannelRules(a: ChannelFigures, b: ChannelFigures): number {
  return (
    compareScoresDesc(a.total, b.total) ||
    compareScoresDesc(a.answeredOnly, b.answeredOnly) ||
    b.nAnswered - a.nAnswered
  );
}

/**
 * For each channel: the companies eligible overall with at least `minContactsPerChannel` contacts there
 * (default 3), ordered by the channel rules and then company key asc; companies equal on every rule share
 * their place and key order only lists them.
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
        compareOnChannelRules(a.result, b.result) ||
        compareKeysAsc(a.company.companyKey, b.company.companyKey),
    );
    const places = sharedPlaces(
      candidates,
      (c) => c.company.companyKey,
      (a, b) => compareOnChannelRules(a.result, b.result) === 0,
    );
    const entries = candidates.map(({ company, result }, i): ChannelRankingEntry => {
      const place = places[i] as (typeof places)[number];
      return {
        companyKey: company.companyKey,
        position: place.position,
        decidedByKeyOrder: place.decidedByKeyOrder,
        tiedWith: place.tiedWith,
        score: result.total,
        answeredOnly: result.answeredOnly,
        n: result.n,
        nAnswered: result.nAnswered,
      };
    });
    const winners = entries.filter((e) => e.position === 1).map((e) => e.companyKey);
    return {
      channel,
      winner: winners[0] ?? null,
      winners,
      winnerDecidedByKeyOrder: winners.length > 1,
      score: entries[0]?.score ?? null,
      entries,
    };
  });
}
