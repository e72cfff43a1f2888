import { MAX_DRAFT_EDITS } from '@ksp/domain';
import { builder } from '../../builder';
import { AnswerTypeEnum, AreaCountingEnum, CriticalEffectEnum, CxMetricEnum, WaitUnitEnum } from '../enums';
import { LocaleEnum, TranslationInput } from '../localized-text';
import { WaitingBandInput } from './inputs';

// The input of applyDefinitionChanges: one `DefinitionChangeInput` per change, exactly one of its fields set
// (@oneOf). Each mirrors one kind of the domain's draft edit (packages/domain/src/draft-edits/draft-edit.ts),
// which checks it: field names are the stored ones, and in updates an omitted field stays as it is.

type InputFields = PothosSchemaTypes.InputFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never,
  'InputObject'
>;

export const DefinitionItemLevelEnum = builder.enumType('DefinitionItemLevel', {
  description: 'A kind of item in an edition’s definition.',
  values: {
    channel: { description: 'A channel and its waiting rules.' },
    area: { description: 'A performance area.' },
    performance: { description: 'A performance (prestasjon).' },
    question: { description: 'A question.' },
    option: { description: 'An answer option (keyed within its question).' },
    edition: { description: 'The edition itself (its scoring rules).' },
  } as const,
});

export const TranslationPatchInput = builder.inputType('TranslationPatchInput', {
  description: 'A text change in one language: a text sets it, null removes that language’s text.',
  fields: (t) => ({
    locale: t.field({ type: LocaleEnum, required: true, description: 'The language.' }),
    text: t.string({ description: 'The new text; null removes the translation.' }),
  }),
});

const texts = (t: InputFields, description: string, required = true) =>
  t.field({ type: [TranslationInput], required, description });
const patch = (t: InputFields, what: string) =>
  t.field({
    type: [TranslationPatchInput],
    description: `The ${what} in the languages given (others stay).`,
  });
const key = (t: InputFields, what: string) =>
  t.string({ required: true, description: `The ${what}’s stable key.` });
const version = (t: InputFields) =>
  t.int({ required: true, description: 'The item’s version the change is based on (as read).' });
const beforeKey = (t: InputFields) =>
  t.string({ description: 'Put it before this sibling; omitted = last.' });

const channelRuleFields = (t: InputFields, required: boolean) => ({
  waitUnit: t.field({
    type: WaitUnitEnum,
    required,
    description: 'Minutes (live channels) or working days.',
  }),
  maxWait: t.float({ required, description: 'Longer than this and the attempt counts as not answered.' }),
  waitingBands: t.field({
    type: [WaitingBandInput],
    required,
    description:
      'Every band in order of `upTo` (the whole list: leave one out to delete it); the last ends at maxWait.',
  }),
  maxAttempts: t.int({ required, description: 'Attempts before the contact counts as not answered.' }),
  retryOnAnotherDay: t.boolean({ required, description: 'New attempts on another day.' }),
  lateAnswerCounts: t.boolean({ description: 'A late answer before the next attempt still counts.' }),
  weight: t.float({ description: 'Share of the total when channels are weighed; null for none.' }),
});

const AddChannelChange = builder.inputType('AddChannelChange', {
  description: 'Adds a channel to the draft.',
  fields: (t) => ({
    key: key(t, 'new channel'),
    name: texts(t, 'Name in one or more languages.'),
    ...channelRuleFields(t, true),
    beforeKey: beforeKey(t),
  }),
});
const UpdateChannelChange = builder.inputType('UpdateChannelChange', {
  description: 'Changes a channel’s name, waiting rules, attempts or weight.',
  fields: (t) => ({
    key: key(t, 'channel'),
    version: version(t),
    name: patch(t, 'name'),
    ...channelRuleFields(t, false),
  }),
});

