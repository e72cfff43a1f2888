import { z } from 'zod';
import { optionalLineageSchema } from './lineage';
import { localizedTextSchema } from './locale';
import { questionSchema, stableKeySchema } from './question';

/** A performance (prestasjon): one thing the agent does, measured by one or more questions. Its key survives across years. */
export const performanceSchema = z.object({
  key: stableKeySchema,
  name: localizedTextSchema,
  /** "Her vurderes …" */
  description: localizedTextSchema,
  order: z.number().int().nonnegative(),
  questions: z.array(questionSchema),
  /** Link to the predecessor in the previous edition (see model/lineage); absent or null = not recorded. */
  lineage: optionalLineageSchema,
});
export type Performance = z.infer<typeof performanceSchema>;
