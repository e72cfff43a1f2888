import Papa from 'papaparse';
import type { ExportTable, ExportValue } from '../export/export-table';

/**
 * A table as CSV (RFC 4180): comma-separated, UTF-8, the locale's headers in the first row. Numbers keep
 * the domain's full precision with a decimal point, scores as 0–100, so the file reads back exactly;
 * people who want formatted figures use the XLSX file.
 */
export function writeCsv(table: ExportTable): string {
  return Papa.unparse(
    {
      fields: table.columns.map((c) => c.header),
      data: table.rows.map((row) => table.columns.map((c) => csvValue(row[c.key] ?? null))),
    },
    { newline: '\r\n' },
  );
}

function csvValue(value: ExportValue): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