const areaFields = (t: InputFields, required: boolean) => ({
  counting: t.field({ type: AreaCountingEnum, required, description: 'How it counts towards the total.' }),
  weight: t.float({ description: 'Weight in Totalresultat when areas are weighted; null for none.' }),
});
const AddAreaChange = builder.inputType('AddAreaChange', {
  description: 'Adds an area (without performances).',
  fields: (t) => ({
    key: key(t, 'new area'),
    name: texts(t, 'Name in one or more languages.'),
    description: texts(t, 'Description in one or more languages.', false),
    ...areaFields(t, true),
    beforeKey: beforeKey(t),
  }),
});
const UpdateAreaChange = builder.inputType('UpdateAreaChange', {
  description: 'Changes an area’s texts, counting or weight.',
  fields: (t) => ({
    key: key(t, 'area'),
    version: version(t),
    name: patch(t, 'name'),
    description: patch(t, 'description'),
    ...areaFields(t, false),
  }),
});

const AddPerformanceChange = builder.inputType('AddPerformanceChange', {
  description: 'Adds a performance to an area (without questions).',
  fields: (t) => ({
    areaKey: t.string({ required: true, description: 'The area it goes in.' }),
    key: key(t, 'new performance'),
    name: texts(t, 'Name in one or more languages.'),
    description: texts(t, 'Description (“Her vurderes …”).', false),
    beforeKey: beforeKey(t),
  }),
});
const UpdatePerformanceChange = builder.inputType('UpdatePerformanceChange', {
  description: 'Changes a performance’s texts (move it with `move`).',
  fields: (t) => ({
    key: key(t, 'performance'),
    version: version(t),
    name: patch(t, 'name'),
    description: patch(t, 'description'),
  }),
});

const questionFields = (t: InputFields, required: boolean) => ({
  type: t.field({ type: AnswerTypeEnum, required, description: 'How it is answered.' }),
  channels: t.stringList({ required, description: 'The channels it is asked on (at least one).' }),
  scored: t.boolean({ required, description: 'Whether it earns points.' }),
  allowNotApplicable: t.boolean({ description: 'The observer may answer “not applicable”.' }),
  required: t.boolean({ description: 'The observer must answer it.' }),
  cxMetric: t.field({ type: CxMetricEnum, description: 'The CX metric it feeds; null for none.' }),
  critical: t.field({
    type: CriticalEffectEnum,
    description: 'What a worst answer zeroes; null for nothing.',
  }),
  bonus: t.boolean({ description: 'Bonus points count in earned, never in possible.' }),
});
const AddQuestionChange = builder.inputType('AddQuestionChange', {
  description: 'Adds a question to a performance, without options (add them with `addOption` after it).',
  fields: (t) => ({
    performanceKey: t.string({ required: true, description: 'The performance it goes in.' }),
    key: key(t, 'new question'),
    text: texts(t, 'The question in one or more languages.'),
    ...questionFields(t, true),
    beforeKey: beforeKey(t),
  }),
});
const UpdateQuestionChange = builder.inputType('UpdateQuestionChange', {
  description: 'Changes a question’s text or rules (move it with `move`).',
  fields: (t) => ({
    key: key(t, 'question'),
    version: version(t),
    text: patch(t, 'text'),
    ...questionFields(t, false),
  }),
});

const optionFields = (t: InputFields) => ({
  points: t.float({ description: 'Points when chosen; null on unscored questions.' }),
  value: t.float({ description: 'The numeric value of a scale or NPS option; null for none.' }),
});
const AddOptionChange = builder.inputType('AddOptionChange', {
  description: 'Adds an answer option to a question.',
  fields: (t) => ({
    questionKey: t.string({ required: true, description: 'The question it belongs to.' }),
    key: key(t, 'new option (unique within its question)'),
    label: texts(t, 'Label in one or more languages.'),
    ...optionFields(t),
    beforeKey: beforeKey(t),
  }),
});
const UpdateOptionChange = builder.inputType('UpdateOptionChange', {
  description: 'Changes an option’s label, points or value.',
  fields: (t) => ({
    questionKey: t.string({ required: true, description: 'The question it belongs to.' }),
    key: key(t, 'option'),
    version: version(t),
    label: patch(t, 'label'),
    ...optionFields(t),
  }),
});

