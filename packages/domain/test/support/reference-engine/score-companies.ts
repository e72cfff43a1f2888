import type { Evaluation } from '../../../src/model/evaluation';
import type { CxMetric } from '../../../src/model/question';
import { addAt } from '../../../src/scoring/add-at';
import type {
  AreaResult,
  ChannelResult,
  CompanyInfo,
  CompanyResult,
  PartResult,
  PerformanceResult,
} from '../../../src/scoring/company-result';
import { compareKeysAsc } from '../../../src/scoring/compare-keys';
import type { CompiledEdition } from '../../../src/scoring/compile-edition';
import { CX_METRICS } from '../../../src/scoring/compile-edition';
import {
  type ContactHeader,
  type EvaluationBatch,
  isEvaluationBatch,
} from '../../../src/scoring/evaluation-batch';
import { percentage } from '../../../src/scoring/percentage';
import { resolveBatch } from '../../../src/scoring/resolve-batch';
import { DomainValidationError, type ValidationIssue } from '../../../src/validation/issue';
import { type ContactTally, createTally, tallyBatchContact, tallyContact } from './contact-tally';
import { CxAccumulator } from './cx-metrics';

// Slots per area/performance in a company's running sums.
const N = 0;
const SUM = 1;
const EARNED = 2;
const POSSIBLE = 3;
const SHADOW_N = 4;
const SHADOW_SUM = 5;
const SHADOW_EARNED = 6;
const SHADOW_POSSIBLE = 7;
const SLOTS = 8;

/**
 * Scores every evaluation and combines the contacts into one result per company (docs/scoring.md,
 * "Per company"). Every listed company gets a result, also without contacts. Contacts are summed in
 * evaluation-id order, so the results do not depend on the order of the input. Evaluations must have
 * passed validateEvaluation. A batch (many evaluations in columns) gives the same results as its evaluations.
 */
export function scoreCompanies(
  compiled: CompiledEdition,
  evaluations: readonly Evaluation[] | EvaluationBatch,
  companies: readonly CompanyInfo[],
): CompanyResult[] {
  const contacts: readonly ContactHeader[] = isEvaluationBatch(evaluations)
    ? evaluations.contacts
    : evaluations;
  const byCompany = new Map<string, number[]>();
  const issues: ValidationIssue[] = [];
  companies.forEach((company, i) => {
    if (byCompany.has(company.key)) {
      issues.push({ path: `companies[${i}].key`, message: `company "${company.key}" is listed twice` });
    }
    byCompany.set(company.key, []);
  });
  contacts.forEach((contact, i) => {
    const list = byCompany.get(contact.companyKey);
    if (list) list.push(i);
    else {
      issues.push({
        path: `evaluations[${i}].companyKey`,
        message: `company "${contact.companyKey}" is not in the company list`,
      });
    }
  });
  if (issues.length > 0) throw new DomainValidationError('Results input', issues);

  let tallyAt: (i: number, t: ContactTally) => void;
  if (isEvaluationBatch(evaluations)) {
    const resolved = resolveBatch(compiled, evaluations);
    tallyAt = (i, t) => tallyBatchContact(compiled, resolved, i, t);
  } else {
    tallyAt = (i, t) => tallyContact(compiled, evaluations[i] as Evaluation, t);
  }
  const byId = (a: number, b: number) =>
    compareKeysAsc((contacts[a] as ContactHeader).id, (contacts[b] as ContactHeader).id);
  const tally = createTally(compiled);
  const sums = createSums(compiled);
  return [...companies]
    .sort((a, b) => compareKeysAsc(a.key, b.key))
    .map((company) => {
      const list = byCompany.get(company.key) ?? [];
      list.sort(byId);
      return scoreCompany(compiled, company, list, tallyAt, tally, sums);
    });
}

/** A company's running sums; one set is reused for every company of a call (reset in between). */
interface CompanySums {
  chN: Float64Array;
  chAnswered: Float64Array;
  chScored: Float64Array;
  chSum: Float64Array;
  chAnsweredScored: Float64Array;
  chAnsweredSum: Float64Array;
  areaSums: Float64Array;
  performanceSums: Float64Array;
}

function createSums(compiled: CompiledEdition): CompanySums {
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
  };
}

