import type { LocalizedText } from '../model/locale';

const MAX_LENGTH = 40;

/** `base` when no item uses it, else `base_2`, `base_3`, … (the first that is free). */
export function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * A key for a new item made from its name or text (bokmål first): lower-case ASCII letters, digits and `_`,
 * starting with a letter, at most 40 characters (æ → ae, ø → o, å → a and other accents dropped); `fallback`
 * when nothing is left; not in `taken` (see freeKey). Keys never change afterwards, so a later rename keeps
 * results comparable.
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
  return freeKey(slug || fallback, taken);
}
