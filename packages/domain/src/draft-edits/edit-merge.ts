import { type DraftEdit, LOCALIZED_TEXT_FIELDS } from './draft-edit';

// Field-level merge. A save based on an item's older version is still applied when nobody changed the
// fields it touches since: two admins rewording the nb and the en text of one question both get through;
// two changing the same points get a conflict. Fields are named as stored (a channel's `maxAttempts`), a
// text per language (`text.nb`), a move as `parent`, a removal as `*` (everything).

/** What names the item or the base version rather than a field. */
const IDENTITY = new Set(['kind', 'key', 'questionKey', 'version', 'item']);

/** The fields an edit changes; none for adds and reorders (they have no base version to be stale). */
export function touchedFields(edit: DraftEdit): string[] {
  switch (edit.kind) {
    case 'remove':
      return ['*'];
    case 'move':
      return ['parent'];
    case 'addChannel':
    case 'addArea':
    case 'addPerformance':
    case 'addQuestion':
    case 'addOption':
    case 'reorder':
      return [];
    default:
      return Object.entries(edit).flatMap(([field, value]) => {
        if (IDENTITY.has(field) || value === undefined) return [];
        if (LOCALIZED_TEXT_FIELDS.has(field))
          return Object.keys(value as object).map((locale) => `${field}.${locale}`);
        return [field];
      });
  }
}

/**
 * The fields that differ between two stored states of an item (texts per language), e.g. from the audit
 * trail's before and after. `parent` and `*` are the caller's to add for moves and removals.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].flatMap((field) => {
    const [was, is] = [before[field], after[field]];
    if (LOCALIZED_TEXT_FIELDS.has(field) && isText(was) && isText(is)) {
      const locales = new Set([...Object.keys(was), ...Object.keys(is)]);
      return [...locales]
        .filter((locale) => was[locale] !== is[locale])
        .map((locale) => `${field}.${locale}`);
    }
    return JSON.stringify(was) === JSON.stringify(is) ? [] : [field];
  });
}

const isText = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The touched fields someone else changed meanwhile: a conflict when any. */
export function conflictingFields(touched: readonly string[], changedSince: readonly string[]): string[] {
  const overlaps = (a: string, b: string) =>
    a === '*' || b === '*' || a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  return touched.filter((field) => changedSince.some((changed) => overlaps(field, changed)));
}
