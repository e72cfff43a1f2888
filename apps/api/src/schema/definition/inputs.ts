import type { NewOption } from '@ksp/db';
import type { LocalizedText, WaitingBand } from '@ksp/domain';
import { builder } from '../../builder';
import { type FieldError, ValidationError } from '../../errors';
import { AnswerTypeEnum, AreaCountingEnum, CriticalEffectEnum, CxMetricEnum } from '../enums';
import { type Translation, TranslationInput } from '../localized-text';

// Input types of the definition mutations. One rule everywhere: `Add…Input` describes a new item,
// `Update…Input` changes one; in updates an omitted field stays as it is, a nullable value (weight, points,
// cxMetric, …) is cleared with an explicit null, and texts change only in the languages given.

type InputFields = PothosSchemaTypes.InputFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never,
  'InputObject'
>;

/** A new item's text (name, label, …), required, as a list of translations. */
const requiredTexts = (t: InputFields, description: string) =>
  t.field({ type: [TranslationInput], required: true, description });
/** An optional text as a list of translations. */
const optionalTexts = (t: InputFields, description: string) =>
  t.field({ type: [TranslationInput], description });
/** An update's text: the languages given replace theirs, the others stay. */
const changedTexts = (t: InputFields, what: string) =>
  optionalTexts(t, `New ${what} in the languages given (others stay).`);

const keyField = (what: string) =>
  ({
    description: `Stable key of the new ${what} (lower-case letters, digits, ".", "-", "_"); omitted = made from the name. It never changes afterwards.`,
  }) as const;

export const AddAreaInput = builder.inputType('AddAreaInput', {
  description: 'A new area; it is added after the last area, without performances.',
  fields: (t) => ({
    key: t.string(keyField('area')),
    name: requiredTexts(t, 'Name in one or more languages.'),
    description: optionalTexts(t, 'Description in one or more languages.'),
    counting: t.field({
      type: AreaCountingEnum,
      required: true,
      description: 'How it counts towards the total.',
    }),
    weight: t.float({ description: 'Weight in Totalresultat when areas are weighted; null for none.' }),
  }),
});

export const UpdateAreaInput = builder.inputType('UpdateAreaInput', {
  description: 'Changes to an area; omitted fields stay as they are.',
  fields: (t) => ({
    name: changedTexts(t, 'name'),
    description: changedTexts(t, 'description'),
    counting: t.field({ type: AreaCountingEnum, description: 'How it counts towards the total.' }),
    weight: t.float({ description: 'Weight when areas are weighted (0 or more); null clears it.' }),
  }),
});

export const AddPerformanceInput = builder.inputType('AddPerformanceInput', {
  description: 'A new performance; it is added at the end of its area, without questions.',
  fields: (t) => ({
    key: t.string(keyField('performance')),
    name: requiredTexts(t, 'Name in one or more languages.'),
    description: optionalTexts(t, 'Description (“Her vurderes …”) in one or more languages.'),
  }),
});

export const UpdatePerformanceInput = builder.inputType('UpdatePerformanceInput', {
  description: 'Changes to a performance; omitted fields stay as they are.',
  fields: (t) => ({
    name: changedTexts(t, 'name'),
    description: changedTexts(t, 'description'),
    areaKey: t.string({ description: 'Moves the performance to the end of this area.' }),
  }),
});

export const AddOptionInput = builder.inputType('AddOptionInput', {
  description: 'A new answer option.',
  fields: (t) => ({
    key: t.string(keyField('option (unique within its question)')),
    label: requiredTexts(t, 'Label in one or more languages.'),
    points: t.float({ description: 'Points when chosen; null (or omitted) on unscored questions.' }),
    value: t.float({ description: 'Numeric value of a scale or NPS option.' }),
  }),
});

export const UpdateOptionInput = builder.inputType('UpdateOptionInput', {
  description: 'Changes to an answer option; omitted fields stay as they are.',
  fields: (t) => ({
    label: changedTexts(t, 'label'),
    points: t.float({ description: 'Points when chosen; null clears them.' }),
    value: t.float({ description: 'Numeric value; null clears it.' }),
  }),
});

export const AddQuestionInput = builder.inputType('AddQuestionInput', {
  description: 'A new question with its options; it is added at the end of its performance.',
  fields: (t) => ({
    key: t.string(keyField('question')),
    text: requiredTexts(t, 'The question in one or more languages.'),
    type: t.field({ type: AnswerTypeEnum, required: true, description: 'The kind of answer.' }),
    channels: t.stringList({ required: true, description: 'Keys of the channels it is asked on.' }),
    scored: t.boolean({ required: true, description: 'Whether its points count.' }),
    allowNotApplicable: t.boolean({ description: 'Whether “not applicable” is allowed (default false).' }),
    required: t.boolean({ description: 'Whether an answered contact must answer it (default true).' }),
    cxMetric: t.field({
      type: CxMetricEnum,
      description: 'The CX metric it feeds (separate-index areas only).',
    }),
    critical: t.field({ type: CriticalEffectEnum, description: 'What a worst answer zeroes, if anything.' }),
    bonus: t.boolean({ description: 'Bonus points add to earned, never to possible (default false).' }),
    options: t.field({ type: [AddOptionInput], description: 'Its answer options, in order (default none).' }),
  }),
});

