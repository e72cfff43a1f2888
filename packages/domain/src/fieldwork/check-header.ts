import type { Edition } from '../model/edition';
import { type FieldworkColumn, fieldworkColumns } from './fieldwork-columns';
import { type FieldworkProblem, HEADER_ROW } from './fieldwork-problem';

/** Header names as written in files: trimmed, and a byte-order mark (Excel's UTF-8 CSV) removed. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim();
}

/**
 * Problems with a file's header row: required columns missing, columns the edition does not know, and
 * columns named twice. All are reported on row 1; a file with header problems is not read any further.
 */
export function checkHeader(edition: Edition, header: readonly string[]): FieldworkProblem[] {
  const columns = new Map<string, FieldworkColumn>(fieldworkColumns(edition).map((c) => [c.name, c]));
  const problems: FieldworkProblem[] = [];
  const seen = new Set<string>();
  for (const name of header.map(normalizeHeader)) {
    // Columns without a name (a trailing delimiter, an empty spreadsheet column) are ignored.
    if (name === '') continue;
    if (seen.has(name))
      problems.push({
        row: HEADER_ROW,
        column: name,
        message: `column "${name}" appears more than once`,
        code: 'DUPLICATE_COLUMN',
        params: { column: name },
      });
    seen.add(name);
    if (!columns.has(name)) {
      problems.push({
        row: HEADER_ROW,
        column: name,
        message: `unknown column "${name}": not a field-work column nor a question or area of ${edition.key}`,
        code: 'UNKNOWN_COLUMN',
        params: { column: name, editionKey: edition.key },
      });
    }
  }
  for (const column of columns.values()) {
    if (column.required && !seen.has(column.name)) {
      problems.push({
        row: HEADER_ROW,
        column: column.name,
        message: `missing required column "${column.name}"`,
        code: 'MISSING_COLUMN',
        params: { column: column.name },
      });
    }
  }
  return problems;
}
