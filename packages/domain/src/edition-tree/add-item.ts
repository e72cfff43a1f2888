import type { Edition } from '../model/edition';
import { EditionItemNotFoundError } from './item-not-found';
import { type ContainerRef, type ItemLevel, type ItemOf, itemRef } from './item-ref';
import { byOrder, numbered } from './sibling-order';
import { withItems } from './with-items';

/**
 * Adds an item to a container: last, or before the sibling `at.before`. Its siblings are renumbered so
 * `order` follows the list (0, 1, 2, …); the given item's own `order` is ignored. Whether its key is free is
 * the caller's to check (see takenKeys).
 */
export function addItem<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  item: Omit<ItemOf[L], 'order'>,
  at?: { before: string },
): Edition {
  return withItems(edition, container, level, (items) => {
    const list = byOrder(items);
    const index = at ? list.findIndex((sibling) => sibling.key === at.before) : list.length;
    if (at && index < 0)
      throw new EditionItemNotFoundError(edition.key, itemRef(level, at.before, container));
    list.splice(index, 0, { ...item, order: index } as ItemOf[L]);
    return numbered(list);
  });
}
