import type { ExportTable, ExportValue } from '../export/export-table';
import { type CsvCell, csvText } from './csv-text';

/**
 * A table as CSV (RFC 4180): comma-separated, UTF-8, the locale's headers in the first row. Numbers keep
 * the domain's full precision with a decimal point, scores as 0–100, so the file reads back exactly;
 * people who want formatted figures use the XLSX file. Text is formula-escaped (csvText).
 */
export function writeCsv(table: ExportTable): string {
  return csvText(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((c) => csvValue(row[c.key] ?? null))),
  );
}

function csvValue(value: ExportValue): CsvCell {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
