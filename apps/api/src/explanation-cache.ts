import type { EditionDataVersion } from '@ksp/db';

/** Rows (explanation tree nodes) kept at most: about 30 companies' trees, some tens of MB. */
export const EXPLANATION_CACHE_MAX_ROWS = 50_000;

interface Entry<T> {
  editionId: number;
  /** The edition's data version, read before the explanation was computed: it is at least that new. */
  version: bigint;
  value: Promise<T>;
  /** Rows it holds, once computed (0 before). */
  rows: number;
}

/**
 * Computed explanations (a company's tree) kept in memory per (edition, subject) and the edition's **data
 * version** (see ResultsCache: the database bumps it on every write that changes the edition's results, and an
 * explanation is made of exactly those data). Each read asks `versionOf` for the current version: the results
 * cache answers without a query while its notifications keep the edition's results current, else with one
 * indexed query. Bounded by rows, least recently used dropped first, so a tour through every company of an
 * edition cannot fill the memory.
 */
export class ExplanationCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private rows = 0;

  constructor(
    private readonly versionOf: (editionKey: string) => Promise<EditionDataVersion | null>,
    private readonly rowsOf: (value: T) => number,
    private readonly maxRows = EXPLANATION_CACHE_MAX_ROWS,
  ) {}

  /** The cached explanation of `subjectKey` in the edition if its data did not change since, else `compute()`'s. */
  async get(editionKey: string, subjectKey: string, compute: () => Promise<T>): Promise<T> {
    const current = await this.versionOf(editionKey);
    // No such edition: compute says so (not cached).
    if (!current) return compute();
    const key = `${editionKey}\u0000${subjectKey}`;
    const hit = this.entries.get(key);
    if (hit && hit.editionId === current.editionId && hit.version >= current.version) {
      // Most recently used last: eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    if (hit) this.drop(key, hit);
    const entry: Entry<T> = {
      editionId: current.editionId,
      version: current.version,
      value: compute(),
      rows: 0,
    };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.rows = this.rowsOf(value);
        this.rows += entry.rows;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.drop(key, entry);
      },
    );
    return entry.value;
  }

  /** Entries and rows held (for tests). */
  size(): { entries: number; rows: number } {
    return { entries: this.entries.size, rows: this.rows };
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.rows <= this.maxRows) return;
      // Still computing (no rows yet): dropping it would free nothing.
      if (entry.rows > 0) this.drop(key, entry);
    }
  }

  private drop(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.rows -= entry.rows;
  }
}
