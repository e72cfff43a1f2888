// The bench's yardstick: the same scoring arithmetic as the engine, written as one plain loop over typed arrays.
// Everything the loop reads is laid out in typed arrays beforehand (not timed); the loop then scores every
// contact of the batch (points, N/A, waiting bands, performances → areas → contact total) and adds it to its
// company's sums (per channel, per part: n, Σ percentage, Σ earned, Σ possible, also as if scored; CX sums).
// It covers what the benchmark edition uses (no critical or duplicate answers there) and no rankings.
import type { CompiledEdition, CompiledQuestion } from '../src/scoring/compile-edition';
import { CX_METRICS } from '../src/scoring/compile-edition';
import type { EvaluationBatch } from '../src/scoring/evaluation-batch';
import { resolveBatch } from '../src/scoring/resolve-batch';

export interface ReferenceData {
  companies: number;
  channels: number;
  perfs: number;
  areas: number;
  slots: number;
  /** Contacts grouped by company (companies in the order given), in the given order within a company. */
  order: Int32Array;
  companyStart: Int32Array;
  contactChannel: Int32Array;
  contactAnswered: Uint8Array;
  /** NaN when the contact has no waiting time. */
  contactWait: Float64Array;
  answerStart: Int32Array;
  answerQuestion: Int32Array;
  answerOption: Int32Array;
  answerNotApplicable: Uint8Array;
  /** Per channel × question slot: a question id, −1 when the question is not asked on the channel. */
  slotQuestion: Int32Array;
  qPerf: Int32Array;
  qScored: Uint8Array;
  qBonus: Uint8Array;
  qCx: Int32Array;
  qMax: Float64Array;
  qMaxShadow: Float64Array;
  optQuestion: Int32Array;
  optPoints: Float64Array;
  optShadow: Float64Array;
  optValue: Float64Array;
  /** Per channel: its waiting question ids (waitStart[c] … waitStart[c + 1] − 1) and bands. */
  waitStart: Int32Array;
  waitQuestion: Int32Array;
  bandStart: Int32Array;
  bandUpTo: Float64Array;
  bandPoints: Float64Array;
  maxWait: Float64Array;
  lateCounts: Uint8Array;
  perfArea: Int32Array;
  areaInTotal: Uint8Array;
  areaWeight: Float64Array;
}

