import { z } from 'zod';
import { areaCountingSchema } from '../model/area';
import { attemptRuleSchema, channelKeySchema, waitingBandSchema, waitUnitSchema } from '../model/channel';
import { scoringRulesSchema } from '../model/edition';
import { localeSchema, localizedTextSchema } from '../model/locale';
import { answerTypeSchema, criticalEffectSchema, cxMetricSchema, stableKeySchema } from '../model/question';

// One edit an admin makes to a draft edition's definition. The editor keeps its unsaved work as the
// edition it shows; `draftEditsBetween(stored, edited)` turns that into these edits, and
// `applyDraftEdits` (behind the API's one save, applyDefinitionChanges) applies them in order. Both are this package's, so the app
// and the server cannot disagree on what a change means.
//
// Versions: `version` is the item's version as the client read it (the edition's version for
// `updateScoring`). A change based on an older version is still applied when nobody changed the fields it
// touches since (see touchedFields); for an item added earlier in the same list it is ignored.
// Keys: adds carry the new item's key (make one with keyFromText), so later changes in the same list can name it.

/** The fields of an item that are a text per language (in updates a TextPatch, in merges compared per language). */
export const LOCALIZED_TEXT_FIELDS: ReadonlySet<string> = new Set(['name', 'description', 'text', 'label']);

/** A text edit per locale: a string sets that locale's text, null removes it, absent locales stay. */
export const textPatchSchema = z.partialRecord(localeSchema, z.string().trim().min(1).nullable());
export type TextPatch = z.infer<typeof textPatchSchema>;

const version = z.number().int().min(0);
/** Put the new or moved item before this sibling; absent = last. */
const beforeKey = stableKeySchema.optional();

export const addChannelEditSchema = z.object({
  kind: z.literal('addChannel'),
  key: channelKeySchema,
  name: localizedTextSchema,
  waitUnit: waitUnitSchema,
  maxWait: z.number().positive(),
  waitingBands: z.array(waitingBandSchema).min(1),
  maxAttempts: attemptRuleSchema.shape.maxAttempts,
  retryOnAnotherDay: z.boolean(),
  lateAnswerCounts: z.boolean().default(false),
  weight: z.number().nonnegative().nullable().default(null),
  beforeKey: channelKeySchema.optional(),
});

export const updateChannelEditSchema = z.object({
  kind: z.literal('updateChannel'),
  key: channelKeySchema,
  version,
  name: textPatchSchema.optional(),
  waitUnit: waitUnitSchema.optional(),
  maxWait: z.number().positive().optional(),
  /** The whole list of bands (a band is added or deleted by sending the list without or with it). */
  waitingBands: z.array(waitingBandSchema).min(1).optional(),
  maxAttempts: attemptRuleSchema.shape.maxAttempts.optional(),
  retryOnAnotherDay: z.boolean().optional(),
  lateAnswerCounts: z.boolean().optional(),
  weight: z.number().nonnegative().nullable().optional(),
});

export const addAreaEditSchema = z.object({
  kind: z.literal('addArea'),
  key: stableKeySchema,
  name: localizedTextSchema,
  description: localizedTextSchema.default({}),
  counting: areaCountingSchema,
  weight: z.number().nonnegative().nullable().default(null),
  beforeKey,
});

export const updateAreaEditSchema = z.object({
  kind: z.literal('updateArea'),
  key: stableKeySchema,
  version,
  name: textPatchSchema.optional(),
  description: textPatchSchema.optional(),
  counting: areaCountingSchema.optional(),
  weight: z.number().nonnegative().nullable().optional(),
});

export const addPerformanceEditSchema = z.object({
  kind: z.literal('addPerformance'),
  areaKey: stableKeySchema,
  key: stableKeySchema,
  name: localizedTextSchema,
  description: localizedTextSchema.default({}),
  beforeKey,
});

export const updatePerformanceEditSchema = z.object({
  kind: z.literal('updatePerformance'),
  key: stableKeySchema,
  version,
  name: textPatchSchema.optional(),
  description: textPatchSchema.optional(),
});

