import type { Edition } from '../model/edition';
import type { ContainerRef, ItemLevel } from './item-ref';
import { itemsIn } from './locate';

/**
 * The keys a new item of `level` in `container` must not use. Keys are unique per kind across the edition
 * (an area may share its key with a performance; two performances, even in different areas, may not), except
 * options, which are unique within their question: what checkEdition requires.
 */
export function takenKeys(edition: Edition, level: ItemLevel, container: ContainerRef): Set<string> {
  const keys = (items: readonly { key: string }[]) => new Set(items.map((item) => item.key));
  const performances = () => edition.areas.flatMap((area) => area.performances);
  switch (level) {
    case 'channel':
      return keys(edition.channels);
    case 'area':
      return keys(edition.areas);
    case 'performance':
      return keys(performances());
    case 'question':
      return keys(performances().flatMap((performance) => performance.questions));
    case 'option':
      return keys(itemsIn(edition, container, 'option'));
  }
}
