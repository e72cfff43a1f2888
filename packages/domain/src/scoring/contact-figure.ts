/**
 * Stored per-contact figures (totals, percentages, points: ContactContribution) are integers in units of 2^−40
 * (about 9·10^−13, far below anything shown or ranked on). Integer sums are exact, so a database adds them up to
 * the same result in any order — in a parallel GROUP BY, on every replica, on every read — and the results
 * summed from stored figures never differ from one read to the next. Up to 8,192 points per contact stay exact
 * in a double before summing.
 */
export const STORED_FIGURE_SCALE = 2 ** 40;

/** A figure as stored units: the nearest integer of `value × STORED_FIGURE_SCALE`. */
export function toStoredUnits(value: number): number {
  return Math.round(value * STORED_FIGURE_SCALE);
}

/** A sum of stored units (as the nearest double to the exact sum) back as a figure. */
export function fromStoredUnits(units: number): number {
  return units / STORED_FIGURE_SCALE;
}
