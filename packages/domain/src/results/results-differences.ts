import { SCORE_TIE_TOLERANCE } from './compare-scores';

/**
 * Where two results (any plain JSON-like values) differ: the paths of the values that are not equal, numbers
 * compared within `tolerance` (relative above 1). Sums of the same figures added in another order differ in
 * the last bits only; anything a ranking or a display could see is reported. Used to prove that results from
 * stored figures equal results from raw answers.
 */
export function resultsDifferences(
  a: unknown,
  b: unknown,
  tolerance = SCORE_TIE_TOLERANCE,
  path = '',
  out: string[] = [],
): string[] {
  if (out.length >= 20) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b))) out.push(`${path}: ${a} ≠ ${b}`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items ≠ ${b.length}`);
    else {
      a.forEach((item, i) => {
        resultsDifferences(item, b[i], tolerance, `${path}[${i}]`, out);
      });
    }
    return out;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      resultsDifferences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        tolerance,
        path ? `${path}.${key}` : key,
        out,
      );
    }
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}
