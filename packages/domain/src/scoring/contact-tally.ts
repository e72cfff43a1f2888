import type { Evaluation } from '../model/evaluation';
import { addContactFigures, type CompanySums, SHADOW_N, SLOTS } from './company-sums';
import type { CompiledChannel, CompiledEdition, CompiledQuestion } from './compile-edition';
import { CX_METRICS } from './compile-edition';
import {
  type ContactOutcome,
  contactOutcome,
  countsAsAnswered,
  outcomeWaitingPoints,
} from './contact-outcome';
import type { ContactHeader } from './evaluation-batch';
import {
  type AnswerDictionary,
  BONUS,
  CRITICAL,
  CRITICAL_CONTACT,
  CX_METRIC,
  CX_VALUE,
  FLAGS,
  MAX_POINTS,
  MAX_SHADOW_POINTS,
  OPTION_FACTS,
  OPTION_NUMBERS,
  PERFORMANCE,
  POINTS,
  type QuestionTable,
  SCORED,
  SHADOW_POINTS,
} from './question-table';
import type { ResolvedBatch } from './resolve-batch';

/**
 * The working numbers of one contact, in flat arrays indexed like the compiled edition's areas and
 * performances. One tally is reused for many contacts so that scoring allocates nothing per contact.
 * Only the parts a contact touches are written: the touched lists name them, and the other parts' entries are
 * left from earlier contacts (zeroUntouched sets them to 0 for a reader of every part), so that starting,
 * summing up and aggregating a contact cost per part it answered, not per part of the edition.
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
  /**
   * The contact's waiting points (outcomeWaitingPoints), NaN for none: a number field holds them in place, where
   * passing them to a function that is not inlined boxes them in a new heap number per contact.
   */
  waitingPoints: number;
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
  /** Per area: 1 when zeroed by a critical answer (every entry is kept, 0 for the other areas). */
  areaZeroed: Uint8Array;
  /** The CX value per metric (CX_METRICS order); NaN when not answered. */
  cx: Float64Array;
  /** Whether any CX value is set (else every entry of `cx` is NaN). */
  anyCx: boolean;
  seen: Int32Array;
  notApplicable: Int32Array;
  /** The current contact's number: an entry of seen, notApplicable or perfStamp equal to it is this contact's. */
  stamp: number;
  /**
   * The performances that got points (or possible points) in this contact, `perfCount` of them, ascending once
   * the contact is summed up. Only their entries belong to this contact.
   */
  touchedPerformances: Int32Array;
  perfCount: number;
  /** Whether touchedPerformances was listed in ascending order (else sumUp sorts it). */
  perfOrdered: boolean;
  /** The areas of the touched performances, ascending, `areaCount` of them. Only their entries belong to it. */
  touchedAreas: Int32Array;
  areaCount: number;
  /** Per performance: the stamp of the last contact that touched it (its entries are that contact's). */
  perfStamp: Int32Array;
  /** Columns for one evaluation's answers (tallyContact), reused. */
  scratch: AnswerColumns;
  /** The edition's facts the hot loop reads, taken out of the compiled objects once. */
  table: QuestionTable;
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
  /**
   * The company sums the contact's parts are added to while it is summed up (scoreCompanies: each part's figures
   * are at hand there, so they are not read again); undefined when the contact is scored on its own.
   */
  companySums: CompanySums | undefined;
}

export function createTally(compiled: CompiledEdition): ContactTally {
  const p = compiled.performances.length;
  const a = compiled.areas.length;
  return {
    channelIndex: -1,
    outcome: 'unanswered',
    answered: false,
    total: Number.NaN,
    waitingPoints: Number.NaN,
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
    perfOrdered: true,
    touchedAreas: new Int32Array(a),
    areaCount: 0,
    perfStamp: new Int32Array(p),
    scratch: {
      answerQuestion: new Int32Array(0),
      answerOption: new Int32Array(0),
      answerNotApplicable: new Uint8Array(0),
    },
    table: compiled.table,
    performanceArea: Int32Array.from(compiled.performances, (performance) => performance.areaIndex),
    areaCountsInTotal: Uint8Array.from(compiled.areas, (area) => (area.countsInTotal ? 1 : 0)),
    areaWeight: Float64Array.from(compiled.areas, (area) => area.weight),
    weightedAreas: compiled.edition.scoring.areaWeighting === 'weighted',
    ...shadowParts(compiled),
    companySums: undefined,
  };
}

