import type { ImportProblemCode } from './fieldwork-problem-code';

/**
 * One problem in a field-work file, located like a spreadsheet user would look for it: the row number as the
 * spreadsheet shows it (the header is row 1, the first contact row 2) and the column's header name
 * (empty when the problem is about the whole row).
 */
export interface FieldworkProblem {
  row: number;
  column: string;
  /** What is wrong, in English (for logs and the CLI; clients word `code` and `params` themselves). */
  message: string;
  /** The rule broken: a FieldworkProblemCode for the file's header and cells, else the evaluation check's code. */
  code: ImportProblemCode;
  /** What the rule names: the column, the cell's text (`value`), keys and figures. */
  params?: Record<string, string | number>;
  /** For a rule of the evaluation check: the evaluation field it is about. */
  path?: string;
}

/** The header row's number: data rows start at 2, as in a spreadsheet. */
export const HEADER_ROW = 1;
