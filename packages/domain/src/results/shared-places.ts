/** A place in a ranking where ties on every rule but the last (company key order) share the place. */
export interface SharedPlace {
  /** 1-based standard competition rank: tied entries share it and the next place skips ("1, 1, 3"). */
  position: number;
  /** True when the entry is tied with a neighbour on every rule: only key order lists one before the other. */
  decidedByKeyOrder: boolean;
  /** The other entries sharing the place, in list order (empty when the place is its own). */
  tiedWith: string[];
}

/**
 * Places for a list already sorted by its rules and then by key: an entry tied with the one before it
 * (`tied` is true: equal on every rule except key order) shares that entry's place. Ties chain along the
 * sorted list, so every entry of a run of ties gets the run's first place.
 */
export function sharedPlaces<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  tied: (before: T, after: T) => boolean,
): SharedPlace[] {
  const runs: number[][] = [];
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1];
    const run = runs[runs.length - 1];
    if (run && previous !== undefined && tied(previous, item)) run.push(i);
    else runs.push([i]);
  });
  const places: SharedPlace[] = [];
  for (const run of runs) {
    const position = (run[0] as number) + 1;
    const keys = run.map((i) => keyOf(sorted[i] as T));
    for (const [at, i] of run.entries())
      places[i] = {
        position,
        decidedByKeyOrder: run.length > 1,
        tiedWith: keys.filter((_, other) => other !== at),
      };
  }
  return places;
}
