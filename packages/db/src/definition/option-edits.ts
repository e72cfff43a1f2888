import type { AnswerOption, LocalizedText } from '@ksp/domain';
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
import { keyFromText, mergeText } from './stable-key';

type Db = Pick<Database, 'prisma'>;

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
export interface OptionChanges {
  label?: LocalizedText;
  points?: number | null;
  value?: number | null;
}

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
export function addOption<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { questionKey: string; input: NewOption },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return addDefinitionItem(
    db,
    request,
    {
      level: 'option',
      container: { level: 'question', key: request.questionKey },
      key: input.key,
      keySource: input.label,
      fields: givenFields(input),
      build: (key) => ({ key, label: input.label, points: input.points ?? null, value: input.value ?? null }),
    },
    read,
  );
}

export function updateOption<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { questionKey: string; key: string; version: number; input: OptionChanges },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return updateDefinitionItem(
    db,
    request,
    {
      ref: { level: 'option', questionKey: request.questionKey, key: request.key },
      version: request.version,
      fields: givenFields(input),
      change: (option) => ({
        ...option,
        label: mergeText(option.label, input.label),
        points: input.points === undefined ? option.points : input.points,
        value: input.value === undefined ? option.value : input.value,
      }),
    },
    read,
  );
}

export function removeOption<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { questionKey: string; key: string; version: number },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return removeDefinitionItem(
    db,
    request,
    {
      ref: { level: 'option', questionKey: request.questionKey, key: request.key },
      version: request.version,
    },
    read,
  );
}

export function reorderOptions<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { questionKey: string; keys: string[] },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return reorderDefinitionItems(
    db,
    request,
    { container: { level: 'question', key: request.questionKey }, level: 'option', keys: request.keys },
    read,
  );
}
