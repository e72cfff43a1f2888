/**
 * An answer packed into one integer so that the results read sends one short number per answer instead of
 * three columns (the answers of ~5,000 evaluations are ~200,000 rows): (questionId · 2 + notApplicable) · 10¹⁰
 * + (optionId + 1, 0 when no option). Option ids are int4, so the low ten decimal digits always hold them
 * whole; question ids fit up to 461,168,601, beyond which PostgreSQL raises "bigint out of range" rather than
 * overflow, so a value is never silently wrong.
 */
export const PACKED_ANSWER_SQL = `(("questionId"::int8 * 2 + "notApplicable"::int) * 10000000000 + coalesce("optionId", -1) + 1)`;

const LOW_DIGITS = 10;

/** Receives each answer of a packed list: optionId is −1 when no option was chosen. */
export type PackedAnswerSink = (questionId: number, optionId: number, notApplicable: boolean) => void;

/**
 * Reads a comma-separated list of packed answers (PACKED_ANSWER_SQL, string_agg'ed) in one pass without
 * allocating: the two halves are parsed separately, so every value stays exact in a double.
 */
export function unpackAnswers(packed: string, sink: PackedAnswerSink): void {
  if (packed.length === 0) return;
  let start = 0;
  for (let i = 0; i <= packed.length; i++) {
    if (i < packed.length && packed.charCodeAt(i) !== 44 /* , */) continue;
    const split = Math.max(i - LOW_DIGITS, start);
    let high = 0;
    for (let j = start; j < split; j++) high = high * 10 + (packed.charCodeAt(j) - 48);
    let low = 0;
    for (let j = split; j < i; j++) low = low * 10 + (packed.charCodeAt(j) - 48);
    const notApplicable = high % 2 === 1;
    sink((high - (notApplicable ? 1 : 0)) / 2, low - 1, notApplicable);
    start = i + 1;
  }
}
