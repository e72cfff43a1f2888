import { escapeCsvCell } from '@ksp/domain';
import Papa from 'papaparse';

/**
 * CSV text for a table: a header row, then one row per record, quoted where needed. Text cells are
 * formula-escaped by the domain's escapeCsvCell (a company named `=HYPERLINK(…)` stays text); numbers stay
 * numbers.
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return Papa.unparse({
    fields: header.map(escapeCsvCell),
    data: rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? escapeCsvCell(cell) : (cell ?? ''))),
    ),
  });
}

/** Offers CSV text as a file download (with a BOM so Excel reads æøå correctly). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
