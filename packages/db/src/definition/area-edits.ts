import type { AreaCounting, LocalizedText } from '@ksp/domain';
import { addEdit, givenOr, removeEdit, reorderEdit, updateEdit } from './definition-item-edits';
import { mergeText } from './merge-text';

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
export type AreaChanges = Partial<Omit<NewArea, 'key'>>;

/** Adds an area (no performances yet) after the last one. */
export const addArea = addEdit(({ input }: { input: NewArea }) => ({
  level: 'area',
  container: { level: 'edition' },
  key: input.key,
  keySource: input.name,
  build: (key) => ({
    key,
    name: input.name,
    description: input.description ?? {},
    counting: input.counting,
    weight: input.weight ?? null,
    performances: [],
  }),
}));

export const updateArea = updateEdit(({ key, input }: { key: string; input: AreaChanges }) => ({
  ref: { level: 'area', key },
  change: (area) => ({
    ...area,
    name: mergeText(area.name, input.name),
    description: mergeText(area.description, input.description),
    counting: input.counting ?? area.counting,
    weight: givenOr(input.weight, area.weight),
  }),
}));

/** Removes an area with its performances, questions and options. */
export const removeArea = removeEdit(({ key }: { key: string }) => ({ level: 'area', key }));

export const reorderAreas = reorderEdit('area', () => ({ level: 'edition' }));
