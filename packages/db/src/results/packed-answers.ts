/**
 * An answer packed into one integer so that the results read sends one short number per answer instead of
 * three columns (the answers of ~5,000 evaluations are ~200,000 rows): (questionId · 2 + notApplicable) · 10¹⁰
 * + (optionId + 1, 0 when no option). Option ids are int4, so the low ten decimal digits always hold them
 * whole; question ids fit up to 461,168,601, beyond which PostgreSQL raises "bigint out of range" rather than
 * overflow, so a value is never silently wrong.
 */
export const PACKED_ANSWER_SQL = `(("questionId"::int8 * 2 + "notApplicable"::int) * 10000000000 + coalesce("optionId", -1) + 1)`;

const LOW_DIGITS = 10;

/** Unpacked answers in columns: database ids, optionId −1 when no option was chosen. */
export interface AnswerColumns {
  questionId: Int32Array;
  optionId: Int32Array;
  notApplicable: Uint8Array;
}

/**
 * Reads a comma-separated list of packed answers (PACKED_ANSWER_SQL, string_agg'ed) into `into` from position
 * `at`, in one pass without allocating: the two halves are parsed separately, so every value stays exact in a
 * double. Returns the position after the last answer.
 */
export function unpackAnswers(packed: string, into: AnswerColumns, at: number): number {
  if (packed.length === 0) return at;
  let a = at;
  let start = 0;
  for (let i = 0; i <= packed.length; i++) {
    if (i < packed.length && packed.charCodeAt(i) !== 44 /* , */) continue;
    const split = Math.max(i - LOW_DIGITS, start);
    let high = 0;
    for (let j = start; j < split; j++) high = high * 10 + (packed.charCodeAt(j) - 48);
    let low = 0;
    for (let j = split; j < i; j++) low = low * 10 + (packed.charCodeAt(j) - 48);
    const notApplicable = high % 2;
    into.questionId[a] = (high - notApplicable) / 2;
    into.optionId[a] = low - 1;
    into.notApplicable[a] = notApplicable;
    a++;
    start = i + 1;
  }
  return a;
}