const DefinitionItemInput = builder.inputType('DefinitionItemInput', {
  description: 'An item of the definition by its key (an option with its question’s key).',
  fields: (t) => ({
    level: t.field({
      type: DefinitionItemLevelEnum,
      required: true,
      description: 'Its kind (not `edition`).',
    }),
    key: t.string({ required: true, description: 'Its stable key.' }),
    questionKey: t.string({ description: 'Options only: the question it belongs to.' }),
  }),
});
const RemoveItemChange = builder.inputType('RemoveItemChange', {
  description:
    'Removes an item with everything it holds (a channel also leaves every question’s channel list). Refused when evaluations or role plays use it.',
  fields: (t) => ({
    item: t.field({ type: DefinitionItemInput, required: true, description: 'What to remove.' }),
    version: version(t),
  }),
});
const MoveItemChange = builder.inputType('MoveItemChange', {
  description: 'Moves a performance to another area, or a question to another performance.',
  fields: (t) => ({
    item: t.field({ type: DefinitionItemInput, required: true, description: 'A performance or a question.' }),
    version: version(t),
    toKey: t.string({ required: true, description: 'The area or performance to move it to.' }),
    beforeKey: beforeKey(t),
  }),
});
const ReorderChange = builder.inputType('ReorderChange', {
  description:
    'Puts a list in order. Listed keys come first in that order; items left out follow in their order; keys of items no longer there are skipped. No version: an order never conflicts with an item’s edit.',
  fields: (t) => ({
    level: t.field({
      type: DefinitionItemLevelEnum,
      required: true,
      description: 'The kind of items ordered.',
    }),
    parentKey: t.string({
      description: 'The area, performance or question whose items these are; null for channels and areas.',
    }),
    keys: t.stringList({
      required: true,
      description: 'The keys in the new order.',
      extensions: { maxItems: 1000 },
    }),
  }),
});
const UpdateScoringChange = builder.inputType('UpdateScoringChange', {
  description: 'Changes how areas and contacts are weighted, and the headline area.',
  fields: (t) => ({
    version: t.int({ required: true, description: 'The edition’s version the change is based on.' }),
    areaWeighting: t.string({ description: '`weighted` (by area weights) or `points` (all points pooled).' }),
    contactWeighting: t.string({
      description: '`equal` (every contact alike) or `channel` (by channel weights).',
    }),
    headlineAreaKey: t.string({ description: 'The area reported beside Totalresultat; null for none.' }),
  }),
});

export const DefinitionChangeInput = builder.inputType('DefinitionChangeInput', {
  description: 'One change to a draft edition’s definition: set exactly one field.',
  isOneOf: true,
  fields: (t) => ({
    addChannel: t.field({ type: AddChannelChange, description: 'Add a channel.' }),
    updateChannel: t.field({ type: UpdateChannelChange, description: 'Change a channel.' }),
    addArea: t.field({ type: AddAreaChange, description: 'Add an area.' }),
    updateArea: t.field({ type: UpdateAreaChange, description: 'Change an area.' }),
    addPerformance: t.field({ type: AddPerformanceChange, description: 'Add a performance.' }),
    updatePerformance: t.field({ type: UpdatePerformanceChange, description: 'Change a performance.' }),
    addQuestion: t.field({ type: AddQuestionChange, description: 'Add a question.' }),
    updateQuestion: t.field({ type: UpdateQuestionChange, description: 'Change a question.' }),
    addOption: t.field({ type: AddOptionChange, description: 'Add an answer option.' }),
    updateOption: t.field({ type: UpdateOptionChange, description: 'Change an answer option.' }),
    remove: t.field({ type: RemoveItemChange, description: 'Remove an item.' }),
    move: t.field({ type: MoveItemChange, description: 'Move a performance or a question.' }),
    reorder: t.field({ type: ReorderChange, description: 'Put a list in order.' }),
    updateScoring: t.field({ type: UpdateScoringChange, description: 'Change the scoring rules.' }),
  }),
});

export const changesArg = builder.args((t) => ({
  changes: t.field({
    type: [DefinitionChangeInput],
    required: true,
    description: 'The changes, applied in order.',
    extensions: { maxItems: MAX_DRAFT_EDITS },
  }),
}));
