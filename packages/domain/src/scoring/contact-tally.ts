import type { Evaluation } from '../model/evaluation';
import type { CompiledChannel, CompiledEdition, CompiledQuestion } from './compile-edition';
import { CX_METRICS } from './compile-edition';
import {
  type ContactOutcome,
  contactOutcome,
  countsAsAnswered,
  outcomeWaitingPoints,
} from './contact-outcome';
import type { ContactHeader } from './evaluation-batch';
import { percentage } from './percentage';
import type { ResolvedBatch } from './resolve-batch';

/**
 * The working numbers of one contact, in flat arrays indexed like the compiled edition's areas and
 * performances. One tally is reused for many contacts so that scoring allocates nothing per contact.
 * Only the parts a contact touches are written: the touched lists name them (the other entries are 0), so
 * that starting, summing up and aggregating a contact cost per part it answered, not per part of the edition.
 */
export interface ContactTally {
  channelIndex: number;
  /** How the contact ended under its channel's waiting rule (unanswered on an unknown channel). */
  outcome: ContactOutcome;
  /** Whether its answers are scored (countsAsAnswered(outcome)). */
  answered: boolean;
  /**
   * 0–100, 0 when not answered, NaN when nothing was scorable (a number, not null: the field then holds doubles
   * in place, where a `number | null` field boxes every total in a new heap number).
   */
  total: number;
  contactZeroed: boolean;
  anyAreaZeroed: boolean;
  perfEarned: Float64Array;
  perfPossible: Float64Array;
  perfShadowEarned: Float64Array;
  perfShadowPossible: Float64Array;
  areaEarned: Float64Array;
  areaPossible: Float64Array;
  areaShadowEarned: Float64Array;
  areaShadowPossible: Float64Array;
  areaZeroed: Uint8Array;
  /** The CX value per metric (CX_METRICS order); NaN when not answered. */
  cx: Float64Array;
  /** Whether any CX value is set (else every entry of `cx` is NaN). */
  anyCx: boolean;
  seen: Int32Array;
  notApplicable: Int32Array;
  stamp: number;
  /**
   * The performances that got points (or possible points) in this contact, `perfCount` of them, ascending once
   * the contact is summed up. Every other performance's entries are 0.
   */
  touchedPerformances: Int32Array;
  perfCount: number;
  /** The areas of the touched performances, ascending, `areaCount` of them. Every other area's entries are 0. */
  touchedAreas: Int32Array;
  areaCount: number;
  /** Per performance: the stamp of the last contact that touched it. */
  perfStamp: Int32Array;
  /** The edition's facts the hot loop reads, taken out of the compiled objects once. */
  performanceArea: Int32Array;
  areaCountsInTotal: Uint8Array;
  areaWeight: Float64Array;
  weightedAreas: boolean;
  /**
   * Per performance and per area: 1 when its shadow figures always equal its real ones (shadowParts), so that a
   * company's shadow sums need not be kept apart.
   */
  perfShadowSame: Uint8Array;
  areaShadowSame: Uint8Array;
}

export function createTally(compiled: CompiledEdition): ContactTally {
  const p = compiled.performances.length;
  const a = compiled.areas.length;
  return {
    channelIndex: -1,
    outcome: 'unanswered',
    answered: false,
    total: Number.NaN,
    contactZeroed: false,
    anyAreaZeroed: false,
    perfEarned: new Float64Array(p),
    perfPossible: new Float64Array(p),
    perfShadowEarned: new Float64Array(p),
    perfShadowPossible: new Float64Array(p),
    areaEarned: new Float64Array(a),
    areaPossible: new Float64Array(a),
    areaShadowEarned: new Float64Array(a),
    areaShadowPossible: new Float64Array(a),
    areaZeroed: new Uint8Array(a),
    cx: new Float64Array(CX_METRICS.length).fill(Number.NaN),
    anyCx: false,
    seen: new Int32Array(compiled.questionCount),
    notApplicable: new Int32Array(compiled.questionCount),
    stamp: 0,
    touchedPerformances: new Int32Array(p),
    perfCount: 0,
    touchedAreas: new Int32Array(a),
    areaCount: 0,
    perfStamp: new Int32Array(p),
    performanceArea: Int32Array.from(compiled.performances, (performance) => performance.areaIndex),
    areaCountsInTotal: Uint8Array.from(compiled.areas, (area) => (area.countsInTotal ? 1 : 0)),
    areaWeight: Float64Array.from(compiled.areas, (area) => area.weight),
    weightedAreas: compiled.edition.scoring.areaWeighting === 'weighted',
    ...shadowParts(compiled),
  };
}

