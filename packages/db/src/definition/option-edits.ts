import { type AnswerOption, keyFromText, type LocalizedText } from '@ksp/domain';
import { addEdit, givenOr, removeEdit, reorderEdit, updateEdit } from './definition-item-edits';
import { mergeText } from './merge-text';

export interface NewOption {
  /** Unique within the question; absent = made from the label. */
  key?: string | null;
  label: LocalizedText;
  /** Points when chosen; null on unscored questions. */
  points?: number | null;
  /** The numeric value of a scale or NPS option. */
  value?: number | null;
}

/** Omitted fields stay; the label is merged per locale; null clears points or value. */
export type OptionChanges = Partial<Omit<NewOption, 'key'>>;

/** Domain options from new ones, in the given order, with keys made from labels where none is given. */
export function optionsFrom(options: readonly NewOption[]): AnswerOption[] {
  const taken = new Set(options.flatMap((o) => (o.key == null ? [] : [o.key])));
  return options.map((option, order) => {
    const key = option.key ?? keyFromText(option.label, taken, 'option');
    taken.add(key);
    return { key, label: option.label, order, points: option.points ?? null, value: option.value ?? null };
  });
}

/** Adds an option at the end of a question's options. */
export const addOption = addEdit(({ questionKey, input }: { questionKey: string; input: NewOption }) => ({
  level: 'option',
  container: { level: 'question', key: questionKey },
  key: input.key,
  keySource: input.label,
  build: (key) => ({ key, label: input.label, points: input.points ?? null, value: input.value ?? null }),
}));

/** An option by its question and its key within that question. */
const optionRef = ({ questionKey, key }: { questionKey: string; key: string }) =>
  ({ level: 'option', questionKey, key }) as const;

export const updateOption = updateEdit(
  (request: { questionKey: string; key: string; input: OptionChanges }) => ({
    ref: optionRef(request),
    change: (option) => ({
      ...option,
      label: mergeText(option.label, request.input.label),
      points: givenOr(request.input.points, option.points),
      value: givenOr(request.input.value, option.value),
    }),
  }),
);

export const removeOption = removeEdit(optionRef);

export const reorderOptions = reorderEdit('option', ({ questionKey }: { questionKey: string }) => ({
  level: 'question',
  key: questionKey,
}));
