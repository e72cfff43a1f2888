// Translation round trip: an edition's texts to a CSV/XLSX file for translators, and the edited file back to rows.
export {
  readTranslationFile,
  TranslationFileError,
  type TranslationFileRows,
} from './read-translation-file';
export { translationContexts } from './translation-context';
export { parseTranslationKey, translationKey } from './translation-key';
export { CONTEXT_COLUMN, KEY_COLUMN, type TranslationTable, translationTable } from './translation-table';
export {
  TRANSLATION_SHEET,
  type TranslationFileFormat,
  writeTranslationFile,
} from './write-translation-file';
