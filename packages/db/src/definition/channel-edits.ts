import type { LocalizedText, WaitingBand } from '@ksp/domain';
import { givenOr, updateEdit } from './definition-item-edits';
import { mergeText } from './merge-text';

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
export const setChannelRule = updateEdit(({ key, input }: { key: string; input: ChannelRuleChanges }) => ({
  ref: { level: 'channel', key },
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
    weight: givenOr(input.weight, channel.weight),
  }),
}));
