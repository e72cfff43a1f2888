// `@ksp/exchange/import`: the field-work import alone (readers, templates, the one-pass import), without the
// export side's modules, so the CLI's import stays light. Also re-exported from the package's main entry.

export { csvTemplate, TEMPLATE_SHEETS, xlsxTemplate } from '../template/fieldwork-template';
export {
  type FieldworkRecord,
  type FieldworkSource,
  type ImportFormat,
  readFieldworkRecords,
} from './fieldwork-records';
export { ClosedEditionImportError } from './import-errors';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importEvaluations,
} from './import-evaluations';
