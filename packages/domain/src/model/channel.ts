import { z } from 'zod';
import { localizedTextSchema } from './locale';

/** A stable key for a channel. The four KSP channels are built in; others can be added per edition. */
export const channelKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a channel key is lower-case letters, digits and _');
export type ChannelKey = z.infer<typeof channelKeySchema>;
export const KSP_CHANNELS = ['phone', 'email', 'chat', 'messenger'] as const;

/** The unit a channel's waiting time is measured in: minutes for live channels, working days for e-mail. */
export const waitUnitSchema = z.enum(['minutes', 'workingDays']);
export type WaitUnit = z.infer<typeof waitUnitSchema>;

/**
 * A waiting-time band: an answer within `upTo` (in the channel's unit, inclusive) earns `points`.
 * Bands are ordered by `upTo`; the first band whose limit is not exceeded applies.
 */
export const waitingBandSchema = z.object({
  upTo: z.number().nonnegative(),
  points: z.number().nonnegative(),
});
export type WaitingBand = z.infer<typeof waitingBandSchema>;

/** How many times an observer tries a channel before the contact counts as not answered. */
export const attemptRuleSchema = z.object({
  maxAttempts: z.number().int().min(1),
  /** A new attempt is made on another day (telephone, chat) rather than right away. */
  retryOnAnotherDay: z.boolean(),
  /** Messenger: an answer after the maximum wait but before the next attempt still counts as answered (0 waiting points). */
  lateAnswerCounts: z.boolean().default(false),
});
export type AttemptRule = z.infer<typeof attemptRuleSchema>;

/** A channel as used in one edition: its maximum waiting time, bands and attempt rules. */
export const channelRuleSchema = z.object({
  key: channelKeySchema,
  name: localizedTextSchema,
  order: z.number().int().nonnegative(),
  waitUnit: waitUnitSchema,
  /** Longer than this (in `waitUnit`) and the attempt counts as not answered. */
  maxWait: z.number().positive(),
  waitingBands: z.array(waitingBandSchema).min(1),
  attempts: attemptRuleSchema,
  /** Share of a company's total when the edition weighs channels (e.g. telephone 0.5). */
  weight: z.number().nonnegative().nullable().default(null),
});
export type ChannelRule = z.infer<typeof channelRuleSchema>;
