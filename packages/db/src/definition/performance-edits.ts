import type { LocalizedText } from '@ksp/domain';
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
import { mergeText } from './stable-key';

type Db = Pick<Database, 'prisma'>;

export interface NewPerformance {
  key?: string | null;
  name: LocalizedText;
  description?: LocalizedText;
}

/** Omitted fields stay; texts are merged per locale; `areaKey` moves it to the end of that area. */
export interface PerformanceChanges {
  name?: LocalizedText;
  description?: LocalizedText;
  areaKey?: string;
}

/** Adds a performance (no questions yet) at the end of an area. */
export function addPerformance<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { areaKey: string; input: NewPerformance },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return addDefinitionItem(
    db,
    request,
    {
      level: 'performance',
      container: { level: 'area', key: request.areaKey },
      key: input.key,
      keySource: input.name,
      fields: givenFields(input),
      build: (key) => ({ key, name: input.name, description: input.description ?? {}, questions: [] }),
    },
    read,
  );
}

export function updatePerformance<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number; input: PerformanceChanges },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return updateDefinitionItem(
    db,
    request,
    {
      ref: { level: 'performance', key: request.key },
      version: request.version,
      fields: givenFields(input),
      moveTo: input.areaKey === undefined ? undefined : { level: 'area', key: input.areaKey },
      change: (performance) => ({
        ...performance,
        name: mergeText(performance.name, input.name),
        description: mergeText(performance.description, input.description),
      }),
    },
    read,
  );
}

/** Removes a performance with its questions and options. */
export function removePerformance<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return removeDefinitionItem(
    db,
    request,
    { ref: { level: 'performance', key: request.key }, version: request.version },
    read,
  );
}

export function reorderPerformances<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { areaKey: string; keys: string[] },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return reorderDefinitionItems(
    db,
    request,
    { container: { level: 'area', key: request.areaKey }, level: 'performance', keys: request.keys },
    read,
  );
}
