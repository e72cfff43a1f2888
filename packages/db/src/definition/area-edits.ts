import type { AreaCounting, LocalizedText } from '@ksp/domain';
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

export interface NewArea {
  /** Absent = made from the name. */
  key?: string | null;
  name: LocalizedText;
  description?: LocalizedText;
  counting: AreaCounting;
  /** Weight in Totalresultat when areas are weighted; null for none. */
  weight?: number | null;
}

/** Omitted fields stay; texts are merged per locale; `weight: null` clears the weight. */
export interface AreaChanges {
  name?: LocalizedText;
  description?: LocalizedText;
  counting?: AreaCounting;
  weight?: number | null;
}

/** Adds an area (no performances yet) after the last one. */
export function addArea<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { input: NewArea },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return addDefinitionItem(
    db,
    request,
    {
      level: 'area',
      container: { level: 'edition' },
      key: input.key,
      keySource: input.name,
      fields: givenFields(input),
      build: (key) => ({
        key,
        name: input.name,
        description: input.description ?? {},
        counting: input.counting,
        weight: input.weight ?? null,
        performances: [],
      }),
    },
    read,
  );
}

export function updateArea<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number; input: AreaChanges },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  const { input } = request;
  return updateDefinitionItem(
    db,
    request,
    {
      ref: { level: 'area', key: request.key },
      version: request.version,
      fields: givenFields(input),
      change: (area) => ({
        ...area,
        name: mergeText(area.name, input.name),
        description: mergeText(area.description, input.description),
        counting: input.counting ?? area.counting,
        weight: input.weight === undefined ? area.weight : input.weight,
      }),
    },
    read,
  );
}

/** Removes an area with its performances, questions and options. */
export function removeArea<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { key: string; version: number },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return removeDefinitionItem(
    db,
    request,
    { ref: { level: 'area', key: request.key }, version: request.version },
    read,
  );
}

export function reorderAreas<T = EditedDefinition>(
  db: Db,
  request: DefinitionRequest & { keys: string[] },
  read: DefinitionReader<T> = returnEdited as DefinitionReader<T>,
): Promise<T> {
  return reorderDefinitionItems(
    db,
    request,
    { container: { level: 'edition' }, level: 'area', keys: request.keys },
    read,
  );
}
