import type { ContainerRef, ItemLevel, ItemRef } from '../edition-tree/item-ref';
import { byOrder } from '../edition-tree/sibling-order';
import type { Area } from '../model/area';
import type { Edition } from '../model/edition';
import type { LocalizedText } from '../model/locale';
import type { Performance } from '../model/performance';
import type { AnswerOption, Question } from '../model/question';
import { applyDraftEdit } from './apply-draft-edit';
import { type DraftEdit, LOCALIZED_TEXT_FIELDS, type TextPatch } from './draft-edit';
import { DraftEditError } from './draft-edit-problem';
import { areaFields, channelFields, optionFields, performanceFields, questionFields } from './item-fields';

/** The version each stored item was read at (the edition's own for `{ level: 'edition' }`). */
export type VersionOf = (ref: ItemRef | { level: 'edition' }) => number;

/**
 * The edits that turn `stored` into `draft`, in an order that applies: channels first (questions name
 * them), then adds from the top of the tree down, moves, changes of only the fields that differ (texts per
 * language), removals, the scoring rules, and last the reorders still needed. An editor keeps its unsaved
 * work as a draft edition and saves `draftEditsBetween(stored, draft, versionOf)` in one request.
 */
export function draftEditsBetween(stored: Edition, draft: Edition, versionOf: VersionOf): DraftEdit[] {
  const before = flatten(stored);
  const after = flatten(draft);
  const edits: DraftEdit[] = [];
  const version = (ref: ItemRef) => versionOf(ref);

  for (const channel of byOrder(draft.channels)) {
    const old = before.channel.get(channel.key);
    if (!old) edits.push({ kind: 'addChannel', ...channelFields(channel), key: channel.key });
    else
      pushUpdate(
        edits,
        { kind: 'updateChannel', key: channel.key, version: version({ level: 'channel', key: channel.key }) },
        channelFields(old.item),
        channelFields(channel),
      );
  }
  for (const { item: area } of after.area.values()) {
    const old = before.area.get(area.key);
    if (!old) edits.push({ kind: 'addArea', key: area.key, ...areaFields(area) });
    else
      pushUpdate(
        edits,
        { kind: 'updateArea', key: area.key, version: version({ level: 'area', key: area.key }) },
        areaFields(old.item),
        areaFields(area),
      );
  }
  for (const { item: performance, parent } of after.performance.values()) {
    const old = before.performance.get(performance.key);
    const ref = { level: 'performance', key: performance.key } as const;
    if (!old) {
      edits.push({
        kind: 'addPerformance',
        areaKey: parent,
        key: performance.key,
        ...performanceFields(performance),
      });
      continue;
    }
    if (old.parent !== parent) edits.push({ kind: 'move', item: ref, version: version(ref), toKey: parent });
    pushUpdate(
      edits,
      { kind: 'updatePerformance', key: performance.key, version: version(ref) },
      performanceFields(old.item),
      performanceFields(performance),
    );
  }
  for (const { item: question, parent } of after.question.values()) {
    const old = before.question.get(question.key);
    const ref = { level: 'question', key: question.key } as const;
    if (!old) {
      edits.push({
        kind: 'addQuestion',
        performanceKey: parent,
        key: question.key,
        ...questionFields(question),
      });
      continue;
    }
    if (old.parent !== parent) edits.push({ kind: 'move', item: ref, version: version(ref), toKey: parent });
    pushUpdate(
      edits,
      { kind: 'updateQuestion', key: question.key, version: version(ref) },
      questionFields(old.item),
      questionFields(question),
    );
  }
  for (const [id, { item: option, parent }] of after.option) {
    const old = before.option.get(id);
    const ref = { level: 'option', questionKey: parent, key: option.key } as const;
    if (!old)
      edits.push({ kind: 'addOption', questionKey: parent, key: option.key, ...optionFields(option) });
    else
      pushUpdate(
        edits,
        { kind: 'updateOption', questionKey: parent, key: option.key, version: version(ref) },
        optionFields(old.item),
        optionFields(option),
      );
  }

  // Removals: only the outermost item that goes (what it holds goes with it, unless it moved away first).
  const removals: [ItemLevel, ParentLevel | null][] = [
    ['option', 'question'],
    ['question', 'performance'],
    ['performance', 'area'],
    ['area', null],
    ['channel', null],
  ];
  for (const [level, parentLevel] of removals)
    for (const [id, { item, parent }] of before[level]) {
      if (after[level].has(id) || (parentLevel && !after[parentLevel].has(parent))) continue;
      const ref: ItemRef =
        level === 'option' ? { level, questionKey: parent, key: item.key } : { level, key: item.key };
      edits.push({ kind: 'remove', item: ref, version: version(ref) });
    }

  if (JSON.stringify(stored.scoring) !== JSON.stringify(draft.scoring)) {
    const scoring: DraftEdit = { kind: 'updateScoring', version: versionOf({ level: 'edition' }) };
    for (const field of ['areaWeighting', 'contactWeighting', 'headlineAreaKey'] as const)
      if (stored.scoring[field] !== draft.scoring[field])
        Object.assign(scoring, { [field]: draft.scoring[field] });
    edits.push(scoring);
  }
  return [...edits, ...reordersStillNeeded(stored, edits, draft)];
}