function scoreCompany(
  compiled: CompiledEdition,
  company: CompanyInfo,
  contacts: readonly number[],
  tallyAt: (i: number, t: ContactTally) => void,
  t: ContactTally,
  sums: CompanySums,
): CompanyResult {
  for (const values of Object.values(sums) as Float64Array[]) values.fill(0);
  const { chN, chAnswered, chScored, chSum, chAnsweredScored, chAnsweredSum, areaSums, performanceSums } =
    sums;
  const cx = new CxAccumulator();
  let criticalContacts = 0;

  for (const contact of contacts) {
    tallyAt(contact, t);
    const c = t.channelIndex;
    if (c < 0) continue;
    addAt(chN, c, 1);
    if (t.contactZeroed) criticalContacts++;
    if (t.total !== null) {
      addAt(chScored, c, 1);
      addAt(chSum, c, t.total);
    }
    if (!t.answered) continue;
    addAt(chAnswered, c, 1);
    if (t.total !== null) {
      addAt(chAnsweredScored, c, 1);
      addAt(chAnsweredSum, c, t.total);
    }
    addParts(areaSums, t.areaEarned, t.areaPossible, t.areaShadowEarned, t.areaShadowPossible);
    addParts(performanceSums, t.perfEarned, t.perfPossible, t.perfShadowEarned, t.perfShadowPossible);
    for (let m = 0; m < CX_METRICS.length; m++) {
      const value = t.cx[m] as number;
      if (!Number.isNaN(value)) cx.addValue(CX_METRICS[m] as CxMetric, value);
    }
  }

  // Plain loops, no closures: under tsx (keepNames) every closure created per company costs a defineProperty.
  const channels: ChannelResult[] = [];
  for (const channel of compiled.channelList) {
    const c = channel.index;
    channels.push({
      key: channel.key,
      n: chN[c] as number,
      nAnswered: chAnswered[c] as number,
      total: mean(chSum[c] as number, chScored[c] as number),
      answeredOnly: mean(chAnsweredSum[c] as number, chAnsweredScored[c] as number),
    });
  }
  const byChannel = compiled.edition.scoring.contactWeighting === 'channel';
  // Object.assign rather than a spread: spreading took about a third of scoreCompanies' time (KSP23 demo, 200 companies).
  const areas: AreaResult[] = [];
  for (const area of compiled.areas) {
    const { counting, countsInTotal } = area;
    areas.push(Object.assign(partResult(area.key, areaSums, area.index), { counting, countsInTotal }));
  }
  const performances: PerformanceResult[] = [];
  for (const performance of compiled.performances) {
    const part = partResult(performance.key, performanceSums, performance.index);
    performances.push(Object.assign(part, { areaKey: performance.areaKey }));
  }

  return {
    companyKey: company.key,
    name: company.name,
    industryKey: company.industryKey,
    n: contacts.length,
    nAnswered: sum(chAnswered),
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

function addParts(
  sums: Float64Array,
  earned: Float64Array,
  possible: Float64Array,
  shadowEarned: Float64Array,
  shadowPossible: Float64Array,
): void {
  for (let i = 0; i < earned.length; i++) {
    const o = i * SLOTS;
    const pct = percentage(earned[i] as number, possible[i] as number);
    if (pct !== null) {
      addAt(sums, o + N, 1);
      addAt(sums, o + SUM, pct);
      addAt(sums, o + EARNED, earned[i] as number);
      addAt(sums, o + POSSIBLE, possible[i] as number);
    }
    const shadowPct = percentage(shadowEarned[i] as number, shadowPossible[i] as number);
    if (shadowPct !== null) {
      addAt(sums, o + SHADOW_N, 1);
      addAt(sums, o + SHADOW_SUM, shadowPct);
      addAt(sums, o + SHADOW_EARNED, shadowEarned[i] as number);
      addAt(sums, o + SHADOW_POSSIBLE, shadowPossible[i] as number);
    }
  }
}

function partResult(key: string, sums: Float64Array, index: number): PartResult {
  const o = index * SLOTS;
  const n = sums[o + N] as number;
  const earned = sums[o + EARNED] as number;
  const possible = sums[o + POSSIBLE] as number;
  const shadowN = sums[o + SHADOW_N] as number;
  const shadowEarned = sums[o + SHADOW_EARNED] as number;
  const shadowPossible = sums[o + SHADOW_POSSIBLE] as number;
  return {
    key,
    n,
    score: mean(sums[o + SUM] as number, n),
    earned,
    possible,
    pooled: percentage(earned, possible),
    shadowN,
    shadowScore: mean(sums[o + SHADOW_SUM] as number, shadowN),
    shadowEarned,
    shadowPossible,
    shadowPooled: percentage(shadowEarned, shadowPossible),
  };
}

function mean(total: number, count: number): number | null {
  return count > 0 ? total / count : null;
}

function sum(values: Float64Array): number {
  let out = 0;
  for (const v of values) out += v;
  return out;
}
