import type { TranslationRow } from '@ksp/domain';

/** A text's stable key in translation files: the domain's path and field, e.g. `question/q_greet#text`. */
export function translationKey(row: Pick<TranslationRow, 'path' | 'field'>): string {
  return `${row.path}#${row.field}`;
}

/** The path and field behind a key, or null when it is not one (no `#`, or nothing on either side). */
export function parseTranslationKey(key: string): { path: string; field: string } | null {
  const at = key.lastIndexOf('#');
  if (at <= 0 || at === key.length - 1) return null;
  return { path: key.slice(0, at), field: key.slice(at + 1) };
}
