import { addItem } from '../edition-tree/add-item';
import type { ContainerRef, ItemLevel, ItemOf, ItemRef } from '../edition-tree/item-ref';
import { itemsIn, locate } from '../edition-tree/locate';
import { moveItem } from '../edition-tree/move-item';
import { removeChannel } from '../edition-tree/remove-channel';
import { removeItem } from '../edition-tree/remove-item';
import { moveToIndex, reorderItems } from '../edition-tree/reorder-items';
import { replaceItem } from '../edition-tree/replace-item';
import { byOrder } from '../edition-tree/sibling-order';
import { takenKeys } from '../edition-tree/taken-keys';
import type { Edition } from '../model/edition';
import type { DraftEdit, DraftEditOf } from './draft-edit';
import { DraftEditError } from './draft-edit-problem';
import { patchText } from './patch-text';

/**
 * The edition after one draft edit (pure). Throws DraftEditError when the edit cannot be applied as such
 * (an item or parent that is not there, a key already taken); whether the result keeps the edition's rules
 * is applyDraftEdits' check, after the whole list.
 */
export function applyDraftEdit(edition: Edition, edit: DraftEdit): Edition {
  switch (edit.kind) {
    case 'addChannel': {
      const { kind: _, key, beforeKey, maxAttempts, retryOnAnotherDay, lateAnswerCounts, ...rule } = edit;
      return added(edition, { level: 'edition' }, 'channel', beforeKey, {
        key,
        ...rule,
        attempts: { maxAttempts, retryOnAnotherDay, lateAnswerCounts },
      });
    }
    case 'updateChannel':
      return updated(edition, { level: 'channel', key: edit.key }, (channel) => ({
        ...channel,
        name: patchText(channel.name, edit.name),
        waitUnit: edit.waitUnit ?? channel.waitUnit,
        maxWait: edit.maxWait ?? channel.maxWait,
        waitingBands: edit.waitingBands ?? channel.waitingBands,
        attempts: {
          maxAttempts: edit.maxAttempts ?? channel.attempts.maxAttempts,
          retryOnAnotherDay: edit.retryOnAnotherDay ?? channel.attempts.retryOnAnotherDay,
          lateAnswerCounts: edit.lateAnswerCounts ?? channel.attempts.lateAnswerCounts,
        },
        weight: edit.weight === undefined ? channel.weight : edit.weight,
      }));
    case 'addArea': {
      const { kind: _, beforeKey, ...area } = edit;
      return added(edition, { level: 'edition' }, 'area', beforeKey, { ...area, performances: [] });
    }
    case 'updateArea':
      return updated(edition, { level: 'area', key: edit.key }, (area) => ({
        ...area,
        name: patchText(area.name, edit.name),
        description: patchText(area.description, edit.description),
        counting: edit.counting ?? area.counting,
        weight: edit.weight === undefined ? area.weight : edit.weight,
      }));
    case 'addPerformance': {
      const { kind: _, areaKey, beforeKey, ...performance } = edit;
      const area = parent(edition, { level: 'area', key: areaKey }, 'areaKey');
      return added(edition, area, 'performance', beforeKey, { ...performance, questions: [] });
    }
    case 'updatePerformance':
      return updated(edition, { level: 'performance', key: edit.key }, (performance) => ({
        ...performance,
        name: patchText(performance.name, edit.name),
        description: patchText(performance.description, edit.description),
      }));
    case 'addQuestion': {
      const { kind: _, performanceKey, beforeKey, ...question } = edit;
      const performance = parent(edition, { level: 'performance', key: performanceKey }, 'performanceKey');
      return added(edition, performance, 'question', beforeKey, { ...question, options: [] });
    }
    case 'updateQuestion':
      return updated(edition, { level: 'question', key: edit.key }, (question) => {
        const { kind: _, key: __, version: ___, text, ...fields } = edit;
        return { ...question, ...definedOnly(fields), text: patchText(question.text, text) };
      });
    case 'addOption': {
      const { kind: _, questionKey, beforeKey, ...option } = edit;
      const question = parent(edition, { level: 'question', key: questionKey }, 'questionKey');
      return added(edition, question, 'option', beforeKey, option);
    }
    case 'updateOption':
      return updated(
        edition,
        { level: 'option', questionKey: edit.questionKey, key: edit.key },
        (option) => ({
          ...option,
          label: patchText(option.label, edit.label),
          points: edit.points === undefined ? option.points : edit.points,
          value: edit.value === undefined ? option.value : edit.value,
        }),
      );
    case 'remove':
      return removed(edition, edit.item);
    case 'move':
      return moved(edition, edit);
    case 'reorder':
      return reordered(edition, edit);
    case 'updateScoring':
      return {
        ...edition,
        scoring: {
          areaWeighting: edit.areaWeighting ?? edition.scoring.areaWeighting,
          contactWeighting: edit.contactWeighting ?? edition.scoring.contactWeighting,
          headlineAreaKey:
            edit.headlineAreaKey === undefined ? edition.scoring.headlineAreaKey : edit.headlineAreaKey,
        },
      };
  }
}

