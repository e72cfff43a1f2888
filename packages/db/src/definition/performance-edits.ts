import type { LocalizedText } from '@ksp/domain';
import { addEdit, removeEdit, reorderEdit, updateEdit } from './definition-item-edits';
import { mergeText } from './merge-text';

export interface NewPerformance {
  key?: string | null;
  name: LocalizedText;
  description?: LocalizedText;
}

/** Omitted fields stay; texts are merged per locale; `areaKey` moves it to the end of that area. */
export interface PerformanceChanges extends Partial<Omit<NewPerformance, 'key'>> {
  areaKey?: string;
}

/** Adds a performance (no questions yet) at the end of an area. */
export const addPerformance = addEdit(({ areaKey, input }: { areaKey: string; input: NewPerformance }) => ({
  level: 'performance',
  container: { level: 'area', key: areaKey },
  key: input.key,
  keySource: input.name,
  build: (key) => ({ key, name: input.name, description: input.description ?? {}, questions: [] }),
}));

export const updatePerformance = updateEdit(({ key, input }: { key: string; input: PerformanceChanges }) => ({
  ref: { level: 'performance', key },
  moveTo: input.areaKey === undefined ? undefined : { level: 'area', key: input.areaKey },
  change: (performance) => ({
    ...performance,
    name: mergeText(performance.name, input.name),
    description: mergeText(performance.description, input.description),
  }),
}));

/** Removes a performance with its questions and options. */
export const removePerformance = removeEdit(({ key }: { key: string }) => ({ level: 'performance', key }));

export const reorderPerformances = reorderEdit('performance', ({ areaKey }: { areaKey: string }) => ({
  level: 'area',
  key: areaKey,
}));
