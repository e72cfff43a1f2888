import { type Edition, exportTranslationRows } from '@ksp/domain';
import { translationContexts } from './translation-context';
import { translationKey } from './translation-key';

/** The columns of a translation file, in order: the key, a hint, then one column per locale of the edition. */
export const KEY_COLUMN = 'key';
export const CONTEXT_COLUMN = 'context';

export interface TranslationTable {
  header: string[];
  rows: string[][];
}

/** An edition's texts as a table for translators (the domain decides which texts; survey order). */
export function translationTable(edition: Edition): TranslationTable {
  const contexts = translationContexts(edition);
  const locales = edition.locales;
  return {
    header: [KEY_COLUMN, CONTEXT_COLUMN, ...locales],
    rows: exportTranslationRows(edition, locales).map((row) => {
      const key = translationKey(row);
      return [key, contexts.get(key) ?? '', ...locales.map((locale) => row[locale] ?? '')];
    }),
  };
}
