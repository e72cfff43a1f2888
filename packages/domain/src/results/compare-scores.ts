/** Scores closer than this are a tie: float noise must not decide a winner. */
export const SCORE_TIE_TOLERANCE = 1e-9;

/** Orders two scores highest first; a missing score comes last. */
export function compareScoresDesc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (Math.abs(a - b) <= SCORE_TIE_TOLERANCE) return 0;
  return b - a;
}
