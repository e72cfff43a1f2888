import type { Evaluation } from '../../../src/model/evaluation';
import type {
  CompiledChannel,
  CompiledEdition,
  CompiledQuestion,
} from '../../../src/scoring/compile-edition';
import { CX_METRICS } from '../../../src/scoring/compile-edition';
import {
  type ContactOutcome,
  contactOutcome,
  countsAsAnswered,
  outcomeWaitingPoints,
} from '../../../src/scoring/contact-outcome';
import type { ContactHeader } from '../../../src/scoring/evaluation-batch';
import { percentage } from '../../../src/scoring/percentage';
import type { ResolvedBatch } from '../../../src/scoring/resolve-batch';

/**
 * The working numbers of one contact, in flat arrays indexed like the compiled edition's areas and
 * performances. One tally is reused for many contacts so that scoring allocates nothing per contact.
 */
export interface ContactTally {
  channelIndex: number;
  /** How the contact ended under its channel's waiting rule (unanswered on an unknown channel). */
  outcome: ContactOutcome;
  /** Whether its answers are scored (countsAsAnswered(outcome)). */
  answered: boolean;
  /** 0–100, 0 when not answered, null when nothing was scorable. */
  total: number | null;
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
  seen: Int32Array;
  notApplicable: Int32Array;
  stamp: number;
}

export function createTally(compiled: CompiledEdition): ContactTally {
  const p = compiled.performances.length;
  const a = compiled.areas.length;
  return {
    channelIndex: -1,
    outcome: 'unanswered',
    answered: false,
    total: null,
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
    cx: new Float64Array(CX_METRICS.length),
    seen: new Int32Array(compiled.questionCount),
    notApplicable: new Int32Array(compiled.questionCount),
    stamp: 0,
  };
}

/**
 * Scores one contact into `t` (docs/scoring.md, "Per contact"). Expects an evaluation that passed
 * validateEvaluation: unknown questions, questions of other channels, unknown options and repeated
 * answers are skipped rather than reported.
 */
export function tallyContact(compiled: CompiledEdition, evaluation: Evaluation, t: ContactTally): void {
  const channel = startContact(compiled, t, evaluation);
  if (channel) {
    const answers = evaluation.answers;
    for (let i = 0; i < answers.length; i++) {
      const answer = answers[i] as Evaluation['answers'][number];
      const q = channel.questions.get(answer.questionKey);
      if (q === undefined) continue;
      const o = answer.optionKey === null ? -1 : (q.optionIndex.get(answer.optionKey) ?? -1);
      tallyAnswer(compiled, t, q, o, answer.notApplicable);
    }
  }
  finishContact(compiled, t, channel, evaluation.waitingTime);
}

/** tallyContact for contact `i` of a batch: the same steps, answers read from the batch's columns. */
export function tallyBatchContact(
  compiled: CompiledEdition,
  resolved: ResolvedBatch,
  i: number,
  t: ContactTally,
): void {
  const { batch } = resolved;
  const contact = batch.contacts[i] as ContactHeader;
  const channel = startContact(compiled, t, contact);
  if (channel) {
    const questions = resolved.questions[channel.index] as (CompiledQuestion | undefined)[];
    const { answerQuestion, answerOption, answerNotApplicable } = batch;
    const end = batch.answerStart[i + 1] as number;
    for (let a = batch.answerStart[i] as number; a < end; a++) {
      const slot = answerQuestion[a] as number;
      const q = slot >= 0 ? questions[slot] : undefined;
      if (q === undefined) continue;
      const option = answerOption[a] as number;
      const o =
        option >= 0 && resolved.optionQuestion[option] === slot
          ? (resolved.optionPosition[option] as number)
          : -1;
      tallyAnswer(compiled, t, q, o, answerNotApplicable[a] === 1);
    }
  }
  finishContact(compiled, t, channel, contact.waitingTime);
}

/**
 * Resets `t` for a new contact and judges it by its channel's waiting rule; returns the channel when the
 * contact's answers count (answered in time, or late where late answers count).
 */
function startContact(
  compiled: CompiledEdition,
  t: ContactTally,
  contact: ContactHeader,
): CompiledChannel | undefined {
  t.perfEarned.fill(0);
  t.perfPossible.fill(0);
  t.perfShadowEarned.fill(0);
  t.perfShadowPossible.fill(0);
  t.areaZeroed.fill(0);
  t.cx.fill(Number.NaN);
  t.contactZeroed = false;
  t.anyAreaZeroed = false;
  const channel = compiled.channels.get(contact.channel);
  t.channelIndex = channel ? channel.index : -1;
  t.outcome = channel ? contactOutcome(channel.rule, contact.answered, contact.waitingTime) : 'unanswered';
  t.answered = countsAsAnswered(t.outcome);
  if (!t.answered || !channel) return undefined;
  t.stamp++;
  return channel;
}

