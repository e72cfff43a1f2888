import type { ContainerRef, ItemRef } from './item-ref';

/** An edit of the edition tree names an item (or a container) that is not in the edition. */
export class EditionItemNotFoundError extends Error {
  constructor(
    readonly editionKey: string,
    readonly ref: ItemRef | Exclude<ContainerRef, { level: 'edition' }>,
  ) {
    const name = ref.level === 'option' ? `${ref.questionKey}/${ref.key}` : ref.key;
    super(`${ref.level} "${name}" is not in edition ${editionKey}`);
    this.name = 'EditionItemNotFoundError';
  }
}
