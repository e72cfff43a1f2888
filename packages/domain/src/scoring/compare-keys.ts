/** Plain code-unit order of keys, the same on every machine (no locale). */
export function compareKeysAsc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
