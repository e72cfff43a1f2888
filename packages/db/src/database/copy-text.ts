/**
 * PostgreSQL's COPY text format: one line per row, columns separated by tabs, `\N` for NULL, and a backslash
 * before the characters that would end a column or a line. Bulk writes build their rows with these.
 */

/** A value COPY reads as the column's type: texts escaped, numbers and array literals as they are. */
export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One column's text (tests for the rare special characters first: most values have none). */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : value;
}

/** One row, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = copyField(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `\t${copyField(values[i] ?? null)}`;
  return `${line}\n`;
}

/** A PostgreSQL array literal of numbers, NULL for null (inside a COPY field it needs no escaping). */
export function numberArrayLiteral(values: readonly (number | null)[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    text += (i === 0 ? '' : ',') + (v === null || v === undefined ? 'NULL' : String(v));
  }
  return `${text}}`;
}

/** A PostgreSQL array literal of booleans. */
export function booleanArrayLiteral(values: readonly boolean[]): string {
  return `{${values.map((v) => (v ? 't' : 'f')).join(',')}}`;
}
