import type { AnswerType, CxMetric, LocalizedText, Question } from '@ksp/domain';
import type { Database } from '../database/create-database';
import type { DefinitionReader, DefinitionRequest, EditedDefinition } from './change-definition';
import {
  addDefinitionItem,
  givenFields,
  removeDefinitionItem,
  reorderDefinitionItems,
  returnEdited,
  updateDefinitionItem,
} from './definition-item-edits';
import { type NewOption, optionsFrom } from './option-edits';
import { mergeText } from './stable-key';

type Db = Pick<Database, 'prisma'>;

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
export interface QuestionChanges {
  text?: LocalizedText;
  type?: AnswerType;
  channels?: string[];
  scored?: boolean;
  allowNotApplicable?: boolean;
  required?: boolean;
  cxMetric?: CxMetric | null;
  critical?: Question['critical'];
  bonus?: boolean;
  options?: NewOption[];
  performanceKey?: string;
}

/** Adds a question (with its options) at the end of a performance. */
export function addQuestion<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { performanceKey: string; input: NewQuestion },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return addDefinitionItem(
    db,
    request,
    {
      level: 'question',
      container: { level: 'performance', key: request.performanceKey },
      key: input.key,
      keySource: input.text,
      fields: givenFields(input),
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
    },
    read,
  );
}

export function updateQuestion<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number; input: QuestionChanges },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  const keep = <V>(given: V | undefined, current: V) => (given === undefined ? current : given);
  return updateDefinitionItem(
    db,
    request,
    {
      ref: { level: 'question', key: request.key },
      version: request.version,
      fields: givenFields(input),
      moveTo:
        input.performanceKey === undefined ? undefined : { level: 'performance', key: input.performanceKey },
      change: (question) => ({
        ...question,
        text: mergeText(question.text, input.text),
        type: keep(input.type, question.type),
        channels: keep(input.channels, question.channels),
        scored: keep(input.scored, question.scored),
        allowNotApplicable: keep(input.allowNotApplicable, question.allowNotApplicable),
        required: keep(input.required, question.required),
        cxMetric: keep(input.cxMetric, question.cxMetric),
        critical: keep(input.critical, question.critical),
        bonus: keep(input.bonus, question.bonus),
        options: input.options ? optionsFrom(input.options) : question.options,
      }),
    },
    read,
  );
}

/** Removes a question with its options. */
export function removeQuestion<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return removeDefinitionItem(
    db,
    request,
    { ref: { level: 'question', key: request.key }, version: request.version },
    read,
  );
}

export function reorderQuestions<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { performanceKey: string; keys: string[] },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return reorderDefinitionItems(
    db,
    request,
    {
      container: { level: 'performance', key: request.performanceKey },
      level: 'question',
      keys: request.keys,
    },
    read,
  );
}
