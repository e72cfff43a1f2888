/** earned / possible as a percentage, capped at 100 (bonus points can push earned past possible); null when nothing was possible. */
export function percentage(earned: number, possible: number): number | null {
  if (possible <= 0) return null;
  const value = (earned / possible) * 100;
  return Math.min(value, 100);
}
