import { NO_OPTION } from '../repositories/stored-answers';

/**
 * The results read sends an evaluation's stored answer arrays as three short texts rather than as arrays the
 * driver would turn into JavaScript arrays (~150,000 numbers for ~5,000 evaluations): the question ids and the
 * option ids comma-separated (`array_to_string`), and "not applicable" as one digit per answer.
 */
export const ANSWER_LISTS_SQL = (alias: string) =>
  `array_to_string(${alias}."answerQuestionIds", ',') AS "questionIds",
       array_to_string(${alias}."answerOptionIds", ',') AS "optionIds",
       array_to_string(${alias}."answerNotApplicable"::int[], '') AS "notApplicable"`;

/** The three texts of ANSWER_LISTS_SQL for one evaluation ('' when it has no answers). */
export interface AnswerLists {
  questionIds: string;
  optionIds: string;
  notApplicable: string;
}

/** Unpacked answers in columns: database ids, optionId −1 when no option was chosen. */
export interface AnswerColumns {
  questionId: Int32Array;
  optionId: Int32Array;
  notApplicable: Uint8Array;
}

/** Reads comma-separated non-negative integers into `into` from `at` without allocating; returns the position after the last. */
function readIntegers(list: string, into: Int32Array, at: number): number {
  if (list.length === 0) return at;
  let a = at;
  let value = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === 44 /* , */) {
      into[a++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  into[a++] = value;
  return a;
}

/**
 * Reads one evaluation's ANSWER_LISTS_SQL texts into `into` from position `at`. NO_OPTION becomes −1.
 * Returns the position after the last answer.
 */
export function unpackAnswers(lists: AnswerLists, into: AnswerColumns, at: number): number {
  const end = readIntegers(lists.questionIds, into.questionId, at);
  if (readIntegers(lists.optionIds, into.optionId, at) !== end || lists.notApplicable.length !== end - at)
    throw new Error('results read: the answer arrays of an evaluation are not parallel');
  for (let a = at; a < end; a++) {
    if (into.optionId[a] === NO_OPTION) into.optionId[a] = -1;
    into.notApplicable[a] = lists.notApplicable.charCodeAt(a - at) - 48;
  }
  return end;
}
