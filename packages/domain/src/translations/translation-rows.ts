import type { Edition } from '../model/edition';
import { LOCALES, type Locale, type LocalizedText } from '../model/locale';

/**
 * One text of an edition for translators: a stable path (`area/welcome`, `question/<key>`,
 * `option/<questionKey>/<optionKey>`, `channel/phone`, …), the field, and one column per locale.
 */
export type TranslationRow = { path: string; field: string } & Partial<Record<Locale, string>>;

/** A localized text somewhere in an edition, with a way to replace it. */
export interface TextSlot {
  path: string;
  field: string;
  text: LocalizedText;
  set: (text: LocalizedText) => void;
}

/** Every translatable text of an edition (mutating `set` writes into the given edition object). */
export function textSlots(edition: Edition): TextSlot[] {
  const slots: TextSlot[] = [];
  const add = <K extends string>(path: string, owner: Record<K, LocalizedText>, field: K) => {
    const text = owner[field];
    if (text === undefined) return;
    slots.push({
      path,
      field,
      text,
      set: (t) => {
        owner[field] = t;
      },
    });
  };
  for (const channel of edition.channels) add(`channel/${channel.key}`, channel, 'name');
  for (const area of edition.areas) {
    add(`area/${area.key}`, area, 'name');
    add(`area/${area.key}`, area, 'description');
    for (const performance of area.performances) {
      add(`performance/${performance.key}`, performance, 'name');
      add(`performance/${performance.key}`, performance, 'description');
      for (const question of performance.questions) {
        add(`question/${question.key}`, question, 'text');
        for (const option of question.options) add(`option/${question.key}/${option.key}`, option, 'label');
      }
    }
  }
  return slots;
}

/** The edition's texts as rows, in survey order, with a column for each wanted locale (default: all). */
export function exportTranslationRows(
  edition: Edition,
  locales: readonly Locale[] = LOCALES,
): TranslationRow[] {
  return textSlots(edition).map((slot) => {
    const row: TranslationRow = { path: slot.path, field: slot.field };
    for (const locale of locales) row[locale] = slot.text[locale] ?? '';
    return row;
  });
}