/** One answer to question `q`: option position `o` (−1: no option or an unknown one) or "not applicable". */
function tallyAnswer(
  compiled: CompiledEdition,
  t: ContactTally,
  q: CompiledQuestion,
  o: number,
  notApplicable: boolean,
): void {
  const stamp = t.stamp;
  if (t.seen[q.index] === stamp) return;
  t.seen[q.index] = stamp;
  if (notApplicable) {
    t.notApplicable[q.index] = stamp;
    return;
  }
  if (q.isWaitingTime || o < 0) return;
  if (q.cxIndex >= 0) t.cx[q.cxIndex] = q.optionValues[o] ?? Number.NaN;
  addPoints(compiled, t, q, q.optionPoints[o] as number, q.optionShadowPoints[o] as number);
}

/** Adds the waiting-time points (unless answered N/A) and sums the contact up. */
function finishContact(
  compiled: CompiledEdition,
  t: ContactTally,
  channel: CompiledChannel | undefined,
  wait: number | null,
): void {
  const points = channel ? outcomeWaitingPoints(channel.rule, t.outcome, wait) : null;
  if (channel && points !== null) {
    for (const q of channel.waitingQuestions) {
      if (t.notApplicable[q.index] !== t.stamp) addPoints(compiled, t, q, points, points);
    }
  }
  sumUp(compiled, t);
}

function addPoints(
  compiled: CompiledEdition,
  t: ContactTally,
  q: CompiledQuestion,
  points: number,
  shadow: number,
) {
  const p = q.performanceIndex;
  t.perfShadowEarned[p] = (t.perfShadowEarned[p] as number) + shadow;
  if (!q.bonus) t.perfShadowPossible[p] = (t.perfShadowPossible[p] as number) + q.maxShadowPoints;
  if (!q.scored) return;
  t.perfEarned[p] = (t.perfEarned[p] as number) + points;
  if (!q.bonus) t.perfPossible[p] = (t.perfPossible[p] as number) + q.maxPoints;
  if (q.critical !== null && points === 0) {
    // A critical answer outside the total's areas can only zero its own area.
    if (q.critical === 'contact' && compiled.areas[q.areaIndex]?.countsInTotal) t.contactZeroed = true;
    else {
      t.areaZeroed[q.areaIndex] = 1;
      t.anyAreaZeroed = true;
    }
  }
}

/** Applies critical zeroing, sums performances into areas and computes the contact total. */
function sumUp(compiled: CompiledEdition, t: ContactTally) {
  const { areas, performances } = compiled;
  t.areaEarned.fill(0);
  t.areaPossible.fill(0);
  t.areaShadowEarned.fill(0);
  t.areaShadowPossible.fill(0);
  if (t.contactZeroed) {
    for (const area of areas) if (area.countsInTotal) t.areaZeroed[area.index] = 1;
  }
  for (let p = 0; p < performances.length; p++) {
    const a = (performances[p] as (typeof performances)[number]).areaIndex;
    if (t.areaZeroed[a] === 1) {
      t.perfEarned[p] = 0;
      t.perfShadowEarned[p] = 0;
    }
    t.areaEarned[a] = (t.areaEarned[a] as number) + (t.perfEarned[p] as number);
    t.areaPossible[a] = (t.areaPossible[a] as number) + (t.perfPossible[p] as number);
    t.areaShadowEarned[a] = (t.areaShadowEarned[a] as number) + (t.perfShadowEarned[p] as number);
    t.areaShadowPossible[a] = (t.areaShadowPossible[a] as number) + (t.perfShadowPossible[p] as number);
  }
  if (!t.answered || t.contactZeroed) {
    t.total = 0;
    return;
  }
  let weightedSum = 0;
  let weightSum = 0;
  let earnedSum = 0;
  let possibleSum = 0;
  for (let a = 0; a < areas.length; a++) {
    const area = areas[a] as (typeof areas)[number];
    const possible = t.areaPossible[a] as number;
    if (!area.countsInTotal || possible <= 0) continue;
    const earned = t.areaEarned[a] as number;
    weightedSum += area.weight * (percentage(earned, possible) as number);
    weightSum += area.weight;
    earnedSum += earned;
    possibleSum += possible;
  }
  if (compiled.edition.scoring.areaWeighting === 'weighted')
    t.total = weightSum > 0 ? weightedSum / weightSum : null;
  else t.total = percentage(earnedSum, possibleSum);
}