/** Lays the batch and the compiled edition out in typed arrays; `groups` lists each company's contacts. */
export function prepareReference(
  compiled: CompiledEdition,
  batch: EvaluationBatch,
  groups: readonly (readonly number[])[],
): ReferenceData {
  const resolved = resolveBatch(compiled, batch);
  const channels = compiled.channelList.length;
  const slots = batch.questionKeys.length;
  const ids = new Map<CompiledQuestion, number>();
  const questions: CompiledQuestion[] = [];
  const idOf = (q: CompiledQuestion) => {
    let id = ids.get(q);
    if (id === undefined) {
      id = questions.push(q) - 1;
      ids.set(q, id);
    }
    return id;
  };
  const slotQuestion = new Int32Array(channels * slots).fill(-1);
  compiled.channelList.forEach((_channel, c) => {
    resolved.questions[c]?.forEach((q, slot) => {
      if (q !== undefined) slotQuestion[c * slots + slot] = idOf(q);
    });
  });
  const waitIds: number[] = [];
  const waitStart = [0];
  const bandUpTo: number[] = [];
  const bandPoints: number[] = [];
  const bandStart = [0];
  for (const channel of compiled.channelList) {
    for (const q of channel.waitingQuestions) waitIds.push(idOf(q));
    waitStart.push(waitIds.length);
    for (const band of channel.bands) {
      bandUpTo.push(band.upTo);
      bandPoints.push(band.points);
    }
    bandStart.push(bandUpTo.length);
  }
  const optionCount = batch.options.length;
  const optPoints = new Float64Array(optionCount);
  const optShadow = new Float64Array(optionCount);
  const optValue = new Float64Array(optionCount).fill(Number.NaN);
  batch.options.forEach((option, slot) => {
    const position = resolved.optionPosition[slot] as number;
    const q = resolved.questions.map((list) => list[option.question]).find((x) => x !== undefined);
    if (position < 0 || q === undefined) return;
    optPoints[slot] = q.optionPoints[position] as number;
    optShadow[slot] = q.optionShadowPoints[position] as number;
    optValue[slot] = q.optionValues[position] ?? Number.NaN;
  });
  const contacts = batch.contacts.length;
  const contactChannel = new Int32Array(contacts);
  const contactAnswered = new Uint8Array(contacts);
  const contactWait = new Float64Array(contacts);
  batch.contacts.forEach((contact, i) => {
    contactChannel[i] = compiled.channels.get(contact.channel)?.index ?? -1;
    contactAnswered[i] = contact.answered ? 1 : 0;
    contactWait[i] = contact.waitingTime ?? Number.NaN;
  });
  const order = new Int32Array(contacts);
  const companyStart = new Int32Array(groups.length + 1);
  let k = 0;
  groups.forEach((group, c) => {
    companyStart[c] = k;
    for (const i of group) order[k++] = i;
  });
  companyStart[groups.length] = k;
  return {
    companies: groups.length,
    channels,
    perfs: compiled.performances.length,
    areas: compiled.areas.length,
    slots,
    order,
    companyStart,
    contactChannel,
    contactAnswered,
    contactWait,
    answerStart: batch.answerStart,
    answerQuestion: batch.answerQuestion,
    answerOption: batch.answerOption,
    answerNotApplicable: batch.answerNotApplicable,
    slotQuestion,
    qPerf: Int32Array.from(questions, (q) => q.performanceIndex),
    qScored: Uint8Array.from(questions, (q) => (q.scored ? 1 : 0)),
    qBonus: Uint8Array.from(questions, (q) => (q.bonus ? 1 : 0)),
    qCx: Int32Array.from(questions, (q) => q.cxIndex),
    qMax: Float64Array.from(questions, (q) => q.maxPoints),
    qMaxShadow: Float64Array.from(questions, (q) => q.maxShadowPoints),
    optQuestion: resolved.optionQuestion,
    optPoints,
    optShadow,
    optValue,
    waitStart: Int32Array.from(waitStart),
    waitQuestion: Int32Array.from(waitIds),
    bandStart: Int32Array.from(bandStart),
    bandUpTo: Float64Array.from(bandUpTo),
    bandPoints: Float64Array.from(bandPoints),
    maxWait: Float64Array.from(compiled.channelList, (c) => c.rule.maxWait),
    lateCounts: Uint8Array.from(compiled.channelList, (c) => (c.rule.attempts.lateAnswerCounts ? 1 : 0)),
    perfArea: Int32Array.from(compiled.performances, (p) => p.areaIndex),
    areaInTotal: Uint8Array.from(compiled.areas, (a) => (a.countsInTotal ? 1 : 0)),
    areaWeight: Float64Array.from(compiled.areas, (a) => a.weight),
  };
}

const SLOTS = 8;

/**
 * Scores every contact and sums each company up (equal contact weighting, weighted areas). Returns per company
 * its Totalresultat (mean contact total, unanswered 0; NaN without a total), in the order of `groups`.
 */
