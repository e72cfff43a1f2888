import { readDateStyles } from './date-styles';
import { readSharedStrings } from './shared-strings';
import { readSheetRows, type XlsxRecord } from './sheet-rows';
import { readWorkbookParts } from './workbook-parts';
import { asXlsxFormatError } from './xlsx-format-error';
import { openXlsxZip, type XlsxSource, type XlsxZip } from './xlsx-zip';

export type { XlsxRecord } from './sheet-rows';
export { XlsxFormatError } from './xlsx-format-error';
export type { XlsxSource } from './xlsx-zip';

/**
 * The rows of an XLSX file's first worksheet (the first tab), streamed. The zip is read with random access
 * (yauzl): workbook.xml says which sheet is first, the shared strings and styles are read before the sheet
 * whatever order the file stores them in, and the sheet's XML is parsed (saxes) as it is decompressed. Only
 * the shared strings are held whole; nothing is written to temporary files.
 *
 * Why not exceljs's streaming reader: it copies every worksheet stored before workbook.xml or without a shared
 * strings table (as exceljs itself writes large files) to a temporary file, holds tens of MB of buffers while
 * doing so, and leaves the file and its descriptor behind when the reader stops at the first sheet.
 */
export async function* readXlsxRecords(source: XlsxSource): AsyncGenerator<XlsxRecord> {
  let zip: XlsxZip | undefined;
  try {
    zip = await openXlsxZip(source);
    const parts = await readWorkbookParts(zip);
    const [sharedStrings, dateStyles] = await Promise.all([
      readSharedStrings(zip, parts.sharedStrings),
      readDateStyles(zip, parts.styles),
    ]);
    yield* readSheetRows(zip, parts.firstSheet, { sharedStrings, dateStyles, date1904: parts.date1904 });
  } catch (error) {
    throw asXlsxFormatError(error);
  } finally {
    zip?.close();
  }
}
