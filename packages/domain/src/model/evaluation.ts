import { z } from 'zod';
import { channelKeySchema } from './channel';

/** One answer: the chosen option, a free text, or "not applicable". */
export const answerSchema = z.object({
  questionKey: z.string().min(1),
  optionKey: z.string().min(1).nullable().default(null),
  text: z.string().nullable().default(null),
  notApplicable: z.boolean().default(false),
});
export type Answer = z.infer<typeof answerSchema>;

/** One observer's report of one contact with one company. */
export const evaluationSchema = z.object({
  id: z.string().min(1),
  editionKey: z.string().min(1),
  companyKey: z.string().min(1),
  industryKey: z.string().min(1),
  channel: channelKeySchema,
  rolePlayKey: z.string().min(1).nullable(),
  observerKey: z.string().min(1).nullable(),
  contactedAt: z.iso.datetime({ offset: true }),
  /** False when no answer came within the channel's maximum wait after all attempts: the contact scores 0. */
  answered: z.boolean(),
  /** Waiting time in the channel's unit (minutes or working days); null when not answered. */
  waitingTime: z.number().nullable(),
  answers: z.array(answerSchema),
  /** One free-text comment per area, keyed by area key. */
  comments: z.record(z.string(), z.string()).default({}),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationInput = z.input<typeof evaluationSchema>;
