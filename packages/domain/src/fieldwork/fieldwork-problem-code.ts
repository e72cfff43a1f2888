import type { EvaluationIssueCode } from '../validation/evaluation-issue-code';

/**
 * Every rule of a field-work file that is not a rule of the evaluation check: its header, its cells as text,
 * the file as a whole. Each as a code clients word in their own language, with the rule in English (for API
 * documentation); `params` of a problem name what the rule does (column, value, expected…). A cell that reads
 * well but breaks a rule of the evaluation check keeps that rule's EvaluationIssueCode instead.
 */
export const FIELDWORK_PROBLEM_RULES = {
  // The header row (row 1).
  DUPLICATE_COLUMN: 'A column is named twice in the header (params.column).',
  UNKNOWN_COLUMN:
    'The header names a column that is neither a field-work column nor a question or area of the edition (params.column, params.editionKey).',
  MISSING_COLUMN: 'A required column is missing from the header (params.column).',
  // Cells of a contact row.
  CELL_WITHOUT_HEADER: 'A cell has a value but its column has no header (params.cell: its position, from 1).',
  CONTACT_ID_EMPTY: 'The contact id is empty.',
  DUPLICATE_CONTACT_ID:
    'The contact id is already used on an earlier row of the file (params.value, params.firstRow).',
  CONTACT_TIME_EMPTY: 'The contact time is empty.',
  INVALID_DATE_TIME:
    'The cell is not an ISO 8601 date-time with offset (params.value; params.example shows one).',
  INVALID_YES_NO: 'The cell is not yes or no (params.value).',
  INVALID_WAITING_TIME:
    'The cell is not a duration: ISO 8601 (PT3M20S, P2D) or a number in the channel’s unit (params.value, params.unit: `minutes` or `workingDays`).',
  // The file as a whole.
  FILE_EMPTY: 'The file is empty: it needs a header row and contact rows.',
  FILE_UNREADABLE: 'The file is not a readable XLSX workbook (params.detail, in English).',
  FILE_TOO_LARGE: 'The XLSX file unpacks to more than the limits allow (params.detail, in English).',
  FILE_NOT_BASE64: 'An XLSX file must be sent as base64.',
  // Kept for clients that list every code; no longer reported since the import reads the file once.
  FILE_CHANGED: 'Not reported any more (the import reads the file once).',
} as const;

export type FieldworkProblemCode = keyof typeof FIELDWORK_PROBLEM_RULES;
export const FIELDWORK_PROBLEM_CODES = Object.keys(FIELDWORK_PROBLEM_RULES) as FieldworkProblemCode[];

/** What a field-work problem can be: a rule of the file, or a rule of the evaluation check. */
export type ImportProblemCode = FieldworkProblemCode | EvaluationIssueCode;

/** The example a date-time problem shows. */
export const DATE_TIME_EXAMPLE = '2024-03-05T10:15:00+01:00';