type ParentLevel = 'area' | 'performance' | 'question';

/** Reorders for every list whose order after the other edits is not the draft's. */
function reordersStillNeeded(stored: Edition, edits: readonly DraftEdit[], draft: Edition): DraftEdit[] {
  let edited = stored;
  for (const edit of edits) {
    try {
      edited = applyDraftEdit(edited, edit);
    } catch (error) {
      // An edit that cannot apply is the server's to report; the orders around it are still sent.
      if (!(error instanceof DraftEditError)) throw error;
    }
  }
  const orderNow = new Map(lists(edited).map(({ id, keys }) => [id, keys.join('\n')]));
  return lists(draft)
    .filter(({ id, keys }) => orderNow.get(id) !== keys.join('\n'))
    .map(({ level, parentKey, keys }) => ({ kind: 'reorder', level, parentKey, keys }));
}

/** Every ordered list of the edition, by what holds it. */
function lists(edition: Edition) {
  const keys = (items: readonly { key: string; order: number }[]) => byOrder(items).map((item) => item.key);
  const list = (
    level: ItemLevel,
    container: ContainerRef,
    items: readonly { key: string; order: number }[],
  ) => {
    const parentKey = container.level === 'edition' ? null : container.key;
    return { id: `${level}/${parentKey ?? ''}`, level, parentKey, keys: keys(items) };
  };
  const edition_ = { level: 'edition' } as const;
  return [
    list('channel', edition_, edition.channels),
    list('area', edition_, edition.areas),
    ...edition.areas.flatMap((area) => [
      list('performance', { level: 'area', key: area.key }, area.performances),
      ...area.performances.flatMap((performance) => [
        list('question', { level: 'performance', key: performance.key }, performance.questions),
        ...performance.questions.map((question) =>
          list('option', { level: 'question', key: question.key }, question.options),
        ),
      ]),
    ]),
  ];
}

interface Flat<T> {
  item: T;
  parent: string;
}

/** The tree's items by identity (options: `questionKey/key`), with their parent's key, in survey order. */
function flatten(edition: Edition) {
  const area = new Map<string, Flat<Area>>();
  const performance = new Map<string, Flat<Performance>>();
  const question = new Map<string, Flat<Question>>();
  const option = new Map<string, Flat<AnswerOption>>();
  for (const a of byOrder(edition.areas)) {
    area.set(a.key, { item: a, parent: '' });
    for (const p of byOrder(a.performances)) {
      performance.set(p.key, { item: p, parent: a.key });
      for (const q of byOrder(p.questions)) {
        question.set(q.key, { item: q, parent: p.key });
        for (const o of byOrder(q.options)) option.set(`${q.key}/${o.key}`, { item: o, parent: q.key });
      }
    }
  }
  const channel = new Map(edition.channels.map((c) => [c.key, { item: c, parent: '' }]));
  return { channel, area, performance, question, option };
}

/** Adds `update` with the fields that differ (texts as per-language patches), when any does. */
function pushUpdate(edits: DraftEdit[], update: DraftEdit, old: object, now: object): void {
  const before = old as Record<string, unknown>;
  let changed = false;
  for (const [field, value] of Object.entries(now)) {
    if (LOCALIZED_TEXT_FIELDS.has(field)) {
      const patch = textPatch(before[field] as LocalizedText, value as LocalizedText);
      if (patch) Object.assign(update, { [field]: patch });
      changed ||= patch !== null;
    } else if (JSON.stringify(before[field]) !== JSON.stringify(value)) {
      Object.assign(update, { [field]: value });
      changed = true;
    }
  }
  if (changed) edits.push(update);
}

/** The languages whose text differs: set to the new text, or null where it was removed; null when none. */
function textPatch(before: LocalizedText, after: LocalizedText): TextPatch | null {
  const patch: TextPatch = {};
  for (const locale of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof LocalizedText>)
    if (before[locale] !== after[locale]) patch[locale] = after[locale] ?? null;
  return Object.keys(patch).length > 0 ? patch : null;
}
