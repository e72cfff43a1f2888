import type { Edition } from '../model/edition';
import type { ContainerRef, ItemLevel, ItemRef } from './item-ref';
import { itemsIn, locate, locateOrThrow } from './locate';
import { byOrder, numbered } from './sibling-order';
import { withItems } from './with-items';

/**
 * Puts a container's items in the order of `keys` and renumbers them (0, 1, 2, …). Items `keys` leaves out
 * follow in their current order; keys of no item there are ignored.
 */
export function reorderItems(
  edition: Edition,
  container: ContainerRef,
  level: ItemLevel,
  keys: readonly string[],
): Edition {
  const position = new Map(keys.map((key, index) => [key, index]));
  const rank = (key: string) => position.get(key) ?? keys.length;
  return withItems(edition, container, level, (items) =>
    numbered(byOrder(items).sort((a, b) => rank(a.key) - rank(b.key))),
  );
}

/** Where an item stands among its siblings in survey order (`index` from 0), or null when it is not there. */
export function siblingPosition(edition: Edition, ref: ItemRef): { index: number; count: number } | null {
  const located = locate(edition, ref);
  if (!located) return null;
  const siblings = byOrder(itemsIn(edition, located.container, ref.level));
  return { index: siblings.findIndex((item) => item.key === ref.key), count: siblings.length };
}

/** Moves an item to `toIndex` among its siblings (in survey order) and renumbers them. */
export function moveToIndex(edition: Edition, ref: ItemRef, toIndex: number): Edition {
  const { container } = locateOrThrow(edition, ref);
  const keys = byOrder(itemsIn(edition, container, ref.level))
    .map((item) => item.key)
    .filter((key) => key !== ref.key);
  keys.splice(Math.max(0, Math.min(toIndex, keys.length)), 0, ref.key);
  return reorderItems(edition, container, ref.level, keys);
}
