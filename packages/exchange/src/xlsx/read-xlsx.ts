import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

// Only the streaming reader: exceljs's main module also loads the workbook model, the writers and their
// dependencies (about 10 MB more resident memory), which reading a sheet does not use.
const WorkbookReader = createRequire(import.meta.url)(
  'exceljs/lib/stream/xlsx/workbook-reader.js',
) as typeof ExcelJS.stream.xlsx.WorkbookReader;

/** A row of the first worksheet: its number as the spreadsheet shows it, and its cells as text (A = index 0). */
export interface XlsxRecord {
  rowNumber: number;
  cells: string[];
}

/**
 * A cell's value as the text a field-work column expects. Dates become ISO 8601 (exceljs reads spreadsheet
 * date-times as UTC); a time without a date (Excel stores it on 1899-12-30) becomes an ISO duration, so a
 * waiting time typed as 0:03:20 reads as PT0H3M20S.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (value.getUTCFullYear() < 1900) {
      const seconds = Math.round((value.getTime() - Date.UTC(1899, 11, 30)) / 1000);
      return `PT${Math.floor(seconds / 3600)}H${Math.floor((seconds % 3600) / 60)}M${seconds % 60}S`;
    }
    return value.toISOString();
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The rows of an XLSX file's first worksheet, streamed (exceljs WorkbookReader): the sheet's XML is parsed
 * as it is unzipped, so only the shared strings are held in memory, not the sheet. Empty rows are not yielded
 * (row numbers say where the others are).
 */
export async function* readXlsxRecords(input: Readable): AsyncGenerator<XlsxRecord> {
  const workbook = new WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        // row.values is 1-based and sparse.
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
        yield { rowNumber: row.number, cells };
      }
      return; // the contacts are on the first worksheet; the template's guide follows it
    }
  } finally {
    input.destroy();
  }
}
