import type { ContainerRef, ItemLevel, ItemRef } from '@ksp/domain';

// How definition items are named in messages and the audit trail. The tree itself (locating, adding,
// moving, keys) is the domain's edition-tree.

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

/** `KSP25/greeting`, or `KSP25/greeting_q1/yes` for an option. */
export function entityIdOf(editionKey: string, ref: ItemRef | ContainerRef): string {
  if (ref.level === 'edition') return editionKey;
  return ref.level === 'option' ? `${editionKey}/${ref.questionKey}/${ref.key}` : `${editionKey}/${ref.key}`;
}
