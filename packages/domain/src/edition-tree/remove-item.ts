import type { Edition } from '../model/edition';
import type { ItemRef } from './item-ref';
import { locateOrThrow } from './locate';
import { byOrder, numbered } from './sibling-order';
import { withItems } from './with-items';

/**
 * Removes an item, and with it everything it holds; the siblings after it move up (orders stay dense).
 * EditionItemNotFoundError when it is not there.
 */
export function removeItem(edition: Edition, ref: ItemRef): Edition {
  const { container } = locateOrThrow(edition, ref);
  return withItems(edition, container, ref.level, (items) =>
    numbered(byOrder(items).filter((item) => item.key !== ref.key)),
  );
}