/** A new question, without options (add them with addOption changes after it). */
export const addQuestionEditSchema = z.object({
  kind: z.literal('addQuestion'),
  performanceKey: stableKeySchema,
  key: stableKeySchema,
  text: localizedTextSchema,
  type: answerTypeSchema,
  channels: z.array(channelKeySchema).min(1),
  scored: z.boolean(),
  allowNotApplicable: z.boolean().default(false),
  required: z.boolean().default(true),
  cxMetric: cxMetricSchema.nullable().default(null),
  critical: criticalEffectSchema.nullable().default(null),
  bonus: z.boolean().default(false),
  beforeKey,
});

export const updateQuestionEditSchema = z.object({
  kind: z.literal('updateQuestion'),
  key: stableKeySchema,
  version,
  text: textPatchSchema.optional(),
  type: answerTypeSchema.optional(),
  channels: z.array(channelKeySchema).min(1).optional(),
  scored: z.boolean().optional(),
  allowNotApplicable: z.boolean().optional(),
  required: z.boolean().optional(),
  cxMetric: cxMetricSchema.nullable().optional(),
  critical: criticalEffectSchema.nullable().optional(),
  bonus: z.boolean().optional(),
});

export const addOptionEditSchema = z.object({
  kind: z.literal('addOption'),
  questionKey: stableKeySchema,
  key: stableKeySchema,
  label: localizedTextSchema,
  points: z.number().nonnegative().nullable().default(null),
  value: z.number().nullable().default(null),
  beforeKey,
});

export const updateOptionEditSchema = z.object({
  kind: z.literal('updateOption'),
  questionKey: stableKeySchema,
  key: stableKeySchema,
  version,
  label: textPatchSchema.optional(),
  points: z.number().nonnegative().nullable().optional(),
  value: z.number().nullable().optional(),
});

const levelSchema = z.enum(['channel', 'area', 'performance', 'question', 'option']);

/** An item of the tree by its key (an option with its question's key). */
export const itemRefSchema = z.discriminatedUnion('level', [
  z.object({ level: levelSchema.exclude(['option']), key: z.string() }),
  z.object({ level: z.literal('option'), questionKey: stableKeySchema, key: stableKeySchema }),
]);

/** Removes an item with everything it holds (a channel is also taken off every question's channel list). */
export const removeEditSchema = z.object({
  kind: z.literal('remove'),
  item: itemRefSchema,
  version,
});

/** Moves a performance to another area or a question to another performance (last, or before `beforeKey`). */
export const moveEditSchema = z.object({
  kind: z.literal('move'),
  item: z.object({ level: z.enum(['performance', 'question']), key: stableKeySchema }),
  version,
  toKey: stableKeySchema,
  beforeKey,
});

/**
 * Puts a list in order: the edition's channels or areas (`parentKey` null), an area's performances, a
 * performance's questions, a question's options. Listed keys come first in that order; items the list leaves
 * out (added meanwhile by someone else) follow in their current order; keys of items no longer there are
 * skipped. Reorders carry no version: the order belongs to the list and never conflicts with an item's edit.
 */
export const reorderEditSchema = z.object({
  kind: z.literal('reorder'),
  level: levelSchema,
  parentKey: z.string().nullable(),
  keys: z.array(z.string()).max(1000),
});

/** The weighting scheme and the headline area (the edition's ScoringRules); version = the edition's. */
export const updateScoringEditSchema = z.object({
  kind: z.literal('updateScoring'),
  version,
  areaWeighting: scoringRulesSchema.shape.areaWeighting.optional(),
  contactWeighting: scoringRulesSchema.shape.contactWeighting.optional(),
  headlineAreaKey: stableKeySchema.nullable().optional(),
});

export const draftEditSchema = z.discriminatedUnion('kind', [
  addChannelEditSchema,
  updateChannelEditSchema,
  addAreaEditSchema,
  updateAreaEditSchema,
  addPerformanceEditSchema,
  updatePerformanceEditSchema,
  addQuestionEditSchema,
  updateQuestionEditSchema,
  addOptionEditSchema,
  updateOptionEditSchema,
  removeEditSchema,
  moveEditSchema,
  reorderEditSchema,
  updateScoringEditSchema,
]);

export type DraftEdit = z.infer<typeof draftEditSchema>;
export type DraftEditInput = z.input<typeof draftEditSchema>;
export type DraftEditKind = DraftEdit['kind'];
export type DraftEditOf<K extends DraftEditKind> = Extract<DraftEdit, { kind: K }>;

/** The most changes one save may carry (a whole new edition's tree fits). */
export const MAX_DRAFT_EDITS = 2000;
