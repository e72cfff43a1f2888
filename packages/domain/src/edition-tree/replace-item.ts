import type { Edition } from '../model/edition';
import type { ItemLevel, ItemOf, ItemRef } from './item-ref';
import { locateOrThrow } from './locate';
import { withItems } from './with-items';

/** Replaces an item with `change(item)` where it sits (EditionItemNotFoundError when it is not there). */
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