/**
 * The parts whose shadow figures equal their real ones in every contact: every question in them (on every
 * channel) is scored and earns the same points as if scored (a question whose options all have points keeps
 * them: shadowOptionPoints). Such a part's shadow earned and possible get the very numbers its real earned and
 * possible get, in the same order, and critical answers zero both, so the percentages and every sum over
 * contacts are the same to the last bit. An area is such a part when all its performances are.
 */
export function shadowParts(compiled: CompiledEdition): {
  perfShadowSame: Uint8Array;
  areaShadowSame: Uint8Array;
} {
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
  const channel = compiled.channels.get(evaluation.channel);
  const outcome = channel
    ? contactOutcome(channel.rule, evaluation.answered, evaluation.waitingTime)
    : 'unanswered';
  t.waitingPoints = channel
    ? (outcomeWaitingPoints(channel.rule, outcome, evaluation.waitingTime) ?? Number.NaN)
    : Number.NaN;
  if (startContact(t, channel, outcome) && channel) {
    // The answers as a batch of one, named by the edition's own numbers (question and option rows), so that
    // they go through the same loop as a batch's.
    const answers = evaluation.answers;
    const columns = scratchColumns(t, answers.length);
    const { optionStart } = t.table;
    let n = 0;
    for (let i = 0; i < answers.length; i++) {
      const answer = answers[i] as Evaluation['answers'][number];
      const q = channel.questions.get(answer.questionKey);
      if (q === undefined) continue;
      const o = answer.optionKey === null ? -1 : (q.optionIndex.get(answer.optionKey) ?? -1);
      columns.answerQuestion[n] = q.index;
      columns.answerOption[n] = o < 0 ? -1 : (optionStart[q.index] as number) + o;
      columns.answerNotApplicable[n] = answer.notApplicable ? 1 : 0;
      n++;
    }
    tallyAnswers(t, columns, t.table.rows, 0, 0, n);
  }
  finishContact(t, channel);
}

/** The tally's columns for one evaluation's answers, grown to hold `count`. */
function scratchColumns(t: ContactTally, count: number): AnswerColumns {
  if (t.scratch.answerQuestion.length < count) {
    const size = Math.max(count, 2 * t.scratch.answerQuestion.length);
    t.scratch = {
      answerQuestion: new Int32Array(size),
      answerOption: new Int32Array(size),
      answerNotApplicable: new Uint8Array(size),
    };
  }
  return t.scratch;
}

/**
 * What scoring reads of each contact of a batch besides its answers, in columns (filled while the contacts are
 * grouped by company, in input order), so that scoring a contact reads no contact object.
 */
export interface ContactColumns {
  /** The compiled channel's index, −1 for a channel the edition does not have. */
  channel: Int32Array;
  /** The contact's outcome under its channel's waiting rule, as a position in CONTACT_OUTCOMES. */
  outcome: Uint8Array;
  /** Its waiting points (outcomeWaitingPoints), NaN for none. */
  waitingPoints: Float64Array;
}

/** The outcomes by their number in ContactColumns.outcome. */
const CONTACT_OUTCOMES: readonly ContactOutcome[] = [
  'answered',
  'lateAnswerCounted',
  'answeredTooLate',
  'unanswered',
];

export function createContactColumns(count: number): ContactColumns {
  return {
    channel: new Int32Array(count),
    outcome: new Uint8Array(count),
    waitingPoints: new Float64Array(count),
  };
}

/**
 * Puts contact `i`'s header into the columns, judged by its channel's waiting rule here: the waiting time is
 * read from the contact (a value already), where the scoring loop would box it in a new heap number per contact
 * to pass it on.
 */
export function setContactColumns(
  compiled: CompiledEdition,
  columns: ContactColumns,
  i: number,
  contact: ContactHeader,
): void {
  const channel = compiled.channels.get(contact.channel);
  const outcome = channel
    ? contactOutcome(channel.rule, contact.answered, contact.waitingTime)
    : 'unanswered';
  columns.channel[i] = channel ? channel.index : -1;
  columns.outcome[i] = CONTACT_OUTCOMES.indexOf(outcome);
  columns.waitingPoints[i] = channel
    ? (outcomeWaitingPoints(channel.rule, outcome, contact.waitingTime) ?? Number.NaN)
    : Number.NaN;
}

