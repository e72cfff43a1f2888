import { asXlsxFormatError, XlsxFormatError } from './xlsx-format-error';

/**
 * How much an XLSX file may unpack to. A zip compresses repetitive XML a thousandfold: an 875 kB upload held
 * 650 MB of shared strings, which the reader kept in memory whole. The limits are checked against the zip's
 * directory before anything is unpacked, and the zip reader (yauzl) refuses a part that unpacks to more than
 * its directory says, so a file cannot lie its way past them.
 */
export interface XlsxLimits {
  /** All parts together, unpacked. The first sheet is streamed, not held, so this bounds time, not memory. */
  maxUnpackedBytes: number;
  /** Parts in the zip. */
  maxParts: number;
  /** The shared string table, unpacked: the one part held in memory whole. */
  maxSharedStringsBytes: number;
  /** Strings in the shared string table. */
  maxSharedStrings: number;
  /** Each small part read to its end (workbook, its relationships, styles). */
  maxMetadataPartBytes: number;
}

const MB = 1024 * 1024;

/**
 * Defaults for field-work files. The 100,000-row demo file of the import benchmark unpacks to 207 MB with
 * inline strings (exceljs's streaming writer), so 512 MB leaves room for some 250,000 rows; written with
 * shared strings (as Excel saves), its sheet is 167 MB and its shared strings 5.3 MB, 129,430 strings.
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 512 * MB,
  maxParts: 10_000,
  maxSharedStringsBytes: 64 * MB,
  maxSharedStrings: 1_000_000,
  maxMetadataPartBytes: 16 * MB,
};

/** The environment variables that change the defaults (bytes and counts). */
const FROM_ENV: Record<keyof XlsxLimits, string> = {
  maxUnpackedBytes: 'XLSX_MAX_UNPACKED_BYTES',
  maxParts: 'XLSX_MAX_PARTS',
  maxSharedStringsBytes: 'XLSX_MAX_SHARED_STRINGS_BYTES',
  maxSharedStrings: 'XLSX_MAX_SHARED_STRINGS',
  maxMetadataPartBytes: 'XLSX_MAX_METADATA_PART_BYTES',
};

/** The limits in force: the given ones, else the environment's, else `defaults`. */
export function xlsxLimits(
  given: Partial<XlsxLimits> = {},
  defaults: XlsxLimits = DEFAULT_XLSX_LIMITS,
  env: NodeJS.ProcessEnv = process.env,
): XlsxLimits {
  const limits = { ...defaults };
  for (const key of Object.keys(FROM_ENV) as (keyof XlsxLimits)[]) {
    const fromEnv = Number(env[FROM_ENV[key]]);
    if (Number.isFinite(fromEnv) && fromEnv > 0) limits[key] = fromEnv;
    const value = given[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

/** The file unpacks to more than a limit allows: refused before it is unpacked, like an unreadable file. */
export class XlsxTooLargeError extends XlsxFormatError {
  constructor(detail: string) {
    super(detail);
    this.name = 'XlsxTooLargeError';
    this.message = `the file is refused as too large: ${detail}`;
  }
}

/** Bytes as people read them in a report. */
const readable = (bytes: number) =>
  bytes < MB
    ? `${bytes.toLocaleString('en')} bytes`
    : `${(bytes / MB).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Throws XlsxTooLargeError when a part (from the zip's directory) unpacks to more than `limit` bytes. */
export function checkPartSize(what: string, bytes: number, limit: number): void {
  if (bytes > limit)
    throw new XlsxTooLargeError(`${what} unpacks to ${readable(bytes)}; the limit is ${readable(limit)}`);
}

/**
 * asXlsxFormatError, with yauzl's "too many bytes in the stream" (a part that unpacks to more than the zip's
 * directory says: a bomb that lies about its size) as an XlsxTooLargeError.
 */
export function asXlsxReadError(error: unknown): unknown {
  if (
    error instanceof Error &&
    !(error instanceof XlsxFormatError) &&
    /^too many bytes in the stream/.test(error.message)
  )
    return new XlsxTooLargeError('a part unpacks to more than the zip directory says');
  return asXlsxFormatError(error);
}
