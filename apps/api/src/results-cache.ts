import {
  type Database,
  type EditionDataChange,
  type EditionDataVersion,
  editionResults,
  listenForEditionDataChanges,
  type NotificationListener,
  readEditionDataVersion,
} from '@ksp/db';
import type { EditionResults } from '@ksp/domain';

const MAX_EDITIONS = 16;
/** Above every data version: what a deleted edition counts as having been notified at. */
const DELETED = 2n ** 63n;

interface Entry {
  editionId: number;
  /** The edition's data version, read before the results were: they are at least that new. */
  version: bigint;
  /**
   * The listener epoch during which the version was read, or null when the listener was not listening then.
   * Only an entry of the current epoch is served without asking the database (see `get`).
   */
  epoch: number | null;
  results: Promise<EditionResults>;
}

/**
 * Computed edition results kept in memory, keyed by the edition's **data version**: a counter the database
 * bumps, in the writing transaction, on every write that changes the edition's results (evaluations,
 * participants, companies, industries, definition, scoring and award rules; migration edition_data_version).
 * So it is the same in every replica and needs no client clock: a rename through another replica, or a
 * transaction that commits late with an old `updatedAt`, still changes it.
 *
 * How an entry stays current. Each bump is also notified (`NOTIFY edition_data`) when its transaction
 * commits, and this cache listens (on PostgreSQL over a dedicated connection; on PGlite in-process):
 * - while the listener is listening, a notification drops the entries of its edition at once, so an entry
 *   whose version was read during the current listening period is served without a query;
 * - a notification can be missed only while the listener is not listening (not yet connected, connection
 *   lost, reconnecting): each such gap starts a new epoch, and an entry read in an earlier epoch (or with no
 *   listener) is checked against the data version in the database — one indexed query — before it is served.
 * Why not the query on every read: it would be just as correct, but costs a round trip (and on PostgreSQL a
 * pool connection) per results request for nothing in the normal case; the notification arrives within
 * milliseconds of the commit. The price is that another replica may serve the previous results for those
 * milliseconds after a commit; writes through this replica also call `invalidate()` so their author never
 * sees that (a fast path only: correctness does not depend on it). One more window: a listening connection
 * cut silently (no FIN, a network partition) is noticed by the listener's heartbeat (`SELECT 1` every 5 s),
 * so for up to about 10 s this replica may miss changes, as it would miss its pool's answers meanwhile.
 */
export class ResultsCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * The highest version notified per edition id. A notification can be handled while a version read is on
   * its way back (they come over different connections); an entry whose version is below this is then known
   * to be old already and is not trusted.
   */
  private readonly notified = new Map<number, bigint>();
  private readonly listener: NotificationListener;
  private listening = false;
  private epoch = 0;
  private closed = false;

  /** `onListening` reports the listener's state changes (the API logs them). */
  constructor(
    private readonly db: Database,
    options: { onListening?: (listening: boolean) => void } = {},
  ) {
    this.listener = listenForEditionDataChanges(db, {
      onChange: (change) => this.changed(change),
      onListening: (listening) => {
        if (listening === this.listening) return;
        this.listening = listening;
        this.epoch++;
        if (!this.closed) options.onListening?.(listening);
      },
    });
  }

  /** Drops every entry of this process (after a write through it); the next read recomputes. */
  invalidate(): void {
    this.entries.clear();
  }

  async get(editionKey: string): Promise<EditionResults> {
    const hit = this.entries.get(editionKey);
    if (hit && hit.epoch !== null && hit.epoch === this.epoch && this.listening) return hit.results;

    // Taken before the version is read: a change committed after the read is then notified in this epoch
    // (or the epoch ends), so the entry can be trusted for as long as the epoch lasts.
    const epoch = this.listening ? this.epoch : null;
    const current = await readEditionDataVersion(this.db.sql, editionKey);
    // No such edition: editionResults says so (not cached).
    if (!current) return editionResults(this.db, editionKey);
    const trusted =
      epoch === this.epoch && (this.notified.get(current.editionId) ?? -1n) <= current.version ? epoch : null;
    const again = this.entries.get(editionKey);
    if (again && again.editionId === current.editionId && again.version === current.version) {
      // Still current: from now on notifications keep it so (if the listener listened throughout).
      if (again.epoch !== this.epoch) again.epoch = trusted;
      return again.results;
    }
    const results = editionResults(this.db, editionKey);
    const entry: Entry = { editionId: current.editionId, version: current.version, epoch: trusted, results };
    this.entries.delete(editionKey);
    this.entries.set(editionKey, entry);
    if (this.entries.size > MAX_EDITIONS) this.entries.delete(this.entries.keys().next().value as string);
    results.catch(() => {
      if (this.entries.get(editionKey) === entry) this.entries.delete(editionKey);
    });
    return results;
  }

  /**
   * The edition's current data version (null: no such edition), for other caches keyed by it: the cached
   * results' version while notifications keep it current (no query, as in `get`), else read from the database.
   */
  async dataVersion(editionKey: string): Promise<EditionDataVersion | null> {
    const hit = this.entries.get(editionKey);
    if (hit && hit.epoch !== null && hit.epoch === this.epoch && this.listening)
      return { editionId: hit.editionId, version: hit.version };
    return readEditionDataVersion(this.db.sql, editionKey);
  }

  /** Stops listening (before the database is closed). */
  async close(): Promise<void> {
    this.closed = true;
    await this.listener.close();
  }

  /** A committed change: entries of that edition older than it are dropped (a newer one already includes it). */
  private changed(change: EditionDataChange): void {
    const version = change.version ?? DELETED;
    if ((this.notified.get(change.editionId) ?? -1n) < version) this.notified.set(change.editionId, version);
    for (const [key, entry] of this.entries) {
      if (entry.editionId !== change.editionId) continue;
      if (change.version === null || entry.version < change.version) this.entries.delete(key);
    }
  }
}
