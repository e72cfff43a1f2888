import type { Area } from '../model/area';
import type { DefinitionChange } from './definition-change';
import { makeChange, sameValue } from './diff-change';
import type { IndexedEdition } from './diff-index';
import { reorderedKeys } from './diff-reorder';
import {
  added,
  countingChanged,
  countingNote,
  descriptionChanged,
  removed,
  renamed,
  reordered,
  weightChanged,
} from './diff-wording';

const countsInScore = (area: Area) => area.counting !== 'unscored';
const countsInTotal = (area: Area) => area.counting === 'scored';

/** Areas matched by key: added, removed, renamed, description, counting, weight and order. */
export function diffAreas(from: IndexedEdition, to: IndexedEdition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const moved = reorderedKeys([...from.areas.keys()], [...to.areas.keys()]);

  for (const [key, after] of to.areas) {
    const base = { level: 'area' as const, key, path: key, areaKey: key };
    const before = from.areas.get(key);
    if (!before) {
      changes.push(
        makeChange({
          ...base,
          kind: 'added',
          before: null,
          after,
          summary: added('area', after.name, undefined, countingNote(after.counting)),
          affectsScores: countsInScore(after),
          affectsTotal: countsInTotal(after),
        }),
      );
      continue;
    }
    if (!sameValue(before.name, after.name)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'renamed',
          before: before.name,
          after: after.name,
          summary: renamed('area', before.name, after.name),
          affectsScores: false,
        }),
      );
    }
    if (!sameValue(before.description, after.description)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'descriptionChanged',
          before: before.description,
          after: after.description,
          summary: descriptionChanged('area', after.name),
          affectsScores: false,
        }),
      );
    }
    if (before.counting !== after.counting) {
      changes.push(
        makeChange({
          ...base,
          kind: 'countingChanged',
          before: before.counting,
          after: after.counting,
          summary: countingChanged('area', after.name, before.counting, after.counting),
          affectsScores: true,
          affectsTotal: countsInTotal(before) || countsInTotal(after),
        }),
      );
    }
    if (before.weight !== after.weight) {
      // A weight only matters where the area counts in the total.
      const matters = countsInTotal(before) || countsInTotal(after);
      changes.push(
        makeChange({
          ...base,
          kind: 'weightChanged',
          before: before.weight,
          after: after.weight,
          summary: weightChanged('area', after.name, before.weight, after.weight),
          affectsScores: matters,
        }),
      );
    }
    if (moved.has(key)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'reordered',
          before: before.order,
          after: after.order,
          summary: reordered('area', after.name),
          affectsScores: false,
        }),
      );
    }
  }
  for (const [key, before] of from.areas) {
    if (to.areas.has(key)) continue;
    changes.push(
      makeChange({
        level: 'area',
        kind: 'removed',
        key,
        path: key,
        areaKey: key,
        before,
        after: null,
        summary: removed('area', before.name),
        affectsScores: countsInScore(before),
        affectsTotal: countsInTotal(before),
      }),
    );
  }
  return changes;
}
