import type { TransactionClient } from './transaction-client';

/** One change, described by the data layer: what kind, which row, and its state before and after. */
export interface ChangeRecord {
  /** e.g. `participation.add`, `rolePlay.update`, `edition.create`. */
  action: string;
  entityType: string;
  entityId: string;
  editionId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Called inside the write's own transaction for every change, so the audit entry (written by the caller,
 * who knows the actor) commits or rolls back together with the change itself.
 */
export type RecordChange = (tx: TransactionClient, change: ChangeRecord) => Promise<void>;

/** For callers that keep no trail (seed, imports in tests). */
export const recordNothing: RecordChange = async () => {};
