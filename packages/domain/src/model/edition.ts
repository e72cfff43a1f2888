import { z } from 'zod';
import { areaSchema } from './area';
import { channelRuleSchema } from './channel';
import { localeSchema, localizedTextSchema } from './locale';
import { stableKeySchema } from './question';

export const editionStatusSchema = z.enum(['draft', 'published', 'closed']);
export type EditionStatus = z.infer<typeof editionStatusSchema>;

/**
 * How a contact's areas combine into its total, and how contacts combine into a company's total.
 * - `areaWeighting`: `weighted` averages the scored areas' percentages by their weights;
 *   `points` pools all scored points (earned / possible) regardless of area.
 * - `contactWeighting`: `equal` averages every contact alike; `channel` weighs channels by their `weight`.
 */
export const scoringRulesSchema = z.object({
  areaWeighting: z.enum(['weighted', 'points']),
  contactWeighting: z.enum(['equal', 'channel']),
  /** The area reported beside Totalresultat (KSP: Kundebehandleren). */
  headlineAreaKey: stableKeySchema.nullable(),
});
export type ScoringRules = z.infer<typeof scoringRulesSchema>;

/**
 * An award given from the results: class (industry) winners, the overall winner, or "Best på" a channel
 * (every channel when `channel` is null).
 */
export const awardCategorySchema = z.object({
  key: stableKeySchema,
  kind: z.enum(['classWinner', 'overall', 'bestOnChannel']),
  channel: z.string().nullable().default(null),
  name: localizedTextSchema.optional(),
});
export type AwardCategory = z.infer<typeof awardCategorySchema>;

/**
 * Contacts a company needs on a channel to compete for "Best på" that channel when the award rules say
 * nothing: fewer than three contacts is too thin a basis for a channel award. Stored rules keep their value.
 */
export const DEFAULT_MIN_CONTACTS_PER_CHANNEL = 3;

/** Who can win and how ties break; evaluated by the domain's ranking. */
export const awardRulesSchema = z.object({
  minContacts: z.number().int().nonnegative(),
  minTotal: z.number().min(0).max(100),
  minCompaniesPerIndustry: z.number().int().min(1),
  /** Contacts a company needs on a channel to compete for "Best på" that channel (default 3). */
  minContactsPerChannel: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_MIN_CONTACTS_PER_CHANNEL)
    .describe(
      `Contacts a company needs on a channel to compete for "Best på" it; left out = ${DEFAULT_MIN_CONTACTS_PER_CHANNEL}.`,
    ),
  /** The awards given; absent = class winners, the overall winner and best per channel (see awardCategories). */
  categories: z.array(awardCategorySchema).optional(),
});
export type AwardRules = z.infer<typeof awardRulesSchema>;

export const editionSchema = z.object({
  key: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an edition key is letters, digits, - and _ (e.g. KSP24)'),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1),
  status: editionStatusSchema,
  locales: z.array(localeSchema).min(1),
  derivedFrom: z.string().nullable(),
  channels: z.array(channelRuleSchema).min(1),
  /** At least one before publishing (checkEdition); a draft started from scratch has none yet. */
  areas: z.array(areaSchema),
  scoring: scoringRulesSchema,
  awards: awardRulesSchema,
});
export type Edition = z.infer<typeof editionSchema>;
export type EditionInput = z.input<typeof editionSchema>;
