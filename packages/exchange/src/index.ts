// The public surface of @ksp/exchange: reading and writing files (CSV, XLSX, JSON) for an edition.
// Import side: readers, templates and the import pipeline. Export side: results and edition JSON.
// Export side (results files and the participant report).
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
export { participantReportTable } from './export/participant-report';
export {
  RESULT_VIEWS,
  type ResultsExportSource,
  type ResultView,
  resultsTable,
  resultsTables,
} from './export/results-tables';
export { writeCsv } from './writers/csv-writer';
export { writeXlsx } from './writers/xlsx-writer';