/**
 * The parts whose shadow figures equal their real ones in every contact: every question in them (on every
 * channel) is scored and earns the same points as if scored (a question whose options all have points keeps
 * them: shadowOptionPoints). Such a part's shadow earned and possible get the very numbers its real earned and
 * possible get, in the same order, and critical answers zero both, so the percentages and every sum over
 * contacts are the same to the last bit. An area is such a part when all its performances are.
 */
function shadowParts(compiled: CompiledEdition): { perfShadowSame: Uint8Array; areaShadowSame: Uint8Array } {
  const perfShadowSame = new Uint8Array(compiled.performances.length).fill(1);
  for (const channel of compiled.channelList) {
    for (const q of channel.questions.values()) {
      const same =
        q.scored &&
        q.maxShadowPoints === q.maxPoints &&
        q.optionShadowPoints.length === q.optionPoints.length &&
        q.optionShadowPoints.every((points, o) => points === q.optionPoints[o]);
      if (!same) perfShadowSame[q.performanceIndex] = 0;
    }
  }
  const areaShadowSame = new Uint8Array(compiled.areas.length).fill(1);
  for (const performance of compiled.performances) {
    if (perfShadowSame[performance.index] === 0) areaShadowSame[performance.areaIndex] = 0;
  }
  return { perfShadowSame, areaShadowSame };
}

/**
 * Scores one contact into `t` (docs/scoring.md, "Per contact"). Expects an evaluation that passed
 * validateEvaluation: unknown questions, questions of other channels, unknown options and repeated
 * answers are skipped rather than reported.
 */
export function tallyContact(compiled: CompiledEdition, evaluation: Evaluation, t: ContactTally): void {
  const channel = startContact(
    t,
    compiled.channels.get(evaluation.channel),
    evaluation.answered,
    evaluation.waitingTime,
  );
  if (channel) {
    const answers = evaluation.answers;
    for (let i = 0; i < answers.length; i++) {
      const answer = answers[i] as Evaluation['answers'][number];
      const q = channel.questions.get(answer.questionKey);
      if (q === undefined) continue;
      const o = answer.optionKey === null ? -1 : (q.optionIndex.get(answer.optionKey) ?? -1);
      tallyAnswer(t, q, o, answer.notApplicable);
    }
  }
  finishContact(t, channel, evaluation.waitingTime);
}

/**
 * What scoring reads of each contact of a batch besides its answers, in columns (filled while the contacts are
 * grouped by company, in input order), so that scoring a contact reads no contact object.
 */
export interface ContactColumns {
  /** The compiled channel's index, −1 for a channel the edition does not have. */
  channel: Int32Array;
  answered: Uint8Array;
  /** NaN for no waiting time. */
  waitingTime: Float64Array;
}

export function createContactColumns(count: number): ContactColumns {
  return {
    channel: new Int32Array(count),
    answered: new Uint8Array(count),
    waitingTime: new Float64Array(count),
  };
}

/** Puts contact `i`'s header into the columns. */
export function setContactColumns(
  compiled: CompiledEdition,
  columns: ContactColumns,
  i: number,
  contact: ContactHeader,
): void {
  columns.channel[i] = compiled.channels.get(contact.channel)?.index ?? -1;
  columns.answered[i] = contact.answered ? 1 : 0;
  columns.waitingTime[i] = contact.waitingTime ?? Number.NaN;
}

