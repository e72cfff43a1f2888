import type { XlsxZip } from './xlsx-zip';
import { parseXml } from './xml-stream';

/**
 * The workbook's shared string table (cells of type `s` point into it by index): each item's text, rich-text
 * runs joined, phonetic guides (`rPh`) left out. The table is the one part that must be held whole.
 */
export async function readSharedStrings(zip: XlsxZip, path: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!path) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXml(await zip.openText(path), {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
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