/** tallyContact for contact `i` of a batch: the same steps, the contact read from columns. */
export function tallyBatchContact(
  compiled: CompiledEdition,
  resolved: ResolvedBatch,
  columns: ContactColumns,
  i: number,
  t: ContactTally,
): void {
  const c = columns.channel[i] as number;
  const channel = c >= 0 ? compiled.channelList[c] : undefined;
  t.waitingPoints = columns.waitingPoints[i] as number;
  if (startContact(t, channel, CONTACT_OUTCOMES[columns.outcome[i] as number] as ContactOutcome) && channel) {
    const { batch } = resolved;
    const base = channel.index * resolved.slots;
    tallyAnswers(
      t,
      batch,
      resolved,
      base,
      batch.answerStart[i] as number,
      batch.answerStart[i + 1] as number,
    );
  }
  finishContact(t, channel);
}

/**
 * The contacts scoreCompanies scores: a batch (resolved, with its header columns) or evaluations. Its loop calls
 * tallyContactAt directly: a closure per kind of input made that call site see two functions, and no call was
 * inlined.
 */
export interface ContactSource {
  evaluations: readonly Evaluation[];
  resolved: ResolvedBatch | undefined;
  columns: ContactColumns | undefined;
}

/** Tallies contact `i` of `source` into `t`. */
export function tallyContactAt(
  compiled: CompiledEdition,
  source: ContactSource,
  i: number,
  t: ContactTally,
): void {
  if (source.resolved !== undefined && source.columns !== undefined)
    tallyBatchContact(compiled, source.resolved, source.columns, i, t);
  else tallyContact(compiled, source.evaluations[i] as Evaluation, t);
}

/**
 * Starts a new contact (a new stamp: every entry of the last contact becomes stale, nothing is cleared) on
 * `channel` (undefined: one the edition does not have) with the outcome its waiting rule gave; returns whether
 * the contact's answers count (answered in time, or late where late answers count).
 */
function startContact(
  t: ContactTally,
  channel: CompiledChannel | undefined,
  outcome: ContactOutcome,
): boolean {
  nextStamp(t);
  t.perfCount = 0;
  t.perfOrdered = true;
  t.areaCount = 0;
  if (t.contactZeroed || t.anyAreaZeroed) t.areaZeroed.fill(0);
  t.contactZeroed = false;
  t.anyAreaZeroed = false;
  if (t.anyCx) {
    // A loop, not fill(): for a handful of entries the call into the builtin costs more than the writes.
    const { cx } = t;
    for (let m = 0; m < cx.length; m++) cx[m] = Number.NaN;
    t.anyCx = false;
  }
  t.channelIndex = channel ? channel.index : -1;
  t.outcome = outcome;
  t.answered = countsAsAnswered(outcome);
  if (!t.answered || !channel) return false;
  // The waiting questions' performances first: their points come after the answers, and touched in answer
  // order they would have to be moved to the front (they are usually the edition's first). Touching a part
  // that then gets nothing (waiting time N/A) adds only zeros.
  const { waitingQuestions } = channel;
  for (let i = 0; i < waitingQuestions.length; i++)
    touch(t, (waitingQuestions[i] as CompiledQuestion).performanceIndex);
  return true;
}

/** The next stamp; before the Int32 stamps would overflow, every stamp is reset (once per 2^30 contacts). */
function nextStamp(t: ContactTally): void {
  if (t.stamp >= 0x3fffffff) {
    t.seen.fill(0);
    t.notApplicable.fill(0);
    t.perfStamp.fill(0);
    t.stamp = 0;
  }
  t.stamp++;
}

/** Lists performance `p` as touched by the current contact (once), its entries starting from 0. */
function touch(t: ContactTally, p: number): void {
  if (t.perfStamp[p] !== t.stamp) startPerformance(t, p);
}

