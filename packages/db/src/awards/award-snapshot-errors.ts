import { postgresFailure } from '../errors/translate-database-error';

/**
 * Results cannot be frozen (or corrected) in the edition's state: a draft, no first publication yet, or
 * published already. `path` names the input it is about.
 */
export class AwardSnapshotStateError extends Error {
  constructor(
    message: string,
    readonly kind: 'notPublished' | 'alreadyPublished' | 'notYetPublished',
  ) {
    super(message);
    this.name = 'AwardSnapshotStateError';
  }
}

/** The database refused to change or delete a frozen snapshot (trigger, SQLSTATE KS003) or an out-of-turn insert (KS004). */
export class AwardSnapshotFrozenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AwardSnapshotFrozenError';
  }
}

/** Maps the snapshot trigger's SQLSTATEs to AwardSnapshotFrozenError; other errors pass unchanged. */
export function translateSnapshotError(error: unknown): unknown {
  const failure = postgresFailure(error);
  if (failure && (failure.code === 'KS003' || failure.code === 'KS004'))
    return new AwardSnapshotFrozenError(failure.message, { cause: error });
  return error;
}
