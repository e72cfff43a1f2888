import { readDateStyles } from './date-styles';
import { readSharedStrings } from './shared-strings';
import { readSheetRows, type XlsxRecord } from './sheet-rows';
import { readWorkbookParts } from './workbook-parts';
import { asXlsxReadError, type XlsxLimits, xlsxLimits } from './xlsx-limits';
import { openXlsxZip, type XlsxSource, type XlsxZip } from './xlsx-zip';

export type { XlsxRecord } from './sheet-rows';
export { XlsxFormatError } from './xlsx-format-error';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits, XlsxTooLargeError } from './xlsx-limits';
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
 *
 * A file that would unpack to more than `limits` allow (xlsx-limits.ts; a zip bomb) is refused with
 * XlsxTooLargeError, an XlsxFormatError, before the part in question is unpacked.
 */
export async function* readXlsxRecords(
  source: XlsxSource,
  limits: Partial<XlsxLimits> = {},
): AsyncGenerator<XlsxRecord> {
  const limitsInForce = xlsxLimits(limits);
  let zip: XlsxZip | undefined;
  try {
    zip = await openXlsxZip(source, limitsInForce);
    const parts = await readWorkbookParts(zip, limitsInForce.maxMetadataPartBytes);
    const [sharedStrings, dateStyles] = await Promise.all([
      readSharedStrings(zip, parts.sharedStrings, limitsInForce),
      readDateStyles(zip, parts.styles, limitsInForce.maxMetadataPartBytes),
    ]);
    yield* readSheetRows(zip, parts.firstSheet, { sharedStrings, dateStyles, date1904: parts.date1904 });
  } catch (error) {
    throw asXlsxReadError(error);
  } finally {
    zip?.close();
  }
}
