import type { DefinitionChange } from './definition-change';
import { makeChange, sameValue } from './diff-change';
import { type IndexedEdition, performanceCountsInScore, performanceCountsInTotal } from './diff-index';
import { reorderedKeys } from './diff-reorder';
import { added, descriptionChanged, moved, removed, renamed, reordered } from './diff-wording';

/**
 * Performances matched by key across the whole edition, so a performance that changes area is "moved".
 * A performance inside an added or removed area is covered by the area's change and not listed again.
 */
export function diffPerformances(from: IndexedEdition, to: IndexedEdition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const reorderedInArea = new Set<string>();
  for (const [areaKey, area] of to.areas) {
    const before = from.areas.get(areaKey);
    if (!before) continue;
    const keys = (a: typeof area) => a.performances.toSorted((x, y) => x.order - y.order).map((p) => p.key);
    for (const key of reorderedKeys(keys(before), keys(area))) reorderedInArea.add(key);
  }

  for (const [key, { performance: after, area }] of to.performances) {
    const base = {
      level: 'performance' as const,
      key,
      path: `${area.key}/${key}`,
      areaKey: area.key,
      performanceKey: key,
    };
    const old = from.performances.get(key);
    if (!old) {
      if (!from.areas.has(area.key)) continue;
      changes.push(
        makeChange({
          ...base,
          kind: 'added',
          before: null,
          after,
          summary: added(
            'performance',
            after.name,
            area.name,
            performanceCountsInScore(after, area) ? undefined : { nb: ' (uten poeng)', en: ' (unscored)' },
          ),
          affectsScores: performanceCountsInScore(after, area),
          affectsTotal: performanceCountsInTotal(after, area),
        }),
      );
      continue;
    }
    const before = old.performance;
    if (old.area.key !== area.key) {
      changes.push(
        makeChange({
          ...base,
          kind: 'moved',
          before: { areaKey: old.area.key },
          after: { areaKey: area.key },
          summary: moved('performance', after.name, old.area.name, area.name),
          affectsScores: performanceCountsInScore(before, old.area) || performanceCountsInScore(after, area),
          affectsTotal: performanceCountsInTotal(before, old.area) || performanceCountsInTotal(after, area),
        }),
      );
    } else if (reorderedInArea.has(key)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'reordered',
          before: before.order,
          after: after.order,
          summary: reordered('performance', after.name),
          affectsScores: false,
        }),
      );
    }
    if (!sameValue(before.name, after.name)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'renamed',
          before: before.name,
          after: after.name,
          summary: renamed('performance', before.name, after.name),
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
          summary: descriptionChanged('performance', after.name),
          affectsScores: false,
        }),
      );
    }
  }

  for (const [key, { performance: before, area }] of from.performances) {
    if (to.performances.has(key) || !to.areas.has(area.key)) continue;
    const target = to.areas.get(area.key);
    changes.push(
      makeChange({
        level: 'performance',
        kind: 'removed',
        key,
        path: `${area.key}/${key}`,
        areaKey: area.key,
        performanceKey: key,
        before,
        after: null,
        summary: removed('performance', before.name, target?.name ?? area.name),
        affectsScores: performanceCountsInScore(before, area),
        affectsTotal: performanceCountsInTotal(before, area),
      }),
    );
  }
  return changes;
}
