/**
 * Characters that make a spreadsheet read a CSV cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`,
 * and tab or carriage return, which some spreadsheets skip before looking for them. A company called
 * `=HYPERLINK("http://x","y")` would otherwise become a live link in everyone's results file.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that reads as an escaped cell: apostrophes, then a formula character. Text of that shape gets one more
 * apostrophe too, so that reading back drops exactly the one the writer added (`'=x` → `''=x` → `'=x`).
 */
const ESCAPED = /^'+[=+\-@\t\r]/;

/**
 * A text cell as every CSV writer of the platform writes it: prefixed with `'` when it starts with a formula
 * character, so spreadsheets show it as text. Only text: numbers written as numbers (-3.5) stay numbers, and
 * writers pass them through untouched.
 */
export function escapeCsvCell(text: string): string {
  return FORMULA_START.test(text) || ESCAPED.test(text) ? `'${text}` : text;
}

/**
 * The text a cell written by escapeCsvCell stood for, for readers of files the platform wrote (translation
 * files come back edited): one apostrophe before a formula character is dropped, any other text is kept.
 */
export function unescapeCsvCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
