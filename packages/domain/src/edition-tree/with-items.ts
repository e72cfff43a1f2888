import type { Edition } from '../model/edition';
import { assertHolds, type ContainerRef, type ItemLevel, type ItemOf, LIST_FIELD } from './item-ref';
import { locateOrThrow } from './locate';

/**
 * A copy of the edition with the container's items of `level` replaced by `change(items)`; only the
 * containers on the way to it are copied (EditionItemNotFoundError when it is not in the edition).
 */
export function withItems<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  change: (items: ItemOf[L][]) => ItemOf[L][],
): Edition {
  assertHolds(container, level);
  const apply = <T>(items: T[]) => change(items as unknown as ItemOf[L][]) as unknown as T[];
  if (container.level === 'edition')
    return level === 'channel'
      ? { ...edition, channels: apply(edition.channels) }
      : { ...edition, areas: apply(edition.areas) };
  // The container is itself an item of its holder: change it in its holder's list.
  const holder = locateOrThrow(edition, container).container;
  const field = LIST_FIELD[container.level];
  return withItems(edition, holder, container.level, (siblings) =>
    siblings.map((sibling) => {
      if (sibling.key !== container.key) return sibling;
      const list = (sibling as unknown as Record<typeof field, unknown[]>)[field];
      return { ...sibling, [field]: apply(list) };
    }),
  );
}
