// The public surface of @ksp/exchange: reading and writing files (CSV, XLSX, JSON) for an edition.

// Import of field-work files: readers, templates and the two-pass import.
export { csvDelimiter, readCsvRecords } from './csv/read-csv';
// Edition as JSON: the versioned document, its JSON Schema, export and import.
export {
  EDITION_DOCUMENT_FORMAT,
  EDITION_DOCUMENT_VERSION,
  type EditionDocument,
  type EditionDocumentInput,
  editionDocumentSchema,
} from './edition-json/edition-document';
export {
  EDITION_JSON_SCHEMA_ID,
  editionDocumentJsonSchema,
  editionDocumentJsonSchemaText,
} from './edition-json/edition-json-schema';
export {
  type EditionDocumentOptions,
  exportEditionDocument,
} from './edition-json/export-edition-document';
export {
  type ImportEditionDocumentOptions,
  importEditionDocument,
  parseEditionDocument,
} from './edition-json/import-edition-document';
// Export of results (CSV, XLSX) and the participant report.
export {
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  participantReportFile,
  type ResultsExportOptions,
  resultsExportFile,
} from './export/export-file';
export type { ExportColumn, ExportRow, ExportTable } from './export/export-table';
export {
  loadParticipantReportSource,
  loadResultsSource,
  type ResultsReader,
} from './export/load-export-sources';
export { participantAboutTable, participantReportTable } from './export/participant-report';
export {
  RESULT_VIEWS,
  type ResultsExportSource,
  type ResultView,
  resultsTable,
  resultsTables,
} from './export/results-tables';
export {
  type FieldworkRecord,
  type FieldworkSource,
  type ImportFormat,
  readFieldworkRecords,
} from './import/fieldwork-records';
export { ClosedEditionImportError } from './import/import-errors';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importEvaluations,
} from './import/import-evaluations';
export { csvTemplate, TEMPLATE_SHEETS, xlsxTemplate } from './template/fieldwork-template';
export * from './translations';
export { writeCsv } from './writers/csv-writer';
export { writeXlsx } from './writers/xlsx-writer';
export {
  DEFAULT_XLSX_LIMITS,
  readXlsxRecords,
  XlsxFormatError,
  type XlsxLimits,
  type XlsxRecord,
  type XlsxSource,
  XlsxTooLargeError,
} from './xlsx/read-xlsx';
