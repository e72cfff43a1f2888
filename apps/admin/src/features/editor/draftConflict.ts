import {
  type DraftEdit,
  type Edition,
  type ItemRef,
  type Locale,
  locate,
  textIn,
  touchedFields,
} from '@ksp/domain';
import type { SaveRefusal } from '../../api/saveDraft';

/** One refused edit: the item, the fields both admins changed, their value now and mine. */
export interface ConflictingEdit {
  changeIndex: number;
  name: string;
  fields: { field: string; theirs: unknown; mine: unknown }[];
  currentVersion: number;
}

/** A save refused because other admins changed the same fields meanwhile; nothing of it was stored. */
export interface DraftConflict {
  items: ConflictingEdit[];
  /** The edits sent (new items keyed), so the admin can resend them resolved either way. */
  edits: DraftEdit[];
}

/** `text.nb` of a row or an edit: the value at that path. */
function valueAt(source: unknown, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], source);
}

export function draftConflict(
  refusal: SaveRefusal,
  edits: DraftEdit[],
  draft: Edition,
  locale: Locale,
): DraftConflict {
  const items = refusal.conflicts.map((conflict) => {
    const edit = edits[conflict.changeIndex];
    const ref = { ...conflict.item, questionKey: conflict.item.questionKey ?? '' } as ItemRef;
    const found = conflict.item.level === 'edition' ? null : locate(draft, ref)?.item;
    const text = found && ('name' in found ? found.name : 'text' in found ? found.text : found.label);
    return {
      changeIndex: conflict.changeIndex,
      name: (text && textIn(text, locale)) || conflict.item.key,
      currentVersion: conflict.currentVersion,
      fields: conflict.fields.map((field) => ({
        field,
        theirs: valueAt(conflict.current, field),
        mine: field === '*' || field === 'parent' ? null : valueAt(edit, field),
      })),
    };
  });
  return { items, edits };
}

/** My edits again, the conflicting ones based on the current version: mine win on the fields both changed. */
export function keepingMine({ items, edits }: DraftConflict): DraftEdit[] {
  const current = new Map(items.map((item) => [item.changeIndex, item.currentVersion]));
  return edits.map((edit, index) => {
    const version = current.get(index);
    return version === undefined || !('version' in edit) ? edit : ({ ...edit, version } as DraftEdit);
  });
}

/** My edits without the fields both changed: theirs stay there, the rest of mine is merged. */
export function takingTheirs({ items, edits }: DraftConflict): DraftEdit[] {
  const conflicting = new Map(items.map((item) => [item.changeIndex, item.fields.map((f) => f.field)]));
  return edits.flatMap((edit, index) => {
    const fields = conflicting.get(index);
    if (!fields) return [edit];
    if (fields.includes('*') || fields.includes('parent')) return [];
    const rest = structuredClone(edit) as unknown as Record<string, Record<string, unknown> | undefined>;
    for (const field of fields) {
      const [head = '', locale] = field.split('.');
      if (locale && rest[head]) delete rest[head][locale];
      else delete rest[head];
    }
    const trimmed = rest as unknown as DraftEdit;
    return touchedFields(trimmed).length > 0 ? [trimmed] : [];
  });
}
