import { type XlsxLimits, XlsxTooLargeError } from './xlsx-limits';
import type { XlsxZip } from './xlsx-zip';
import { parseXml } from './xml-stream';

/**
 * The workbook's shared string table (cells of type `s` point into it by index): each item's text, rich-text
 * runs joined, phonetic guides (`rPh`) left out. The table is the one part that must be held whole, hence
 * its limits: the part's unpacked size (checked before reading) and the number of strings (reading stops at
 * the first string over it).
 */
export async function readSharedStrings(
  zip: XlsxZip,
  path: string | null,
  limits: Pick<XlsxLimits, 'maxSharedStringsBytes' | 'maxSharedStrings'>,
): Promise<string[]> {
  const strings: string[] = [];
  if (!path) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXml(await zip.openText(path, limits.maxSharedStringsBytes), {
    open(name) {
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings)
          throw new XlsxTooLargeError(
            `it has more than ${limits.maxSharedStrings.toLocaleString('en')} shared strings (the limit)`,
          );
        current = [];
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}