export function runReference(d: ReferenceData): Float64Array {
  const { perfs, areas, channels, slots } = d;
  const { answerStart, answerQuestion, answerOption, answerNotApplicable, slotQuestion } = d;
  const { qPerf, qScored, qBonus, qCx, qMax, qMaxShadow, optQuestion, optPoints, optShadow, optValue } = d;
  const { perfArea, areaInTotal, areaWeight } = d;
  const pe = new Float64Array(perfs);
  const pp = new Float64Array(perfs);
  const pse = new Float64Array(perfs);
  const psp = new Float64Array(perfs);
  const ae = new Float64Array(areas);
  const ap = new Float64Array(areas);
  const ase = new Float64Array(areas);
  const asp = new Float64Array(areas);
  const na = new Uint8Array(d.qPerf.length);
  const cx = new Float64Array(CX_METRICS.length);
  const partSums = new Float64Array((perfs + areas) * SLOTS);
  const chN = new Float64Array(channels);
  const chSum = new Float64Array(channels);
  const cxSum = new Float64Array(CX_METRICS.length);
  const cxN = new Float64Array(CX_METRICS.length);
  const out = new Float64Array(d.companies);
  for (let company = 0; company < d.companies; company++) {
    partSums.fill(0);
    chN.fill(0);
    chSum.fill(0);
    cxSum.fill(0);
    cxN.fill(0);
    for (let k = d.companyStart[company] as number; k < (d.companyStart[company + 1] as number); k++) {
      const i = d.order[k] as number;
      const ch = d.contactChannel[i] as number;
      if (ch < 0) continue;
      const wait = d.contactWait[i] as number;
      const answered =
        d.contactAnswered[i] === 1 &&
        (Number.isNaN(wait) || wait <= (d.maxWait[ch] as number) || d.lateCounts[ch] === 1);
      if (!answered) {
        chN[ch] = (chN[ch] as number) + 1;
        continue;
      }
      pe.fill(0);
      pp.fill(0);
      pse.fill(0);
      psp.fill(0);
      cx.fill(Number.NaN);
      for (let a = answerStart[i] as number; a < (answerStart[i + 1] as number); a++) {
        const slot = answerQuestion[a] as number;
        if (slot < 0) continue;
        const q = slotQuestion[ch * slots + slot] as number;
        if (q < 0) continue;
        if (answerNotApplicable[a] === 1) {
          na[q] = 1;
          continue;
        }
        const o = answerOption[a] as number;
        if (o < 0 || optQuestion[o] !== slot) continue;
        const p = qPerf[q] as number;
        const bonus = qBonus[q] === 1;
        pse[p] = (pse[p] as number) + (optShadow[o] as number);
        if (!bonus) psp[p] = (psp[p] as number) + (qMaxShadow[q] as number);
        if (qScored[q] === 1) {
          pe[p] = (pe[p] as number) + (optPoints[o] as number);
          if (!bonus) pp[p] = (pp[p] as number) + (qMax[q] as number);
        }
        const m = qCx[q] as number;
        if (m >= 0) cx[m] = optValue[o] as number;
      }
      if (!Number.isNaN(wait)) {
        let points = 0;
        if (wait <= (d.maxWait[ch] as number)) {
          for (let b = d.bandStart[ch] as number; b < (d.bandStart[ch + 1] as number); b++) {
            if (wait <= (d.bandUpTo[b] as number)) {
              points = d.bandPoints[b] as number;
              break;
            }
          }
        }
        for (let w = d.waitStart[ch] as number; w < (d.waitStart[ch + 1] as number); w++) {
          const q = d.waitQuestion[w] as number;
          if (na[q] === 1) continue;
          const p = qPerf[q] as number;
          pse[p] = (pse[p] as number) + points;
          psp[p] = (psp[p] as number) + (qMaxShadow[q] as number);
          pe[p] = (pe[p] as number) + points;
          pp[p] = (pp[p] as number) + (qMax[q] as number);
        }
      }
      na.fill(0);
      ae.fill(0);
      ap.fill(0);
      ase.fill(0);
      asp.fill(0);
      for (let p = 0; p < perfs; p++) {
        const a = perfArea[p] as number;
        ae[a] = (ae[a] as number) + (pe[p] as number);
        ap[a] = (ap[a] as number) + (pp[p] as number);
        ase[a] = (ase[a] as number) + (pse[p] as number);
        asp[a] = (asp[a] as number) + (psp[p] as number);
      }
      let weighted = 0;
      let weights = 0;
      for (let a = 0; a < areas; a++) {
        const possible = ap[a] as number;
        if (areaInTotal[a] === 0 || possible <= 0) continue;
        const w = areaWeight[a] as number;
        weighted += w * Math.min(((ae[a] as number) / possible) * 100, 100);
        weights += w;
      }
      if (weights > 0) {
        chN[ch] = (chN[ch] as number) + 1;
        chSum[ch] = (chSum[ch] as number) + weighted / weights;
      }
      addParts(partSums, 0, perfs, pe, pp, pse, psp);
      addParts(partSums, perfs, areas, ae, ap, ase, asp);
      for (let m = 0; m < cx.length; m++) {
        const v = cx[m] as number;
        if (Number.isNaN(v)) continue;
        cxSum[m] = (cxSum[m] as number) + v;
        cxN[m] = (cxN[m] as number) + 1;
      }
    }
    let sum = 0;
    let n = 0;
    for (let c = 0; c < channels; c++) {
      sum += chSum[c] as number;
      n += chN[c] as number;
    }
    out[company] = n > 0 ? sum / n : Number.NaN;
  }
  return out;
}

function addParts(
  sums: Float64Array,
  first: number,
  count: number,
  earned: Float64Array,
  possible: Float64Array,
  shadowEarned: Float64Array,
  shadowPossible: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    const o = (first + i) * SLOTS;
    const e = earned[i] as number;
    const p = possible[i] as number;
    if (p > 0) {
      sums[o] = (sums[o] as number) + 1;
      sums[o + 1] = (sums[o + 1] as number) + Math.min((e / p) * 100, 100);
      sums[o + 2] = (sums[o + 2] as number) + e;
      sums[o + 3] = (sums[o + 3] as number) + p;
    }
    const se = shadowEarned[i] as number;
    const sp = shadowPossible[i] as number;
    if (sp > 0) {
      sums[o + 4] = (sums[o + 4] as number) + 1;
      sums[o + 5] = (sums[o + 5] as number) + Math.min((se / sp) * 100, 100);
      sums[o + 6] = (sums[o + 6] as number) + se;
      sums[o + 7] = (sums[o + 7] as number) + sp;
    }
  }
}
