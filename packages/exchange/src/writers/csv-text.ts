import { escapeCsvCell } from '@ksp/domain';
import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * CSV text (RFC 4180, CRLF) of a header and rows: the one way the exchange package writes CSV. Text cells go
 * through the domain's escapeCsvCell (no formulas from company names or texts); numbers are written as numbers.
 */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return Papa.unparse(
    {
      fields: header.map(escapeCsvCell),
      data: rows.map((row) =>
        row.map((cell) => (typeof cell === 'string' ? escapeCsvCell(cell) : (cell ?? ''))),
      ),
    },
    { newline: '\r\n' },
  );
}
