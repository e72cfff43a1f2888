// The public surface of @ksp/exchange: reading and writing files (CSV, XLSX, JSON) for an edition.

// Import of field-work files: readers, templates and the two-pass import.
export { readCsvRecords } from './csv/read-csv';
export {
  type FieldworkRecord,
  type ImportFormat,
  type OpenSource,
  readFieldworkRecords,
} from './import/fieldwork-records';
export { ClosedEditionImportError, SourceChangedError } from './import/import-errors';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importEvaluations,
} from './import/import-evaluations';
export { csvTemplate, TEMPLATE_SHEETS, xlsxTemplate } from './template/fieldwork-template';
export { cellText, readXlsxRecords, type XlsxRecord } from './xlsx/read-xlsx';
