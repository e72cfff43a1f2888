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

/**
 * How answers name their question and option (contact-tally's AnswerColumns): a ResolvedBatch, or the
 * QuestionTable's own rows (QuestionTable.rows).
 */
export interface AnswerDictionary {
  /** At channel base + slot: the question's row in the QuestionTable, −1 when not asked on the channel. */
  slotQuestion: Int32Array;
  /** Per option slot: its question slot (an answer's option only counts when it is its question's). */
  optionQuestion: Int32Array;
  /** Per option slot: its row in the QuestionTable's options, −1 when the question has no such option. */
  optionRow: Int32Array;
}

/**
 * The edition's questions and their options in flat typed arrays, indexed by the question's place in the edition
 * (CompiledQuestion.index) and by option (optionStart[q] + the option's position), so that scoring an answer reads
 * a few numbers instead of a compiled question object (whose arrays mix integer and fractional points, so every
 * read of them dispatches on the array's kind). A question's figures are the same on every channel it is asked on,
 * except the waiting questions' maximum (their channel's best band), which the tally takes from the channel.
 */
export interface QuestionTable {
  performance: Int32Array;
  area: Int32Array;
  /** SCORED | BONUS | WAITING_TIME | CRITICAL_CONTACT | CRITICAL_AREA. */
  flags: Uint8Array;
  maxPoints: Float64Array;
  maxShadowPoints: Float64Array;
  /** Position of the question's CX metric in CX_METRICS, −1 for none. */
  cx: Int32Array;
  /** Question q's options are at optionStart[q] … optionStart[q + 1] − 1 (length: questions + 1). */
  optionStart: Int32Array;
  optionPoints: Float64Array;
  optionShadowPoints: Float64Array;
  /** The option's CX value, NaN for none. */
  optionValue: Float64Array;
  /** Answers named by these rows (one evaluation's, tallyContact): the dictionary that maps every row to itself. */
  rows: AnswerDictionary;
}

/** Lays out the questions of the compiled channels (questionCount: every question of the edition, comments too). */
export function questionTable(channelList: readonly CompiledChannel[], questionCount: number): QuestionTable {
  const performance = new Int32Array(questionCount);
  const area = new Int32Array(questionCount);
  const flags = new Uint8Array(questionCount);
  const maxPoints = new Float64Array(questionCount);
  const maxShadowPoints = new Float64Array(questionCount);
  const cx = new Int32Array(questionCount).fill(-1);
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
      maxPoints[q.index] = q.maxPoints;
      maxShadowPoints[q.index] = q.maxShadowPoints;
      cx[q.index] = q.cxIndex;
      optionCount[q.index] = q.optionPoints.length;
    }
  }
  const optionStart = new Int32Array(questionCount + 1);
  for (let q = 0; q < questionCount; q++)
    optionStart[q + 1] = (optionStart[q] as number) + (optionCount[q] as number);
  const options = optionStart[questionCount] as number;
  const optionPoints = new Float64Array(options);
  const optionShadowPoints = new Float64Array(options);
  const optionValue = new Float64Array(options).fill(Number.NaN);
  first.forEach((q, index) => {
    if (q === undefined) return;
    const start = optionStart[index] as number;
    q.optionPoints.forEach((points, o) => {
      optionPoints[start + o] = points;
      optionShadowPoints[start + o] = q.optionShadowPoints[o] as number;
      optionValue[start + o] = q.optionValues[o] ?? Number.NaN;
    });
  });
  const optionQuestion = new Int32Array(options);
  for (let q = 0; q < questionCount; q++) optionQuestion.fill(q, optionStart[q], optionStart[q + 1]);
  const rows: AnswerDictionary = {
    slotQuestion: Int32Array.from({ length: questionCount }, (_, q) => (first[q] === undefined ? -1 : q)),
    optionQuestion,
    optionRow: Int32Array.from({ length: options }, (_, o) => o),
  };
  return {
    performance,
    area,
    flags,
    maxPoints,
    maxShadowPoints,
    cx,
    optionStart,
    optionPoints,
    optionShadowPoints,
    optionValue,
    rows,
  };
}
