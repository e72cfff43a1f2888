import { compactNumber } from './compact-number';
import type {
  AreaResult,
  ChannelResult,
  CompanyInfo,
  CompanyResult,
  PerformanceResult,
} from './company-result';
import type { CompiledEdition } from './compile-edition';
import { CxAccumulator } from './cx-metrics';
import { percentage } from './percentage';

// Slots per area/performance in a company's running sums.
export const N = 0;
export const SUM = 1;
export const EARNED = 2;
export const POSSIBLE = 3;
export const SHADOW_N = 4;
export const SHADOW_SUM = 5;
export const SHADOW_EARNED = 6;
export const SHADOW_POSSIBLE = 7;
export const SLOTS = 8;

/**
 * Adds one contact's figures of a part to a company's running sums at `o` (a part's N, or its SHADOW_N for the
 * shadow figures): a count, the percentage, earned and possible; nothing when nothing was possible.
 */
export function addContactFigures(sums: Float64Array, o: number, earned: number, possible: number): void {
  if (possible <= 0) return;
  // percentage(earned, possible), written out: a call that is not inlined returns a new heap number.
  sums[o + N] = (sums[o + N] as number) + 1;
  sums[o + SUM] = (sums[o + SUM] as number) + Math.min((earned / possible) * 100, 100);
  sums[o + EARNED] = (sums[o + EARNED] as number) + earned;
  sums[o + POSSIBLE] = (sums[o + POSSIBLE] as number) + possible;
}

/** A company's running sums; one set is reused for every company of a call (reset in between). */
export interface CompanySums {
  chN: Float64Array;
  chAnswered: Float64Array;
  chScored: Float64Array;
  chSum: Float64Array;
  chAnsweredScored: Float64Array;
  chAnsweredSum: Float64Array;
  areaSums: Float64Array;
  performanceSums: Float64Array;
  cx: CxAccumulator;
}

export function createSums(compiled: CompiledEdition): CompanySums {
  const channels = compiled.channelList.length;
  return {
    chN: new Float64Array(channels),
    chAnswered: new Float64Array(channels),
    chScored: new Float64Array(channels),
    chSum: new Float64Array(channels),
    chAnsweredScored: new Float64Array(channels),
    chAnsweredSum: new Float64Array(channels),
    areaSums: new Float64Array(compiled.areas.length * SLOTS),
    performanceSums: new Float64Array(compiled.performances.length * SLOTS),
    cx: new CxAccumulator(),
  };
}

/** Back to zero, for the next company. */
export function resetSums(sums: CompanySums): void {
  sums.chN.fill(0);
  sums.chAnswered.fill(0);
  sums.chScored.fill(0);
  sums.chSum.fill(0);
  sums.chAnsweredScored.fill(0);
  sums.chAnsweredSum.fill(0);
  sums.areaSums.fill(0);
  sums.performanceSums.fill(0);
  sums.cx.reset();
}

/**
 * A company's result from its sums over contacts (docs/scoring.md, "Per company"): means, pooled percentages,
 * channel weighting and the headline. The one finishing step of both ways to results: scoring raw answers
 * (scoreCompanies) and the sums of stored contact figures (companyResultsFromSums). `contacts` counts every
 * contact, also those on a channel the edition does not have (they are in no channel's sums).
 */
export function finishCompany(
  compiled: CompiledEdition,
  company: CompanyInfo,
  contacts: number,
  criticalContacts: number,
  sums: CompanySums,
): CompanyResult {
  const { chAnswered, chScored, chSum, chAnsweredScored, chAnsweredSum, cx } = sums;
  const channels = channelResults(compiled, sums);
  const areas = areaResults(compiled, sums.areaSums);
  const performances = performanceResults(compiled, sums.performanceSums);
  const byChannel = compiled.edition.scoring.contactWeighting === 'channel';
  return {
    companyKey: company.key,
    name: company.name,
    industryKey: company.industryKey,
    n: contacts,
    nAnswered: compactNumber(sum(chAnswered)),
    total: byChannel ? channelWeighted(compiled, channels, 'total') : mean(sum(chSum), sum(chScored)),
    answeredOnly: byChannel
      ? channelWeighted(compiled, channels, 'answeredOnly')
      : mean(sum(chAnsweredSum), sum(chAnsweredScored)),
    headline: compiled.headlineAreaIndex >= 0 ? (areas[compiled.headlineAreaIndex]?.score ?? null) : null,
    criticalContacts,
    channels,
    areas,
    performances,
    cx: cx.result(),
  };
}

