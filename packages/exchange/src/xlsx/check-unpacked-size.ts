import { asXlsxReadError, type XlsxLimits, XlsxTooLargeError, xlsxLimits } from './xlsx-limits';
import { openXlsxZip, type XlsxZip } from './xlsx-zip';

/**
 * For readers that unpack a whole workbook into memory (exceljs, for translation files): refuses a file with
 * more parts, more unpacked bytes, or larger shared strings than `limits` allow (XlsxTooLargeError), reading
 * the sizes from the zip's directory. Each part is then unpacked once and thrown away, so a directory that
 * understates a size is caught here (yauzl stops at the first byte too many), not inside the reader.
 * Bytes that are not a zip at all are left to the reader, which reports them its own way.
 */
export async function checkUnpackedSize(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): Promise<void> {
  const inForce = xlsxLimits(limits);
  let zip: XlsxZip;
  try {
    zip = await openXlsxZip({ bytes }, inForce);
  } catch (error) {
    if (error instanceof XlsxTooLargeError) throw error;
    return;
  }
  try {
    for (const name of zip.names()) {
      if (name.endsWith('/')) continue; // a folder entry
      const limit = /(^|\/)sharedStrings\.xml$/i.test(name)
        ? inForce.maxSharedStringsBytes
        : inForce.maxUnpackedBytes;
      for await (const _ of await zip.openText(name, limit));
    }
  } catch (error) {
    throw asXlsxReadError(error);
  } finally {
    zip.close();
  }
}
