import type { Lineage, LineageMark } from '../model/lineage';

/** What the lineage of a container (an area holding performances, a performance holding questions) is computed from. */
export interface ContainerFacts {
  key: string;
  existedBefore: boolean;
  /** Its own changes, by kind: rescaling (counting, weight), moved (to another area), reworded (name, description). */
  ownRescaled: boolean;
  ownMoved: boolean;
  ownReworded: boolean;
  childrenNow: readonly string[];
  childrenBefore: readonly string[];
  /** The container a child sat in before / sits in now (undefined when the child did not exist). */
  parentBefore: (child: string) => string | undefined;
  parentNow: (child: string) => string | undefined;
  /** The child's own mark in the newer edition. */
  childMark: (child: string) => LineageMark;
  /** Whether the child feeds the container's score (before / now); see computeLineage. */
  childWeighsBefore: (child: string) => boolean;
  childWeighsNow: (child: string) => boolean;
  /** Containers only in the newer edition / only in the older one. */
  newContainers: ReadonlySet<string>;
  retiredContainers: ReadonlySet<string>;
}

const CHANGED_CONTENT: ReadonlySet<LineageMark> = new Set(['rescaled', 'new', 'split', 'merged']);

/**
 * The mark of a container:
 * - new container: children that came from elsewhere make it `split` (all from one container that still exists)
 *   or `merged` (from several, or from one that is gone); none make it `new`;
 * - existing container: gaining children of a retired container = `merged`; giving children to a new
 *   container = `split`; otherwise `rescaled` when its own scoring or a child that feeds its score changed
 *   (rescaled, added, removed, moved in or out), then `moved`, `reworded`, `identical`.
 */
export function containerLineage(f: ContainerFacts): Lineage {
  const derived = (mark: LineageMark, predecessorKeys: string[]): Lineage => ({
    predecessorKeys,
    mark,
    markSetBy: 'derivation',
  });
  if (!f.existedBefore) {
    const origins = unique(f.childrenNow.map(f.parentBefore).filter((k): k is string => k !== undefined));
    if (origins.length === 0) return derived('new', []);
    const single = origins.length === 1 && !f.retiredContainers.has(origins[0] as string);
    return derived(single ? 'split' : 'merged', origins);
  }
  const absorbed = unique(
    f.childrenNow
      .map(f.parentBefore)
      .filter((k): k is string => k !== undefined && f.retiredContainers.has(k)),
  );
  if (absorbed.length > 0) return derived('merged', [f.key, ...absorbed]);
  const gaveToNew = f.childrenBefore.some((c) => {
    const now = f.parentNow(c);
    return now !== undefined && f.newContainers.has(now);
  });
  if (gaveToNew) return derived('split', [f.key]);

  const childChanged = f.childrenNow.some(
    (c) => f.childWeighsNow(c) && (CHANGED_CONTENT.has(f.childMark(c)) || f.parentBefore(c) !== f.key),
  );
  const childLeft = f.childrenBefore.some((c) => f.childWeighsBefore(c) && f.parentNow(c) !== f.key);
  if (f.ownRescaled || childChanged || childLeft) return derived('rescaled', [f.key]);
  if (f.ownMoved) return derived('moved', [f.key]);
  if (f.ownReworded) return derived('reworded', [f.key]);
  return derived('identical', [f.key]);
}

const unique = (keys: string[]) => [...new Set(keys)];