/** The first time the current contact touches performance `p`: lists it and starts its entries from 0. */
function startPerformance(t: ContactTally, p: number): void {
  t.perfStamp[p] = t.stamp;
  if (t.perfCount > 0 && (t.touchedPerformances[t.perfCount - 1] as number) > p) t.perfOrdered = false;
  t.touchedPerformances[t.perfCount++] = p;
  t.perfEarned[p] = 0;
  t.perfPossible[p] = 0;
  t.perfShadowEarned[p] = 0;
  t.perfShadowPossible[p] = 0;
}

/** Answers in columns (an EvaluationBatch, or one evaluation's answers in the tally's scratch columns). */
export interface AnswerColumns {
  /** Per answer: its question slot in the dictionary, −1 to skip. */
  answerQuestion: Int32Array;
  /** Per answer: its option slot in the dictionary, −1 for none. */
  answerOption: Int32Array;
  answerNotApplicable: Uint8Array;
}

/**
 * Answers from..to − 1 of one contact (`base`: its channel's offset in dictionary.slotQuestion). Each answer is
 * a few typed-array reads and additions: everything the loop reads is taken into locals first (property reads
 * of `t` inside the loop cost more than the arithmetic), what an answer adds is read by its option from two
 * interleaved arrays, and the sums of the performance being answered stay in locals while its answers follow one
 * another (adding into the arrays would make each addition wait for the store before it). The additions are the
 * same, in the same order. Per question, only its first answer counts; "not applicable" leaves it out (and, for a
 * waiting question, its waiting points); a waiting question's points come from the waiting time (finishContact).
 * A performance whose shadow figures equal its real ones (perfShadowSame) adds no shadow figures per answer: its
 * shadow sums get its real sums when it is written back, the very numbers the shadow additions would have made.
 */
function tallyAnswers(
  t: ContactTally,
  columns: AnswerColumns,
  dictionary: AnswerDictionary,
  base: number,
  from: number,
  to: number,
): void {
  const { answerQuestion, answerOption, answerNotApplicable } = columns;
  const { slotQuestion, optionQuestion, optionNumbers, optionFacts } = dictionary;
  const { seen, notApplicable, perfStamp, perfEarned, perfPossible, perfShadowEarned, perfShadowPossible } =
    t;
  const { perfShadowSame } = t;
  const stamp = t.stamp;
  let current = -1;
  // Whether the current performance's shadow figures are its real ones.
  let shadowSame = false;
  // The last performance listed (the list is sorted in sumUp only when one came before a smaller one).
  let last = t.perfCount > 0 ? (t.touchedPerformances[t.perfCount - 1] as number) : -1;
  let earned = 0;
  let possible = 0;
  let shadowEarned = 0;
  let shadowPossible = 0;
  for (let a = from; a < to; a++) {
    const slot = answerQuestion[a] as number;
    if (slot < 0) continue;
    const q = slotQuestion[base + slot] as number;
    if (q < 0 || seen[q] === stamp) continue;
    seen[q] = stamp;
    if (answerNotApplicable[a] === 1) {
      notApplicable[q] = stamp;
      continue;
    }
    const option = answerOption[a] as number;
    if (option < 0 || optionQuestion[option] !== slot) continue;
    const facts = option * OPTION_FACTS;
    const p = optionFacts[facts + PERFORMANCE] as number;
    if (p < 0) continue;
    const f = optionFacts[facts + FLAGS] as number;
    const numbers = option * OPTION_NUMBERS;
    const m = optionFacts[facts + CX_METRIC] as number;
    if (m >= 0) {
      t.cx[m] = optionNumbers[numbers + CX_VALUE] as number;
      t.anyCx = true;
    }
    if (p !== current) {
      if (current >= 0) {
        perfEarned[current] = earned;
        perfPossible[current] = possible;
        perfShadowEarned[current] = shadowSame ? earned : shadowEarned;
        perfShadowPossible[current] = shadowSame ? possible : shadowPossible;
      }
      current = p;
      shadowSame = perfShadowSame[p] === 1;
      if (perfStamp[p] !== stamp) {
        // First touched: listed, its sums start from 0 (written to the arrays when the next one comes).
        perfStamp[p] = stamp;
        if (p < last) t.perfOrdered = false;
        last = p;
        t.touchedPerformances[t.perfCount++] = p;
        earned = 0;
        possible = 0;
        shadowEarned = 0;
        shadowPossible = 0;
      } else {
        earned = perfEarned[p] as number;
        possible = perfPossible[p] as number;
        shadowEarned = perfShadowEarned[p] as number;
        shadowPossible = perfShadowPossible[p] as number;
      }
    }
    const points = optionNumbers[numbers + POINTS] as number;
    if (!shadowSame) {
      shadowEarned += optionNumbers[numbers + SHADOW_POINTS] as number;
      if ((f & BONUS) === 0) shadowPossible += optionNumbers[numbers + MAX_SHADOW_POINTS] as number;
      if ((f & SCORED) === 0) continue;
    }
    earned += points;
    if ((f & BONUS) === 0) possible += optionNumbers[numbers + MAX_POINTS] as number;
    if ((f & CRITICAL) !== 0 && points === 0) criticalAnswer(t, q, f);
  }
  if (current >= 0) {
    perfEarned[current] = earned;
    perfPossible[current] = possible;
    perfShadowEarned[current] = shadowSame ? earned : shadowEarned;
    perfShadowPossible[current] = shadowSame ? possible : shadowPossible;
  }
}

