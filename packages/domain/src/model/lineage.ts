import { z } from 'zod';

/**
 * How an item relates to its predecessor in the edition it was derived from:
 * identical; reworded (texts only); rescaled (options, points, weights or what it holds changed);
 * moved (now in another area or performance); split (one item became two); merged (two became one);
 * new (no predecessor). A retired item is one absent from the newer edition, so it carries no mark.
 */
export const lineageMarkSchema = z.enum([
  'identical',
  'reworded',
  'rescaled',
  'moved',
  'split',
  'merged',
  'new',
]);
export type LineageMark = z.infer<typeof lineageMarkSchema>;

/** Who set the mark: computed when the edition was derived or edited, or set by an admin (kept on refresh). */
export const lineageSourceSchema = z.enum(['derivation', 'admin']);
export type LineageSource = z.infer<typeof lineageSourceSchema>;

export const lineageSchema = z.object({
  /** Keys (same level) in the previous edition; empty for a new item. */
  predecessorKeys: z.array(z.string().min(1)),
  mark: lineageMarkSchema,
  markSetBy: lineageSourceSchema,
});
export type Lineage = z.infer<typeof lineageSchema>;

/** The lineage field of areas, performances and questions: optional so that existing data stays valid; absent = null. */
export const optionalLineageSchema = lineageSchema.nullable().optional();
