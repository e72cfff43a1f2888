import { LOCALES, type Locale, type TranslationRow, unescapeCsvCell } from '@ksp/domain';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { checkUnpackedSize } from '../xlsx/check-unpacked-size';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits, XlsxTooLargeError } from '../xlsx/xlsx-limits';
import { parseTranslationKey } from './translation-key';
import { KEY_COLUMN } from './translation-table';
import { TRANSLATION_SHEET, type TranslationFileFormat } from './write-translation-file';

export interface TranslationFileRows {
  /** The rows, as the domain's importTranslationRows takes them. */
  rows: TranslationRow[];
  /** For each row, its line in the file (the header is line 1), for reports. */
  lines: number[];
  /** Rows that could not be read (a key that is not one); they are left out of `rows`. */
  problems: { line: number; key: string; message: string }[];
  /** The locale columns found. */
  locales: Locale[];
}

/** The file cannot be read as a translation file at all (not CSV/XLSX, no key column, no locale column). */
export class TranslationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationFileError';
  }
}

/**
 * exceljs holds a whole workbook in memory, several times its unpacked size: a translation file (an edition's
 * texts, some hundred kB unpacked) is allowed far less than a field-work file.
 */
export const TRANSLATION_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_XLSX_LIMITS,
  maxUnpackedBytes: 16 * 1024 * 1024,
  maxSharedStringsBytes: 8 * 1024 * 1024,
  maxParts: 1_000,
};

/**
 * Reads a translation file written by writeTranslationFile (and edited by a translator). Columns are found by
 * their header, in any order and case; the context column and unknown columns are ignored. Blank lines are skipped.
 */
export async function readTranslationFile(
  bytes: Buffer,
  format: TranslationFileFormat,
  xlsxLimits: XlsxLimits = TRANSLATION_XLSX_LIMITS,
): Promise<TranslationFileRows> {
  const records = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes, xlsxLimits);
  const [header, ...body] = records;
  if (!header) throw new TranslationFileError('the file is empty');
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const keyAt = names.indexOf(KEY_COLUMN);
  if (keyAt < 0) throw new TranslationFileError(`no "${KEY_COLUMN}" column in the first row`);
  const localeAt = LOCALES.map((locale) => [locale, names.indexOf(locale)] as const).filter(
    ([, at]) => at >= 0,
  );
  if (localeAt.length === 0)
    throw new TranslationFileError(`no locale column (${LOCALES.join(', ')}) in the first row`);

  const result: TranslationFileRows = {
    rows: [],
    lines: [],
    problems: [],
    locales: localeAt.map(([l]) => l),
  };
  for (const { line, cells } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const key = (cells[keyAt] ?? '').trim();
    const parsed = parseTranslationKey(key);
    if (!parsed) {
      result.problems.push({ line, key, message: 'the key is missing or not of the form path#field' });
      continue;
    }
    const row: TranslationRow = { ...parsed };
    for (const [locale, at] of localeAt) row[locale] = cells[at] ?? '';
    result.rows.push(row);
    result.lines.push(line);
  }
  return result;
}

type FileRecord = { line: number; cells: string[] };

function readCsv(bytes: Buffer): FileRecord[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // Delimiter detected: Norwegian Excel saves CSV with semicolons.
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new TranslationFileError(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  // The writer escaped formula-like texts with a ' (escapeCsvCell): the text is without it.
  return parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map(unescapeCsvCell) }));
}

async function readXlsx(bytes: Buffer, limits: XlsxLimits): Promise<FileRecord[]> {
  // Before exceljs unpacks anything: a zip bomb is refused from its directory's sizes.
  try {
    await checkUnpackedSize(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxTooLargeError) throw new TranslationFileError(error.message);
    throw new TranslationFileError('the content is not an XLSX workbook');
  }
  const { default: Excel } = await import('exceljs'); // loaded when needed: CSV users do not pay for it
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TranslationFileError('the content is not an XLSX workbook');
  }
  const sheet = workbook.getWorksheet(TRANSLATION_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new TranslationFileError('the workbook has no worksheet');
  const records: FileRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    records.push({
      line,
      cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])),
    });
  });
  return records;
}

/** Translators' cells are text; rich text (partly bold…) is flattened, numbers kept as typed. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
