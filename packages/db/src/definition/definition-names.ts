import type { AnswerOption, Area, ChannelRule, Edition, Performance, Question } from '@ksp/domain';
import { DefinitionNotFoundError } from './definition-errors';

// Pure, key-based edits of the domain's Edition tree. They only rearrange what the caller gives them;
// whether the result is a valid edition is decided by the domain (see validate-definition-change).

export type ItemLevel = 'channel' | 'area' | 'performance' | 'question' | 'option';

/** A definition item by its stable key; options are keyed within their question. */
export type ItemRef =
  | { level: 'channel' | 'area' | 'performance' | 'question'; key: string }
  | { level: 'option'; questionKey: string; key: string };

/** What holds a list of items: the edition (channels, areas), an area, a performance or a question. */
export type ContainerRef = { level: 'edition' } | { level: 'area' | 'performance' | 'question'; key: string };

export type ItemOf = {
  channel: ChannelRule;
  area: Area;
  performance: Performance;
  question: Question;
  option: AnswerOption;
};
export type AnyItem = ItemOf[ItemLevel];

/** Names used in messages and the audit trail. */
export const RESOURCE: Record<ItemLevel, string> = {
  channel: 'Channel',
  area: 'Area',
  performance: 'Performance',
  question: 'Question',
  option: 'Option',
};
export const ENTITY_TYPE: Record<ItemLevel | 'edition', string> = {
  edition: 'Edition',
  channel: 'ChannelRule',
  area: 'Area',
  performance: 'Performance',
  question: 'Question',
  option: 'AnswerOption',
};

/** The level of the items a container holds (the edition holds two kinds, so it is given). */
export const CHILD_LEVEL = { area: 'performance', performance: 'question', question: 'option' } as const;

/** `KSP25/greeting`, or `KSP25/greeting_q1/yes` for an option. */
export function entityIdOf(editionKey: string, ref: ItemRef | ContainerRef): string {
  if (ref.level === 'edition') return editionKey;
  return ref.level === 'option' ? `${editionKey}/${ref.questionKey}/${ref.key}` : `${editionKey}/${ref.key}`;
}

export interface Located<L extends ItemLevel = ItemLevel> {
  item: ItemOf[L];
  /** The domain's path, e.g. `areas[2].performances[0]` (as checkEdition reports problems). */
  path: string;
  container: ContainerRef;
}

/** Where an item sits in the edition, or null. */
export function locate<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
): Located<L> | null {
  return locateItem(edition, ref as ItemRef) as Located<L> | null;
}

function locateItem(edition: Edition, ref: ItemRef): Located | null {
  const found = (item: AnyItem, path: string, container: ContainerRef): Located => ({
    item,
    path,
    container,
  });
  if (ref.level === 'channel') {
    const c = edition.channels.findIndex((channel) => channel.key === ref.key);
    return c < 0 ? null : found(edition.channels[c] as ChannelRule, `channels[${c}]`, { level: 'edition' });
  }
  for (const [a, area] of edition.areas.entries()) {
    const areaPath = `areas[${a}]`;
    if (ref.level === 'area' && area.key === ref.key) return found(area, areaPath, { level: 'edition' });
    for (const [p, performance] of area.performances.entries()) {
      const performancePath = `${areaPath}.performances[${p}]`;
      if (ref.level === 'performance' && performance.key === ref.key)
        return found(performance, performancePath, { level: 'area', key: area.key });
      for (const [q, question] of performance.questions.entries()) {
        const questionPath = `${performancePath}.questions[${q}]`;
        if (ref.level === 'question' && question.key === ref.key)
          return found(question, questionPath, { level: 'performance', key: performance.key });
        if (ref.level === 'option' && question.key === ref.questionKey) {
          const o = question.options.findIndex((option) => option.key === ref.key);
          if (o >= 0)
            return found(question.options[o] as AnswerOption, `${questionPath}.options[${o}]`, {
              level: 'question',
              key: question.key,
            });
        }
      }
    }
  }
  return null;
}

/** The item, or DefinitionNotFoundError. */
export function locateOrThrow<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
): Located<L> {
  const located = locateItem(edition, ref as ItemRef) as Located<L> | null;
  if (!located) throw new DefinitionNotFoundError(RESOURCE[ref.level], entityIdOf(edition.key, ref));
  return located;
}

