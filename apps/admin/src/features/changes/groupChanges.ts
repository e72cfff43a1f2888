import type { DefinitionChange, Edition, LocalizedText } from '@ksp/domain';

export interface ChangeGroup {
  /** Area key, or null for edition-wide and channel changes. */
  areaKey: string | null;
  performances: Array<{ performanceKey: string | null; changes: DefinitionChange[] }>;
}

/** Groups changes by area, then by performance, keeping the order the diff gave them. */
export function groupChanges(changes: readonly DefinitionChange[]): ChangeGroup[] {
  const groups = new Map<string | null, Map<string | null, DefinitionChange[]>>();
  for (const change of changes) {
    const byPerformance = groups.get(change.areaKey) ?? new Map<string | null, DefinitionChange[]>();
    groups.set(change.areaKey, byPerformance);
    const list = byPerformance.get(change.performanceKey) ?? [];
    byPerformance.set(change.performanceKey, list);
    list.push(change);
  }
  // Edition-wide and channel changes first: they affect everything below.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0));
  return ordered.map(([areaKey, byPerformance]) => ({
    areaKey,
    performances: [...byPerformance.entries()]
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0))
      .map(([performanceKey, list]) => ({ performanceKey, changes: list })),
  }));
}

/** Names of areas and performances from one or more editions (newer first wins), for group headings. */
export function namesFrom(...editions: ReadonlyArray<Edition | undefined>): Map<string, LocalizedText> {
  const names = new Map<string, LocalizedText>();
  for (const edition of [...editions].reverse()) {
    for (const area of edition?.areas ?? []) {
      names.set(`area:${area.key}`, area.name);
      for (const performance of area.performances)
        names.set(`performance:${performance.key}`, performance.name);
    }
  }
  return names;
}
