import type { AnswerType, CxMetric, LocalizedText, Question } from '@ksp/domain';
import { addEdit, givenOr, removeEdit, reorderEdit, updateEdit } from './definition-item-edits';
import { mergeText } from './merge-text';
import { type NewOption, optionsFrom } from './option-edits';

export interface NewQuestion {
  key?: string | null;
  text: LocalizedText;
  type: AnswerType;
  /** Channel keys it is asked on. */
  channels: string[];
  scored: boolean;
  /** Default false. */
  allowNotApplicable?: boolean;
  /** Default true. */
  required?: boolean;
  cxMetric?: CxMetric | null;
  critical?: Question['critical'];
  /** Default false. */
  bonus?: boolean;
  /** Default none (comment and waiting-time questions have none). */
  options?: NewOption[];
}

/**
 * Omitted fields stay; the text is merged per locale; null clears cxMetric or critical. `options` replaces
 * the whole list (options keep their row where the key is the same); `performanceKey` moves the question.
 */
export interface QuestionChanges extends Partial<Omit<NewQuestion, 'key'>> {
  performanceKey?: string;
}

/** Adds a question (with its options) at the end of a performance. */
export const addQuestion = addEdit(
  ({ performanceKey, input }: { performanceKey: string; input: NewQuestion }) => ({
    level: 'question',
    container: { level: 'performance', key: performanceKey },
    key: input.key,
    keySource: input.text,
    build: (key) => ({
      key,
      text: input.text,
      type: input.type,
      channels: input.channels,
      scored: input.scored,
      allowNotApplicable: input.allowNotApplicable ?? false,
      required: input.required ?? true,
      cxMetric: input.cxMetric ?? null,
      critical: input.critical ?? null,
      bonus: input.bonus ?? false,
      options: optionsFrom(input.options ?? []),
    }),
  }),
);

export const updateQuestion = updateEdit(({ key, input }: { key: string; input: QuestionChanges }) => ({
  ref: { level: 'question', key },
  moveTo:
    input.performanceKey === undefined ? undefined : { level: 'performance', key: input.performanceKey },
  change: (question) => ({
    ...question,
    text: mergeText(question.text, input.text),
    type: givenOr(input.type, question.type),
    channels: givenOr(input.channels, question.channels),
    scored: givenOr(input.scored, question.scored),
    allowNotApplicable: givenOr(input.allowNotApplicable, question.allowNotApplicable),
    required: givenOr(input.required, question.required),
    cxMetric: givenOr(input.cxMetric, question.cxMetric),
    critical: givenOr(input.critical, question.critical),
    bonus: givenOr(input.bonus, question.bonus),
    options: input.options ? optionsFrom(input.options) : question.options,
  }),
}));

/** Removes a question with its options. */
export const removeQuestion = removeEdit(({ key }: { key: string }) => ({ level: 'question', key }));

export const reorderQuestions = reorderEdit('question', ({ performanceKey }: { performanceKey: string }) => ({
  level: 'performance',
  key: performanceKey,
}));