/** Adds the waiting-time points (unless answered N/A) and sums the contact up. */
function finishContact(t: ContactTally, channel: CompiledChannel | undefined): void {
  const points = t.waitingPoints;
  if (t.answered && channel && !Number.isNaN(points)) {
    const { waitingQuestions } = channel;
    const flags = t.table.flags;
    for (let i = 0; i < waitingQuestions.length; i++) {
      const q = waitingQuestions[i] as CompiledQuestion;
      // The channel's maximum, not the table's: it is its best waiting band.
      if (t.notApplicable[q.index] !== t.stamp)
        addPoints(t, q.index, flags[q.index] as number, points, points, q.maxPoints, q.maxShadowPoints);
    }
  }
  sumUp(t);
}

/** Question `q` (flags: its QuestionTable flags) earns `points` (`shadow` as if scored) of `max` (`maxShadow`). */
function addPoints(
  t: ContactTally,
  q: number,
  flags: number,
  points: number,
  shadow: number,
  max: number,
  maxShadow: number,
) {
  const p = t.table.performance[q] as number;
  touch(t, p);
  t.perfShadowEarned[p] = (t.perfShadowEarned[p] as number) + shadow;
  if ((flags & BONUS) === 0) t.perfShadowPossible[p] = (t.perfShadowPossible[p] as number) + maxShadow;
  if ((flags & SCORED) === 0) return;
  t.perfEarned[p] = (t.perfEarned[p] as number) + points;
  if ((flags & BONUS) === 0) t.perfPossible[p] = (t.perfPossible[p] as number) + max;
  if ((flags & CRITICAL) !== 0 && points === 0) criticalAnswer(t, q, flags);
}

/** A 0-point answer to critical question `q` zeroes its area, or the contact (docs/scoring.md, "Critical"). */
function criticalAnswer(t: ContactTally, q: number, flags: number): void {
  // A critical answer outside the total's areas can only zero its own area.
  const a = t.table.area[q] as number;
  if ((flags & CRITICAL_CONTACT) !== 0 && t.areaCountsInTotal[a] === 1) t.contactZeroed = true;
  else {
    t.areaZeroed[a] = 1;
    t.anyAreaZeroed = true;
  }
}

/**
 * Applies critical zeroing, sums performances into areas and computes the contact total. Only the touched
 * performances are visited, in ascending order, so every sum adds the same numbers in the same order as a
 * pass over all of them would (the others add 0). An area's sums are kept in locals while its performances
 * (consecutive: they are numbered area by area) are added, then written once, and its share of the total is
 * taken right away: no area entry is cleared or read back. With `companySums` set, each performance and area is
 * added to the company's sums here too, in the same ascending order, as its figures are at hand.
 */