/** The fields an update gives (absent ones keep the item's value). */
const definedOnly = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

const nameOf = (ref: ItemRef) => (ref.level === 'option' ? `${ref.questionKey}/${ref.key}` : ref.key);

function notFound(ref: ItemRef, field: string): DraftEditError {
  return new DraftEditError('ITEM_NOT_FOUND', field, `${ref.level} "${nameOf(ref)}" is not in the edition`, {
    level: ref.level,
    key: nameOf(ref),
  });
}

/** The container an add or a move names, which must be there. */
function parent(
  edition: Edition,
  ref: ItemRef & { level: 'area' | 'performance' | 'question' },
  field: string,
) {
  if (!locate(edition, ref))
    throw new DraftEditError('PARENT_NOT_FOUND', field, `${ref.level} "${ref.key}" is not in the edition`, {
      level: ref.level,
      key: ref.key,
    });
  return { level: ref.level, key: ref.key } as const;
}

function added<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  beforeKey: string | undefined,
  item: Omit<ItemOf[L], 'order'>,
): Edition {
  const { key } = item as { key: string };
  if (takenKeys(edition, level, container).has(key))
    throw new DraftEditError('DUPLICATE_KEY', 'key', `${level} key "${key}" is already used`, { level, key });
  checkSibling(edition, container, level, beforeKey);
  return addItem(edition, container, level, item, beforeKey ? { before: beforeKey } : undefined);
}

function checkSibling(edition: Edition, container: ContainerRef, level: ItemLevel, beforeKey?: string) {
  if (beforeKey && !itemsIn(edition, container, level).some((item) => item.key === beforeKey))
    throw new DraftEditError('SIBLING_NOT_FOUND', 'beforeKey', `no ${level} "${beforeKey}" in that list`, {
      level,
      key: beforeKey,
    });
}

function updated<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
  change: (item: ItemOf[L]) => ItemOf[L],
): Edition {
  if (!locate(edition, ref as ItemRef)) throw notFound(ref, 'key');
  return replaceItem(edition, ref, change);
}

/** Removes an item with what it holds; a channel also leaves every question's channel list. */
function removed(edition: Edition, ref: ItemRef): Edition {
  if (!locate(edition, ref)) throw notFound(ref, 'item');
  return ref.level === 'channel' ? removeChannel(edition, ref.key) : removeItem(edition, ref);
}

function moved(edition: Edition, edit: DraftEditOf<'move'>): Edition {
  const ref = { level: edit.item.level, key: edit.item.key };
  if (!locate(edition, ref)) throw notFound(ref, 'item');
  const to = parent(
    edition,
    { level: edit.item.level === 'performance' ? 'area' : 'performance', key: edit.toKey },
    'toKey',
  );
  const there = moveItem(edition, ref, to);
  if (!edit.beforeKey) return there;
  checkSibling(there, to, ref.level, edit.beforeKey);
  const siblings = byOrder(itemsIn(there, to, ref.level)).filter((item) => item.key !== ref.key);
  return moveToIndex(
    there,
    ref,
    siblings.findIndex((item) => item.key === edit.beforeKey),
  );
}

const HOLDER = { performance: 'area', question: 'performance', option: 'question' } as const;

function reordered(edition: Edition, edit: DraftEditOf<'reorder'>): Edition {
  if (new Set(edit.keys).size !== edit.keys.length)
    throw new DraftEditError('DUPLICATE_IN_ORDER', 'keys', 'a key is listed twice');
  if (edit.level === 'channel' || edit.level === 'area') {
    if (edit.parentKey !== null)
      throw new DraftEditError('WRONG_LEVEL', 'parentKey', `${edit.level}s belong to the edition itself`);
    return reorderItems(edition, { level: 'edition' }, edit.level, edit.keys);
  }
  if (edit.parentKey === null)
    throw new DraftEditError('WRONG_LEVEL', 'parentKey', `${edit.level}s are ordered within their parent`);
  const container = parent(edition, { level: HOLDER[edit.level], key: edit.parentKey }, 'parentKey');
  return reorderItems(edition, container, edit.level, edit.keys);
}
