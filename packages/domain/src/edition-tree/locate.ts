import type { Edition } from '../model/edition';
import type { AnswerOption } from '../model/question';
import { EditionItemNotFoundError } from './item-not-found';
import {
  type AnyItem,
  assertHolds,
  type ContainerRef,
  type ItemLevel,
  type ItemOf,
  type ItemRef,
  LIST_FIELD,
} from './item-ref';

export interface Located<L extends ItemLevel = ItemLevel> {
  item: ItemOf[L];
  /** The item's path in the edition, e.g. `areas[2].performances[0]` (as checkEdition reports problems). */
  path: string;
  /** What holds it. */
  container: ContainerRef;
}

/** Where an item sits in the edition, or null when it is not there. */
export function locate<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
): Located<L> | null {
  return locateItem(edition, ref as ItemRef) as Located<L> | null;
}

/** Where an item sits, or EditionItemNotFoundError. */
export function locateOrThrow<L extends ItemLevel>(
  edition: Edition,
  ref: ItemRef & { level: L },
): Located<L> {
  const located = locateItem(edition, ref as ItemRef) as Located<L> | null;
  if (!located) throw new EditionItemNotFoundError(edition.key, ref);
  return located;
}

function locateItem(edition: Edition, ref: ItemRef): Located | null {
  const found = (item: AnyItem, path: string, container: ContainerRef): Located => ({
    item,
    path,
    container,
  });
  if (ref.level === 'channel') {
    const c = edition.channels.findIndex((channel) => channel.key === ref.key);
    const channel = edition.channels[c];
    return channel ? found(channel, `channels[${c}]`, { level: 'edition' }) : null;
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

/** The container's items of `level` as listed (the edition's channels or areas, an area's performances, …). */
export function itemsIn<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
): ItemOf[L][] {
  assertHolds(container, level);
  if (container.level === 'edition')
    return (level === 'channel' ? edition.channels : edition.areas) as ItemOf[L][];
  const { item } = locateOrThrow(edition, container);
  return (item as unknown as Record<string, ItemOf[L][]>)[LIST_FIELD[container.level]] as ItemOf[L][];
}