function sumUp(t: ContactTally) {
  const perfs = t.touchedPerformances;
  const n = t.perfCount;
  // Insertion sort, when needed: answers mostly come in edition order.
  for (let i = t.perfOrdered ? n : 1; i < n; i++) {
    const p = perfs[i] as number;
    let j = i - 1;
    while (j >= 0 && (perfs[j] as number) > p) {
      perfs[j + 1] = perfs[j] as number;
      j--;
    }
    perfs[j + 1] = p;
  }
  const { areaZeroed, performanceArea, touchedAreas, areaCountsInTotal, areaWeight } = t;
  const { perfEarned, perfPossible, perfShadowEarned, perfShadowPossible } = t;
  if (t.contactZeroed) {
    for (let a = 0; a < areaZeroed.length; a++) if (areaCountsInTotal[a] === 1) areaZeroed[a] = 1;
  }
  let areaCount = 0;
  let weightedSum = 0;
  let weightSum = 0;
  let earnedSum = 0;
  let possibleSum = 0;
  const { areaShadowSame, perfShadowSame, companySums } = t;
  let k = 0;
  while (k < n) {
    const a = performanceArea[perfs[k] as number] as number;
    const zeroed = areaZeroed[a] === 1;
    // An area whose shadow figures are its real ones (all its performances' are) sums no shadow figures.
    const shadowSame = areaShadowSame[a] === 1;
    let earned = 0;
    let possible = 0;
    let shadowEarned = 0;
    let shadowPossible = 0;
    for (; k < n; k++) {
      const p = perfs[k] as number;
      if (performanceArea[p] !== a) break;
      if (zeroed) {
        perfEarned[p] = 0;
        perfShadowEarned[p] = 0;
      }
      earned += perfEarned[p] as number;
      possible += perfPossible[p] as number;
      if (companySums !== undefined) {
        // A part whose shadow figures are its real ones keeps no shadow sums (copyShadowSame copies them).
        const sums = companySums.performanceSums;
        addContactFigures(sums, p * SLOTS, perfEarned[p] as number, perfPossible[p] as number);
        if (perfShadowSame[p] === 0)
          addContactFigures(
            sums,
            p * SLOTS + SHADOW_N,
            perfShadowEarned[p] as number,
            perfShadowPossible[p] as number,
          );
      }
      if (shadowSame) continue;
      shadowEarned += perfShadowEarned[p] as number;
      shadowPossible += perfShadowPossible[p] as number;
    }
    touchedAreas[areaCount++] = a;
    t.areaEarned[a] = earned;
    t.areaPossible[a] = possible;
    t.areaShadowEarned[a] = shadowSame ? earned : shadowEarned;
    t.areaShadowPossible[a] = shadowSame ? possible : shadowPossible;
    if (companySums !== undefined) {
      const sums = companySums.areaSums;
      addContactFigures(sums, a * SLOTS, earned, possible);
      if (!shadowSame) addContactFigures(sums, a * SLOTS + SHADOW_N, shadowEarned, shadowPossible);
    }
    if (areaCountsInTotal[a] === 0 || possible <= 0) continue;
    const weight = areaWeight[a] as number;
    // percentage(), written out here and below: a call that is not inlined returns a new heap number.
    weightedSum += weight * Math.min((earned / possible) * 100, 100);
    weightSum += weight;
    earnedSum += earned;
    possibleSum += possible;
  }
  t.areaCount = areaCount;
  if (!t.answered || t.contactZeroed) t.total = 0;
  else if (t.weightedAreas) t.total = weightSum > 0 ? weightedSum / weightSum : Number.NaN;
  else t.total = possibleSum > 0 ? Math.min((earnedSum / possibleSum) * 100, 100) : Number.NaN;
}

/**
 * Sets the entries of every part the current contact did not touch to 0, for a reader of every part
 * (scoreContact); the scoring loop reads only the touched ones.
 */
export function zeroUntouched(t: ContactTally): void {
  for (let p = 0; p < t.perfStamp.length; p++) {
    if (t.perfStamp[p] === t.stamp) continue;
    t.perfEarned[p] = 0;
    t.perfPossible[p] = 0;
    t.perfShadowEarned[p] = 0;
    t.perfShadowPossible[p] = 0;
  }
  // touchedAreas is ascending: walk it beside the areas.
  let k = 0;
  for (let a = 0; a < t.areaEarned.length; a++) {
    if (k < t.areaCount && t.touchedAreas[k] === a) {
      k++;
      continue;
    }
    t.areaEarned[a] = 0;
    t.areaPossible[a] = 0;
    t.areaShadowEarned[a] = 0;
    t.areaShadowPossible[a] = 0;
  }
}