export const UpdateQuestionInput = builder.inputType('UpdateQuestionInput', {
  description: 'Changes to a question; omitted fields stay as they are.',
  fields: (t) => ({
    text: changedTexts(t, 'text'),
    type: t.field({ type: AnswerTypeEnum, description: 'The kind of answer.' }),
    channels: t.stringList({ description: 'Keys of the channels it is asked on (replaces the list).' }),
    scored: t.boolean({ description: 'Whether its points count.' }),
    allowNotApplicable: t.boolean({ description: 'Whether “not applicable” is allowed.' }),
    required: t.boolean({ description: 'Whether an answered contact must answer it.' }),
    cxMetric: t.field({ type: CxMetricEnum, description: 'The CX metric it feeds; null for none.' }),
    critical: t.field({
      type: CriticalEffectEnum,
      description: 'What a worst answer zeroes; null for nothing.',
    }),
    bonus: t.boolean({ description: 'Bonus points add to earned, never to possible.' }),
    options: t.field({
      type: [AddOptionInput],
      description:
        'Replaces all options (e.g. with a new type): an option whose key is kept keeps its identity; use the option mutations for single changes.',
    }),
    performanceKey: t.string({ description: 'Moves the question to the end of this performance.' }),
  }),
});

export const WaitingBandInput = builder.inputType('WaitingBandInput', {
  description: 'A waiting band.',
  fields: (t) => ({
    upTo: t.float({ required: true, description: 'Upper limit, inclusive, in the channel’s unit.' }),
    points: t.float({ required: true, description: 'Points within the band.' }),
  }),
});

export const ChannelRuleInput = builder.inputType('ChannelRuleInput', {
  description: 'Changes to a channel’s rules; omitted fields stay as they are.',
  fields: (t) => ({
    name: changedTexts(t, 'name'),
    maxWait: t.float({ description: 'Longer than this and the attempt counts as not answered.' }),
    waitingBands: t.field({
      type: [WaitingBandInput],
      description: 'Waiting bands (stored sorted by upTo; the last must end at the maximum wait).',
    }),
    maxAttempts: t.int({ description: 'Attempts before the contact counts as not answered.' }),
    retryOnAnotherDay: t.boolean({ description: 'New attempts on another day.' }),
    lateAnswerCounts: t.boolean({
      description: 'A late answer before the next attempt still counts as answered.',
    }),
    weight: t.float({ description: 'Share of the total when channels are weighed; null clears it.' }),
  }),
});

/**
 * Reads API input into the data layer's: translation lists become `{ nb, en }` texts (a language given
 * twice is a problem), null on a field that cannot be cleared means "not given". Problems are collected
 * and thrown together as one ValidationError.
 */
export class InputReader {
  private readonly problems: FieldError[] = [];

  text(list: readonly Translation[], path: string): LocalizedText;
  text(list: readonly Translation[] | null | undefined, path: string): LocalizedText | undefined;
  text(list: readonly Translation[] | null | undefined, path: string): LocalizedText | undefined {
    if (list == null) return undefined;
    const text: LocalizedText = {};
    list.forEach(({ locale, text: value }, i) => {
      if (text[locale] !== undefined)
        this.problems.push({ path: `${path}[${i}].locale`, message: `${locale} is given more than once` });
      text[locale] = value;
    });
    return text;
  }

  /** A value that cannot be null in the model: null is the same as omitted. */
  given<T>(value: T | null | undefined): T | undefined {
    return value ?? undefined;
  }

  options(list: readonly OptionInputValue[] | null | undefined, path: string): NewOption[] | undefined {
    return list?.map((option, i) => ({
      key: option.key ?? undefined,
      label: this.text(option.label, `${path}[${i}].label`),
      points: option.points ?? null,
      value: option.value ?? null,
    }));
  }

  bands(list: readonly WaitingBand[] | null | undefined): WaitingBand[] | undefined {
    return list?.map(({ upTo, points }) => ({ upTo, points }));
  }

  /** Throws the collected problems, if any; returns `value` otherwise. */
  done<T>(value: T): T {
    if (this.problems.length > 0) throw new ValidationError(this.problems);
    return value;
  }
}

type OptionInputValue = {
  key?: string | null;
  label: Translation[];
  points?: number | null;
  value?: number | null;
};
