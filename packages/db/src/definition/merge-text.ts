import type { LocalizedText } from '@ksp/domain';

const MAX_LENGTH = 40;

/**
 * A key for a new item made from its name (bokmål first): lower-case ASCII letters, digits and `_`, starting
 * with a letter, not in `taken` (`_2`, `_3`, … appended when needed). Keys never change afterwards, so a
 * later rename keeps results comparable.
 */
export function keyFromText(text: LocalizedText, taken: ReadonlySet<string>, fallback: string): string {
  const source = text.nb ?? text.en ?? Object.values(text)[0] ?? '';
  const slug = source
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/_+$/, '');
  const base = slug || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Translations given replace those locales; locales not given keep their text. */
export function mergeText(current: LocalizedText, change: LocalizedText | undefined): LocalizedText {
  return change ? { ...current, ...change } : current;
}
