import type { Area } from '../model/area';
import type { ChannelRule } from '../model/channel';
import type { Performance } from '../model/performance';
import type { AnswerOption, Question } from '../model/question';

/** The kinds of item in an edition's tree. */
export type ItemLevel = 'channel' | 'area' | 'performance' | 'question' | 'option';

export type ItemOf = {
  channel: ChannelRule;
  area: Area;
  performance: Performance;
  question: Question;
  option: AnswerOption;
};
export type AnyItem = ItemOf[ItemLevel];

/**
 * An item by its stable key. Keys are unique per kind across the edition (see checkEdition), except options:
 * they are keyed within their question.
 */
export type ItemRef =
  | { level: 'channel' | 'area' | 'performance' | 'question'; key: string }
  | { level: 'option'; questionKey: string; key: string };

/** What holds a list of items: the edition (channels, areas), an area, a performance or a question. */
export type ContainerRef = { level: 'edition' } | { level: 'area' | 'performance' | 'question'; key: string };

/** The kind of container that holds each kind of item. */
export const CONTAINER_LEVEL = {
  channel: 'edition',
  area: 'edition',
  performance: 'area',
  question: 'performance',
  option: 'question',
} as const satisfies Record<ItemLevel, ContainerRef['level']>;

/** The field of each kind of container below the edition that lists its items. */
export const LIST_FIELD = { area: 'performances', performance: 'questions', question: 'options' } as const;

/** Whether two refs name the same container. */
export const sameContainer = (a: ContainerRef, b: ContainerRef): boolean =>
  a.level === 'edition' || b.level === 'edition'
    ? a.level === b.level
    : a.level === b.level && a.key === b.key;

/** Throws when `container` is not the kind that holds items of `level` (a programming error). */
export function assertHolds(container: ContainerRef, level: ItemLevel): void {
  if (container.level !== CONTAINER_LEVEL[level])
    throw new Error(`the ${container.level} holds no ${level}s`);
}

/** The item `key` of `level` in `container` (an option is named with its question). */
export function itemRef(level: ItemLevel, key: string, container: ContainerRef): ItemRef {
  if (level !== 'option') return { level, key };
  return { level, key, questionKey: container.level === 'question' ? container.key : '' };
}
