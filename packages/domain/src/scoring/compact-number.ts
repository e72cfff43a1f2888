/**
 * The same number, as a small integer when it is one. A figure computed in doubles (a sum read from a
 * Float64Array) is stored in a result object as a heap number of its own even when it is a whole number; as a
 * small integer it is stored in the object itself. A company's result has about two hundred figures, most of
 * them whole (counts, sums of points), and every heap number is garbage to collect later. −0 stays −0.
 */
export function compactNumber(value: number): number {
  const small = value | 0;
  return small === value && (small !== 0 || 1 / value > 0) ? small : value;
}
