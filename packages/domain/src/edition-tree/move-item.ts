import type { Edition } from '../model/edition';
import { addItem } from './add-item';
import { type ContainerRef, type ItemRef, sameContainer } from './item-ref';
import { itemsIn, locateOrThrow } from './locate';
import { removeItem } from './remove-item';

/**
 * Moves an item, with everything it holds and its key, to the end of another container of its kind (a
 * performance to another area, a question to another performance). Both lists keep dense orders. Moving it
 * to the container it is in changes nothing. EditionItemNotFoundError when the item or the container is not there.
 */
export function moveItem(edition: Edition, ref: ItemRef, to: ContainerRef): Edition {
  const { item, container } = locateOrThrow(edition, ref);
  if (sameContainer(container, to)) return edition;
  itemsIn(edition, to, ref.level); // the destination must exist
  return addItem(removeItem(edition, ref), to, ref.level, item);
}