/** tallyContact for contact `i` of a batch: the same steps, the contact read from columns. */
export function tallyBatchContact(
  compiled: CompiledEdition,
  resolved: ResolvedBatch,
  columns: ContactColumns,
  i: number,
  t: ContactTally,
): void {
  const { batch } = resolved;
  const c = columns.channel[i] as number;
  const w = columns.waitingTime[i] as number;
  const waitingTime = Number.isNaN(w) ? null : w;
  const channel = startContact(
    t,
    c >= 0 ? compiled.channelList[c] : undefined,
    columns.answered[i] === 1,
    waitingTime,
  );
  if (channel) {
    const questions = resolved.questions[channel.index] as (CompiledQuestion | undefined)[];
    const { answerQuestion, answerOption, answerNotApplicable } = batch;
    const { optionQuestion, optionPosition } = resolved;
    const end = batch.answerStart[i + 1] as number;
    for (let a = batch.answerStart[i] as number; a < end; a++) {
      const slot = answerQuestion[a] as number;
      const q = slot >= 0 ? questions[slot] : undefined;
      if (q === undefined) continue;
      const option = answerOption[a] as number;
      const o = option >= 0 && optionQuestion[option] === slot ? (optionPosition[option] as number) : -1;
      tallyAnswer(t, q, o, answerNotApplicable[a] === 1);
    }
  }
  finishContact(t, channel, waitingTime);
}

/**
 * Resets `t` for a new contact (only the entries the last contact touched) and judges it by its channel's
 * waiting rule; returns the channel when the contact's answers count (answered in time, or late where late
 * answers count).
 */
function startContact(
  t: ContactTally,
  channel: CompiledChannel | undefined,
  answered: boolean,
  waitingTime: number | null,
): CompiledChannel | undefined {
  clearTouched(t);
  t.channelIndex = channel ? channel.index : -1;
  t.outcome = channel ? contactOutcome(channel.rule, answered, waitingTime) : 'unanswered';
  t.answered = countsAsAnswered(t.outcome);
  if (!t.answered || !channel) return undefined;
  t.stamp++;
  // The waiting questions' performances first: their points come after the answers, and touched in answer
  // order they would have to be moved to the front (they are usually the edition's first). Touching a part
  // that then gets nothing (waiting time N/A) adds only zeros.
  const { waitingQuestions } = channel;
  for (let i = 0; i < waitingQuestions.length; i++)
    touch(t, (waitingQuestions[i] as CompiledQuestion).performanceIndex);
  return channel;
}

/** Lists performance `p` as touched by the current contact (once). */
function touch(t: ContactTally, p: number): void {
  if (t.perfStamp[p] !== t.stamp) {
    t.perfStamp[p] = t.stamp;
    t.touchedPerformances[t.perfCount++] = p;
  }
}

/** Sets every entry the last contact wrote back to its start value (0, NaN for CX). */
function clearTouched(t: ContactTally): void {
  const { touchedPerformances, touchedAreas } = t;
  for (let i = 0; i < t.perfCount; i++) {
    const p = touchedPerformances[i] as number;
    t.perfEarned[p] = 0;
    t.perfPossible[p] = 0;
    t.perfShadowEarned[p] = 0;
    t.perfShadowPossible[p] = 0;
  }
  for (let i = 0; i < t.areaCount; i++) {
    const a = touchedAreas[i] as number;
    t.areaEarned[a] = 0;
    t.areaPossible[a] = 0;
    t.areaShadowEarned[a] = 0;
    t.areaShadowPossible[a] = 0;
  }
  t.perfCount = 0;
  t.areaCount = 0;
  if (t.contactZeroed || t.anyAreaZeroed) t.areaZeroed.fill(0);
  t.contactZeroed = false;
  t.anyAreaZeroed = false;
  if (t.anyCx) {
    t.cx.fill(Number.NaN);
    t.anyCx = false;
  }
}

/** One answer to question `q`: option position `o` (−1: no option or an unknown one) or "not applicable". */
function tallyAnswer(t: ContactTally, q: CompiledQuestion, o: number, notApplicable: boolean): void {
  const stamp = t.stamp;
  if (t.seen[q.index] === stamp) return;
  t.seen[q.index] = stamp;
  if (notApplicable) {
    t.notApplicable[q.index] = stamp;
    return;
  }
  if (q.isWaitingTime || o < 0) return;
  if (q.cxIndex >= 0) {
    t.cx[q.cxIndex] = q.optionValues[o] ?? Number.NaN;
    t.anyCx = true;
  }
  addPoints(t, q, q.optionPoints[o] as number, q.optionShadowPoints[o] as number);
}

