/** The bytes are not a readable XLSX workbook (not a zip, a damaged part, malformed XML): a problem of the file. */
export class XlsxFormatError extends Error {
  constructor(readonly detail: string) {
    super(`the file is not a readable XLSX workbook (${detail})`);
    this.name = 'XlsxFormatError';
  }
}

/**
 * An error met while reading the workbook, as the file's fault or not: system errors (a missing file, no
 * permission, too many open files: ENOENT…) and programming errors (TypeError, RangeError) stay what they
 * are; the zip reader's, zlib's (Z_DATA_ERROR…) and the XML parser's become an XlsxFormatError.
 */
export function asXlsxFormatError(error: unknown): unknown {
  if (error instanceof XlsxFormatError || !(error instanceof Error)) return error;
  if (error instanceof TypeError || error instanceof RangeError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  return new XlsxFormatError(error.message.split('\n')[0] ?? error.message);
}
