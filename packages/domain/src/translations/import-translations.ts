import type { Edition } from '../model/edition';
import type { Locale, LocalizedText } from '../model/locale';
import { type TranslationRow, textSlots } from './translation-rows';

export interface TranslationReport {
  /** Texts the import changed. */
  changed: { path: string; field: string; locale: Locale; before: string | null; after: string }[];
  /** Texts still without a translation in one of the edition's locales after the import. */
  missing: { path: string; field: string; locale: Locale }[];
  /** Rows that match no text of the edition (row index in the input). */
  unknown: { row: number; path: string; field: string }[];
  /** Rows for a text already given by an earlier row. */
  duplicates: { row: number; path: string; field: string }[];
}

/**
 * Applies translators' rows to a copy of the edition. A blank cell means "not translated" and keeps the
 * current text; a filled cell replaces it. Only the edition's own locales are read.
 */
export function importTranslationRows(
  edition: Edition,
  rows: readonly TranslationRow[],
): { edition: Edition; report: TranslationReport } {
  const copy = structuredClone(edition);
  const slots = new Map(textSlots(copy).map((s) => [`${s.path}#${s.field}`, s]));
  const report: TranslationReport = { changed: [], missing: [], unknown: [], duplicates: [] };
  const seen = new Set<string>();

  rows.forEach((row, index) => {
    const id = `${row.path}#${row.field}`;
    const slot = slots.get(id);
    if (!slot) {
      report.unknown.push({ row: index, path: row.path, field: row.field });
      return;
    }
    if (seen.has(id)) {
      report.duplicates.push({ row: index, path: row.path, field: row.field });
      return;
    }
    seen.add(id);
    const next: LocalizedText = { ...slot.text };
    for (const locale of copy.locales) {
      const cell = row[locale]?.trim();
      if (!cell || cell === slot.text[locale]) continue;
      report.changed.push({
        path: row.path,
        field: row.field,
        locale,
        before: slot.text[locale] ?? null,
        after: cell,
      });
      next[locale] = cell;
    }
    slot.set(next);
    slot.text = next;
  });

  for (const slot of slots.values())
    for (const locale of copy.locales)
      if (!slot.text[locale]) report.missing.push({ path: slot.path, field: slot.field, locale });
  return { edition: copy, report };
}
