import { z } from 'zod';

/** One answer: the chosen option, a free text, or "not applicable". */
export const answerSchema = z.object({
  questionKey: z.string().min(1),
  optionKey: z.string().min(1).nullable().default(null),
  text: z.string().nullable().default(null),
  notApplicable: z.boolean().default(false),
});
export type Answer = z.infer<typeof answerSchema>;

/**
 * An attempt before the one that ended the contact: when it was made, whether the company answered and after how
 * long (in the channel's unit). It did not count as answered (no answer, or an answer after the channel's maximum
 * wait): otherwise no further attempt would have been made.
 */
export const attemptSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  answered: z.boolean(),
  waitingTime: z.number().nullable().default(null),
});
export type Attempt = z.infer<typeof attemptSchema>;

/**
 * One observer's report of one contact with one company. `contactedAt`, `answered` and `waitingTime` describe the
 * contact's last attempt; the ones before it are `earlierAttempts` (oldest first).
 */
export const evaluationSchema = z.object({
  id: z.string().min(1),
  editionKey: z.string().min(1),
  // Companies and channels are references: an empty or unknown one is the evaluation check's finding, with its code.
  companyKey: z.string(),
  industryKey: z.string().min(1),
  channel: z.string(),
  rolePlayKey: z.string().min(1).nullable(),
  observerKey: z.string().min(1).nullable(),
  contactedAt: z.iso.datetime({ offset: true }),
  /**
   * Whether the company answered the last attempt. An answer after the channel's maximum wait counts as not
   * answered unless the channel's late answers count (contactOutcome); a contact not answered in time scores 0.
   */
  answered: z.boolean(),
  /** Waiting time of the last attempt in the channel's unit (minutes or working days); null when not answered. */
  waitingTime: z.number().nullable(),
  /** The attempts before the last one, oldest first: at most the channel's maxAttempts − 1. */
  earlierAttempts: z.array(attemptSchema).default([]),
  answers: z.array(answerSchema),
  /** One free-text comment per area, keyed by area key. */
  comments: z.record(z.string(), z.string()).default({}),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationInput = z.input<typeof evaluationSchema>;
