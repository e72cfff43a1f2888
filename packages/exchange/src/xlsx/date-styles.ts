import type { XlsxZip } from './xlsx-zip';
import { parseXml } from './xml-stream';

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format shows a date or time when, outside quoted text, escapes and [colour] tags, it has d/m/y/h/s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare);
}

/**
 * Which cell styles show a date or time, by style index (a cell's `s`): a spreadsheet stores dates as day
 * numbers, and only the style tells them from plain numbers.
 */
export async function readDateStyles(
  zip: XlsxZip,
  path: string | null,
  maxPartBytes: number,
): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  if (!path) return dateStyles;
  const customDates = new Set<number>();
  let inCellXfs = false;
  await parseXml(await zip.openText(path, maxPartBytes), {
    open(name, attributes) {
      if (name === 'numFmt' && isDateFormatCode(attributes.formatCode ?? ''))
        customDates.add(Number(attributes.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        dateStyles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dateStyles;
}