// One builder per kind of result, each small enough for V8 to inline mean() and percentage() into it (in one
// large function they were called, and every figure they returned was boxed twice). Plain loops, no closures:
// under tsx (keepNames) every closure created per company costs a defineProperty.

function channelResults(compiled: CompiledEdition, sums: CompanySums): ChannelResult[] {
  const { chN, chAnswered, chScored, chSum, chAnsweredScored, chAnsweredSum } = sums;
  const channels: ChannelResult[] = [];
  for (const channel of compiled.channelList) {
    const c = channel.index;
    channels.push({
      key: channel.key,
      n: compactNumber(chN[c] as number),
      nAnswered: compactNumber(chAnswered[c] as number),
      total: mean(chSum[c] as number, chScored[c] as number),
      answeredOnly: mean(chAnsweredSum[c] as number, chAnsweredScored[c] as number),
    });
  }
  return channels;
}

function areaResults(compiled: CompiledEdition, areaSums: Float64Array): AreaResult[] {
  const areas: AreaResult[] = [];
  for (const area of compiled.areas) {
    const o = area.index * SLOTS;
    areas.push({
      key: area.key,
      n: compactNumber(areaSums[o + N] as number),
      score: mean(areaSums[o + SUM] as number, areaSums[o + N] as number),
      earned: compactNumber(areaSums[o + EARNED] as number),
      possible: compactNumber(areaSums[o + POSSIBLE] as number),
      pooled: percentage(areaSums[o + EARNED] as number, areaSums[o + POSSIBLE] as number),
      shadowN: compactNumber(areaSums[o + SHADOW_N] as number),
      shadowScore: mean(areaSums[o + SHADOW_SUM] as number, areaSums[o + SHADOW_N] as number),
      shadowEarned: compactNumber(areaSums[o + SHADOW_EARNED] as number),
      shadowPossible: compactNumber(areaSums[o + SHADOW_POSSIBLE] as number),
      shadowPooled: percentage(
        areaSums[o + SHADOW_EARNED] as number,
        areaSums[o + SHADOW_POSSIBLE] as number,
      ),
      counting: area.counting,
      countsInTotal: area.countsInTotal,
    });
  }
  return areas;
}

function performanceResults(compiled: CompiledEdition, ps: Float64Array): PerformanceResult[] {
  const performances: PerformanceResult[] = [];
  for (const performance of compiled.performances) {
    const o = performance.index * SLOTS;
    performances.push({
      key: performance.key,
      n: compactNumber(ps[o + N] as number),
      score: mean(ps[o + SUM] as number, ps[o + N] as number),
      earned: compactNumber(ps[o + EARNED] as number),
      possible: compactNumber(ps[o + POSSIBLE] as number),
      pooled: percentage(ps[o + EARNED] as number, ps[o + POSSIBLE] as number),
      shadowN: compactNumber(ps[o + SHADOW_N] as number),
      shadowScore: mean(ps[o + SHADOW_SUM] as number, ps[o + SHADOW_N] as number),
      shadowEarned: compactNumber(ps[o + SHADOW_EARNED] as number),
      shadowPossible: compactNumber(ps[o + SHADOW_POSSIBLE] as number),
      shadowPooled: percentage(ps[o + SHADOW_EARNED] as number, ps[o + SHADOW_POSSIBLE] as number),
      areaKey: performance.areaKey,
    });
  }
  return performances;
}

/** Σ w_ch · score_ch / Σ w_ch over the channels that have a score: unmeasured channels do not count against anyone. */
function channelWeighted(
  compiled: CompiledEdition,
  channels: readonly ChannelResult[],
  figure: 'total' | 'answeredOnly',
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const channel of compiled.channelList) {
    const score = channels[channel.index]?.[figure] ?? null;
    if (score === null) continue;
    weighted += channel.weight * score;
    weights += channel.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

function mean(total: number, count: number): number | null {
  return count > 0 ? total / count : null;
}

function sum(values: Float64Array): number {
  let out = 0;
  for (const v of values) out += v;
  return out;
}
