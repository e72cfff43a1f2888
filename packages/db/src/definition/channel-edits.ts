import type { LocalizedText, WaitingBand } from '@ksp/domain';
import type { Database } from '../database/create-database';
import type { DefinitionReader, DefinitionRequest, EditedDefinition } from './change-definition';
import { givenFields, returnEdited, updateDefinitionItem } from './definition-item-edits';
import { mergeText } from './stable-key';

type Db = Pick<Database, 'prisma'>;

/** Omitted fields stay; the name is merged per locale; `weight: null` clears the weight. */
export interface ChannelRuleChanges {
  name?: LocalizedText;
  maxWait?: number;
  /** Stored sorted by `upTo`. */
  waitingBands?: WaitingBand[];
  maxAttempts?: number;
  retryOnAnotherDay?: boolean;
  lateAnswerCounts?: boolean;
  weight?: number | null;
}

/** Changes a channel's waiting time, bands, attempts, weight or name in a draft edition. */
export function setChannelRule<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number; input: ChannelRuleChanges },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return updateDefinitionItem(
    db,
    request,
    {
      ref: { level: 'channel', key: request.key },
      version: request.version,
      fields: givenFields(input),
      rename: {
        'attempts.maxAttempts': 'maxAttempts',
        'attempts.retryOnAnotherDay': 'retryOnAnotherDay',
        'attempts.lateAnswerCounts': 'lateAnswerCounts',
      },
      change: (channel) => ({
        ...channel,
        name: mergeText(channel.name, input.name),
        maxWait: input.maxWait ?? channel.maxWait,
        waitingBands: input.waitingBands
          ? [...input.waitingBands].sort((a, b) => a.upTo - b.upTo)
          : channel.waitingBands,
        attempts: {
          maxAttempts: input.maxAttempts ?? channel.attempts.maxAttempts,
          retryOnAnotherDay: input.retryOnAnotherDay ?? channel.attempts.retryOnAnotherDay,
          lateAnswerCounts: input.lateAnswerCounts ?? channel.attempts.lateAnswerCounts,
        },
        weight: input.weight === undefined ? channel.weight : input.weight,
      }),
    },
    read,
  );
}
