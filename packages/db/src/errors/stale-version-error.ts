/** A write based on a version that is no longer current (optimistic locking): someone else changed the row first. */
export class StaleVersionError extends Error {
  constructor(
    /** What was written, e.g. `evaluation 1f…` or `participation of acme in KSP25`. */
    readonly entity: string,
    /** The version the row has now; null when it disappeared meanwhile. */
    readonly currentVersion: number | null,
    /** The row as it is stored now, for the caller to show or merge. */
    readonly current: unknown = null,
  ) {
    super(
      `${entity} was changed by someone else (now version ${currentVersion ?? 'gone'}). Reload and retry.`,
    );
    this.name = 'StaleVersionError';
  }
}