/** The container's items of `level` (the edition's channels or areas, an area's performances, …). */
export function itemsIn<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
): ItemOf[L][] {
  let items: AnyItem[] | undefined;
  if (container.level === 'edition') items = level === 'channel' ? edition.channels : edition.areas;
  else if (container.level === 'area')
    items = locate(edition, { level: 'area', key: container.key })?.item.performances;
  else if (container.level === 'performance')
    items = locate(edition, { level: 'performance', key: container.key })?.item.questions;
  else items = locate(edition, { level: 'question', key: container.key })?.item.options;
  if (!items)
    throw new DefinitionNotFoundError(
      RESOURCE[container.level as ItemLevel],
      entityIdOf(edition.key, container),
    );
  return items as ItemOf[L][];
}

/** A copy of the edition with the container's items of `level` replaced by `change(items)`. */
export function withItems<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  change: (items: ItemOf[L][]) => ItemOf[L][],
): Edition {
  itemsIn(edition, container, level); // throws when the container does not exist
  const apply = <T>(items: T[]) => change(items as unknown as ItemOf[L][]) as unknown as T[];
  if (container.level === 'edition')
    return level === 'channel'
      ? { ...edition, channels: apply(edition.channels) }
      : { ...edition, areas: apply(edition.areas) };
  const key = container.key;
  return {
    ...edition,
    areas: edition.areas.map((area) => {
      if (container.level === 'area')
        return area.key === key ? { ...area, performances: apply(area.performances) } : area;
      return {
        ...area,
        performances: area.performances.map((performance) => {
          if (container.level === 'performance')
            return performance.key === key
              ? { ...performance, questions: apply(performance.questions) }
              : performance;
          return {
            ...performance,
            questions: performance.questions.map((question) =>
              question.key === key ? { ...question, options: apply(question.options) } : question,
            ),
          };
        }),
      };
    }),
  };
}

/** The next free position at the end of a list. */
const nextOrder = (items: readonly { order: number }[]) =>
  items.reduce((max, item) => Math.max(max, item.order + 1), 0);

/** Appends an item (its order set to after the last one) to a container. */
export function appendItem<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  item: Omit<ItemOf[L], 'order'>,
): Edition {
  return withItems(edition, container, level, (items) => [
    ...items,
    { ...item, order: nextOrder(items) } as ItemOf[L],
  ]);
}

/** Replaces an item with `change(item)` where it sits. */
export function replaceItem<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
  change: (item: ItemOf[L]) => ItemOf[L],
): Edition {
  const { container } = locateOrThrow<L>(edition, ref);
  return withItems(edition, container, ref.level as L, (items) =>
    items.map((item) => (item.key === ref.key ? change(item) : item)),
  );
}

/** Removes an item, and with it everything it holds. */
export function removeItem(edition: Edition, ref: ItemRef): Edition {
  const { container } = locateOrThrow(edition, ref);
  return withItems(edition, container, ref.level, (items) => items.filter((item) => item.key !== ref.key));
}

/** Moves an item to the end of another container of the same kind (a performance to another area, …). */
export function moveItem(edition: Edition, ref: ItemRef, to: ContainerRef): Edition {
  const { item, container } = locateOrThrow(edition, ref);
  if (container.level === to.level && 'key' in container && 'key' in to && container.key === to.key)
    return edition;
  itemsIn(edition, to, ref.level); // the destination must exist
  return appendItem(removeItem(edition, ref), to, ref.level, item);
}

/** Puts a container's items in the order of `keys` (which the caller has checked lists each item once). */
export function reorderItems(
  edition: Edition,
  container: ContainerRef,
  level: ItemLevel,
  keys: string[],
): Edition {
  const position = new Map(keys.map((key, index) => [key, index]));
  return withItems(edition, container, level, (items) =>
    items
      .map((item) => ({ ...item, order: position.get(item.key) ?? item.order }))
      .sort((a, b) => a.order - b.order),
  );
}

/** Keys a new item of `level` must not reuse: edition-wide, except options (unique within their question). */
export function takenKeys(edition: Edition, level: ItemLevel, container: ContainerRef): Set<string> {
  if (level === 'option') return new Set(itemsIn(edition, container, 'option').map((o) => o.key));
  if (level === 'channel') return new Set(edition.channels.map((c) => c.key));
  const areas = edition.areas;
  const performances = areas.flatMap((a) => a.performances);
  const items =
    level === 'area'
      ? areas
      : level === 'performance'
        ? performances
        : performances.flatMap((p) => p.questions);
  return new Set(items.map((item) => item.key));
}
