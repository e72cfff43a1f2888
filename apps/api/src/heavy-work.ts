import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * Expensive analyst queries (explanations, what-if) run through one bounded queue per process: at most this
 * many at a time, the rest wait their turn. Twenty analysts at once then get their answers one after another
 * instead of all holding database connections and CPU together until the pool times out (503).
 */
export const HEAVY_QUERY_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));

const queue = pLimit(HEAVY_QUERY_CONCURRENCY);

let peak = 0;
let runs = 0;

/** Runs `work` when a slot of the heavy-query queue is free. */
export function heavyWork<T>(work: () => Promise<T>): Promise<T> {
  return queue(() => {
    peak = Math.max(peak, queue.activeCount);
    runs++;
    return work();
  });
}

/** How many heavy queries this process has run (cached answers do not count). */
export const heavyWorkRuns = (): number => runs;

/** The most heavy queries that ran at once in this process (for tests and logs). */
export const heavyWorkPeak = (): number => peak;
