import type { CompiledChannel, CompiledQuestion } from './compile-edition';

/** Bits of QuestionTable.flags. */
export const SCORED = 1;
export const BONUS = 2;
export const WAITING_TIME = 4;
/** A 0-point answer zeroes the contact (critical: 'contact'). */
export const CRITICAL_CONTACT = 8;
/** A 0-point answer zeroes the question's area (critical: 'area'). */
export const CRITICAL_AREA = 16;
export const CRITICAL = CRITICAL_CONTACT | CRITICAL_AREA;

/** Per option, OPTION_NUMBERS numbers: its points, its shadow points, its question's maximum and shadow maximum, its CX value (NaN for none). */
export const OPTION_NUMBERS = 5;
export const POINTS = 0;
export const SHADOW_POINTS = 1;
export const MAX_POINTS = 2;
export const MAX_SHADOW_POINTS = 3;
export const CX_VALUE = 4;
/** Per option, OPTION_FACTS integers: its question's performance (−1: an answer with it scores nothing), flags, CX metric (−1 for none). */
export const OPTION_FACTS = 3;
export const PERFORMANCE = 0;
export const FLAGS = 1;
export const CX_METRIC = 2;

/**
 * How answers name their question and option (contact-tally's AnswerColumns): a ResolvedBatch, or the
 * QuestionTable's own rows (QuestionTable.rows). Everything an answer adds is read by its option, in two
 * interleaved arrays (OPTION_NUMBERS and OPTION_FACTS per option): few arrays, neighbouring entries.
 */
export interface AnswerDictionary {
  /** At channel base + slot: the question's row in the QuestionTable, −1 when not asked on the channel. */
  slotQuestion: Int32Array;
  /** Per option slot: its question slot (an answer's option only counts when it is its question's). */
  optionQuestion: Int32Array;
  optionNumbers: Float64Array;
  optionFacts: Int32Array;
}

/**
 * The edition's questions and their options in flat typed arrays, indexed by the question's place in the edition
 * (CompiledQuestion.index) and by option row (optionStart[q] + the option's position), so that scoring an answer
 * reads a few numbers instead of a compiled question object (whose arrays mix integer and fractional points, so
 * every read of them dispatches on the array's kind). A question's figures are the same on every channel it is
 * asked on, except the waiting questions' maximum (their channel's best band), which the tally takes from the
 * channel.
 */
export interface QuestionTable {
  performance: Int32Array;
  area: Int32Array;
  /** SCORED | BONUS | WAITING_TIME | CRITICAL_CONTACT | CRITICAL_AREA. */
  flags: Uint8Array;
  /** Question q's options are at rows optionStart[q] … optionStart[q + 1] − 1 (length: questions + 1). */
  optionStart: Int32Array;
  /** Answers named by these rows (one evaluation's, tallyContact): every question and option row names itself. */
  rows: AnswerDictionary;
}

/** Lays out the questions of the compiled channels (questionCount: every question of the edition, comments too). */
export function questionTable(channelList: readonly CompiledChannel[], questionCount: number): QuestionTable {
  const performance = new Int32Array(questionCount);
  const area = new Int32Array(questionCount);
  const flags = new Uint8Array(questionCount);
  const optionCount = new Int32Array(questionCount);
  const first = new Array<CompiledQuestion | undefined>(questionCount);
  for (const channel of channelList) {
    for (const q of channel.questions.values()) {
      if (first[q.index] !== undefined) continue;
      first[q.index] = q;
      performance[q.index] = q.performanceIndex;
      area[q.index] = q.areaIndex;
      flags[q.index] =
        (q.scored ? SCORED : 0) |
        (q.bonus ? BONUS : 0) |
        (q.isWaitingTime ? WAITING_TIME : 0) |
        (q.critical === 'contact' ? CRITICAL_CONTACT : 0) |
        (q.critical === 'area' ? CRITICAL_AREA : 0);
      optionCount[q.index] = q.optionPoints.length;
    }
  }
  const optionStart = new Int32Array(questionCount + 1);
  for (let q = 0; q < questionCount; q++)
    optionStart[q + 1] = (optionStart[q] as number) + (optionCount[q] as number);
  const options = optionStart[questionCount] as number;
  const optionQuestion = new Int32Array(options);
  const optionNumbers = new Float64Array(options * OPTION_NUMBERS);
  const optionFacts = new Int32Array(options * OPTION_FACTS);
  first.forEach((q, index) => {
    if (q === undefined) return;
    for (let o = 0; o < q.optionPoints.length; o++) {
      const row = (optionStart[index] as number) + o;
      optionQuestion[row] = index;
      const numbers = row * OPTION_NUMBERS;
      optionNumbers[numbers + POINTS] = q.optionPoints[o] as number;
      optionNumbers[numbers + SHADOW_POINTS] = q.optionShadowPoints[o] as number;
      optionNumbers[numbers + MAX_POINTS] = q.maxPoints;
      optionNumbers[numbers + MAX_SHADOW_POINTS] = q.maxShadowPoints;
      optionNumbers[numbers + CX_VALUE] = q.optionValues[o] ?? Number.NaN;
      const facts = row * OPTION_FACTS;
      // A waiting question's points come from the waiting time, never from an answer's option.
      optionFacts[facts + PERFORMANCE] = q.isWaitingTime ? -1 : q.performanceIndex;
      optionFacts[facts + FLAGS] = flags[index] as number;
      optionFacts[facts + CX_METRIC] = q.cxIndex;
    }
  });
  const rows: AnswerDictionary = {
    slotQuestion: Int32Array.from({ length: questionCount }, (_, q) => (first[q] === undefined ? -1 : q)),
    optionQuestion,
    optionNumbers,
    optionFacts,
  };
  return { performance, area, flags, optionStart, rows };
}
