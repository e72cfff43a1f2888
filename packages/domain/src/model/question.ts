import { z } from 'zod';
import { channelKeySchema } from './channel';
import { optionalLineageSchema } from './lineage';
import { localizedTextSchema } from './locale';

export const stableKeySchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_.-]*$/,
    'a key is lower-case letters, digits, ".", "-" and "_", starting with a letter',
  );

/**
 * choice: pick one option (points per option); yesNo: a choice with yes/no options;
 * scale: a numeric scale (options carry `value`, e.g. CSAT 1–5); nps: 0–10;
 * waitingTime: points come from the channel's waiting bands; comment: free text, never scored.
 */
export const answerTypeSchema = z.enum(['choice', 'yesNo', 'scale', 'nps', 'waitingTime', 'comment']);
export type AnswerType = z.infer<typeof answerTypeSchema>;

/** The standard CX metrics a question can feed. */
export const cxMetricSchema = z.enum(['CSAT', 'CES', 'NPS', 'VES1', 'VES2']);
export type CxMetric = z.infer<typeof cxMetricSchema>;

export const answerOptionSchema = z.object({
  key: stableKeySchema,
  label: localizedTextSchema,
  order: z.number().int().nonnegative(),
  /** Points earned when chosen; null on unscored questions. */
  points: z.number().nonnegative().nullable(),
  /** The numeric value of a scale or NPS option (e.g. 1–5, 0–10). */
  value: z.number().nullable().default(null),
});
export type AnswerOption = z.infer<typeof answerOptionSchema>;

/** What a worst answer to a critical question does: zero its area, or zero the whole contact. */
export const criticalEffectSchema = z.enum(['area', 'contact']);

export const questionSchema = z.object({
  key: stableKeySchema,
  text: localizedTextSchema,
  order: z.number().int().nonnegative(),
  type: answerTypeSchema,
  /** The channels the question is asked on; other channels never see it. */
  channels: z.array(channelKeySchema).min(1),
  /** Scored questions count in their area; unscored ones are recorded and reported only. */
  scored: z.boolean(),
  /** The observer may answer "not applicable", which removes the question from points possible. */
  allowNotApplicable: z.boolean(),
  required: z.boolean(),
  options: z.array(answerOptionSchema),
  cxMetric: cxMetricSchema.nullable().default(null),
  /** A worst answer zeroes the area or the contact. */
  critical: criticalEffectSchema.nullable().default(null),
  /** Bonus points add to earned but never to possible. */
  bonus: z.boolean().default(false),
  /** Link to the predecessor in the previous edition (see model/lineage); absent or null = not recorded. */
  lineage: optionalLineageSchema,
});
export type Question = z.infer<typeof questionSchema>;
