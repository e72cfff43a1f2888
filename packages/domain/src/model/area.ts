import { z } from 'zod';
import { optionalLineageSchema } from './lineage';
import { localizedTextSchema } from './locale';
import { performanceSchema } from './performance';
import { stableKeySchema } from './question';

/**
 * scored: counts in Totalresultat with its weight; unscored: recorded and reported, no points (GDPR 2023);
 * separateIndex: a separate index such as CX, never in the total.
 */
export const areaCountingSchema = z.enum(['scored', 'unscored', 'separateIndex']);
export type AreaCounting = z.infer<typeof areaCountingSchema>;

export const areaSchema = z.object({
  key: stableKeySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  order: z.number().int().nonnegative(),
  counting: areaCountingSchema,
  /** Relative weight in Totalresultat (scored areas only). */
  weight: z.number().nonnegative().nullable(),
  performances: z.array(performanceSchema),
  /** Link to the predecessor in the previous edition (see model/lineage); absent or null = not recorded. */
  lineage: optionalLineageSchema,
});
export type Area = z.infer<typeof areaSchema>;
