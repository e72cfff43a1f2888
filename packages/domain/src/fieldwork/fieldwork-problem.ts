/**
 * One problem in a field-work file, located like a spreadsheet user would look for it: the row number as the
 * spreadsheet shows it (the header is row 1, the first contact row 2) and the column's header name
 * (empty when the problem is about the whole row).
 */
export interface FieldworkProblem {
  row: number;
  column: string;
  message: string;
  /** For a rule of the evaluation check: its code and the evaluation field it is about (cell parsing has none). */
  code?: string;
  path?: string;
}

/** The header row's number: data rows start at 2, as in a spreadsheet. */
export const HEADER_ROW = 1;