/** Adds the waiting-time points (unless answered N/A) and sums the contact up. */
function finishContact(t: ContactTally, channel: CompiledChannel | undefined, wait: number | null): void {
  const points = channel ? outcomeWaitingPoints(channel.rule, t.outcome, wait) : null;
  if (channel && points !== null) {
    const { waitingQuestions } = channel;
    for (let i = 0; i < waitingQuestions.length; i++) {
      const q = waitingQuestions[i] as CompiledQuestion;
      if (t.notApplicable[q.index] !== t.stamp) addPoints(t, q, points, points);
    }
  }
  sumUp(t);
}

function addPoints(t: ContactTally, q: CompiledQuestion, points: number, shadow: number) {
  const p = q.performanceIndex;
  touch(t, p);
  t.perfShadowEarned[p] = (t.perfShadowEarned[p] as number) + shadow;
  if (!q.bonus) t.perfShadowPossible[p] = (t.perfShadowPossible[p] as number) + q.maxShadowPoints;
  if (!q.scored) return;
  t.perfEarned[p] = (t.perfEarned[p] as number) + points;
  if (!q.bonus) t.perfPossible[p] = (t.perfPossible[p] as number) + q.maxPoints;
  if (q.critical !== null && points === 0) {
    // A critical answer outside the total's areas can only zero its own area.
    if (q.critical === 'contact' && t.areaCountsInTotal[q.areaIndex] === 1) t.contactZeroed = true;
    else {
      t.areaZeroed[q.areaIndex] = 1;
      t.anyAreaZeroed = true;
    }
  }
}

/**
 * Applies critical zeroing, sums performances into areas and computes the contact total. Only the touched
 * performances are visited, in ascending order, so every sum adds the same numbers in the same order as a
 * pass over all of them would (the others add 0).
 */
function sumUp(t: ContactTally) {
  const perfs = t.touchedPerformances;
  const n = t.perfCount;
  // Insertion sort: answers mostly come in edition order, so this is one pass.
  for (let i = 1; i < n; i++) {
    const p = perfs[i] as number;
    let j = i - 1;
    while (j >= 0 && (perfs[j] as number) > p) {
      perfs[j + 1] = perfs[j] as number;
      j--;
    }
    perfs[j + 1] = p;
  }
  const { areaZeroed, performanceArea, touchedAreas } = t;
  if (t.contactZeroed) {
    for (let a = 0; a < areaZeroed.length; a++) if (t.areaCountsInTotal[a] === 1) areaZeroed[a] = 1;
  }
  let areaCount = 0;
  let lastArea = -1;
  for (let i = 0; i < n; i++) {
    const p = perfs[i] as number;
    // Performances are numbered area by area, so ascending performances give ascending areas.
    const a = performanceArea[p] as number;
    if (a !== lastArea) {
      touchedAreas[areaCount++] = a;
      lastArea = a;
    }
    if (areaZeroed[a] === 1) {
      t.perfEarned[p] = 0;
      t.perfShadowEarned[p] = 0;
    }
    t.areaEarned[a] = (t.areaEarned[a] as number) + (t.perfEarned[p] as number);
    t.areaPossible[a] = (t.areaPossible[a] as number) + (t.perfPossible[p] as number);
    t.areaShadowEarned[a] = (t.areaShadowEarned[a] as number) + (t.perfShadowEarned[p] as number);
    t.areaShadowPossible[a] = (t.areaShadowPossible[a] as number) + (t.perfShadowPossible[p] as number);
  }
  t.areaCount = areaCount;
  if (!t.answered || t.contactZeroed) {
    t.total = 0;
    return;
  }
  let weightedSum = 0;
  let weightSum = 0;
  let earnedSum = 0;
  let possibleSum = 0;
  for (let i = 0; i < areaCount; i++) {
    const a = touchedAreas[i] as number;
    const possible = t.areaPossible[a] as number;
    if (t.areaCountsInTotal[a] === 0 || possible <= 0) continue;
    const earned = t.areaEarned[a] as number;
    const weight = t.areaWeight[a] as number;
    weightedSum += weight * (percentage(earned, possible) as number);
    weightSum += weight;
    earnedSum += earned;
    possibleSum += possible;
  }
  if (t.weightedAreas) t.total = weightSum > 0 ? weightedSum / weightSum : Number.NaN;
  else t.total = possibleSum > 0 ? (percentage(earnedSum, possibleSum) as number) : Number.NaN;
}
