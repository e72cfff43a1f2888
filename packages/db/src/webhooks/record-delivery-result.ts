import type { SqlExecutor } from '../database/sql-driver';
import type { ClaimedDelivery } from './claim-due-deliveries';

export type DeliveryOutcome =
  | { ok: true; statusCode: number; durationMs: number }
  | {
      ok: false;
      /** The receiver's status, or null when no response came (refused, timeout, DNS…). */
      statusCode: number | null;
      error: string;
      durationMs: number;
      /** When to try again, or null to give up (the delivery becomes `failed`). */
      retryAt: Date | null;
    };

const MAX_ERROR_LENGTH = 1000;

/**
 * Records how an attempt went. Only under the claim it was made with: if the lease ran out and another
 * dispatcher took the delivery over, the late result is dropped (returns false) instead of overwriting theirs.
 */
export async function recordDeliveryResult(
  sql: SqlExecutor,
  claimed: Pick<ClaimedDelivery, 'id' | 'claimId'>,
  outcome: DeliveryOutcome,
): Promise<boolean> {
  const rows = outcome.ok
    ? await sql.query(
        `UPDATE "WebhookDelivery"
         SET "status" = 'delivered', "deliveredAt" = now(), "nextAttemptAt" = NULL, "claimId" = NULL,
             "lastStatusCode" = $3, "lastError" = NULL, "lastDurationMs" = $4
         WHERE "id" = $1::uuid AND "claimId" = $2::uuid
         RETURNING "id"`,
        [claimed.id, claimed.claimId, outcome.statusCode, Math.round(outcome.durationMs)],
      )
    : await sql.query(
        `UPDATE "WebhookDelivery"
         SET "status" = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END::"WebhookDeliveryStatus",
             "nextAttemptAt" = $5::timestamptz, "claimId" = NULL,
             "lastStatusCode" = $3, "lastError" = $4, "lastDurationMs" = $6
         WHERE "id" = $1::uuid AND "claimId" = $2::uuid
         RETURNING "id"`,
        [
          claimed.id,
          claimed.claimId,
          outcome.statusCode,
          outcome.error.slice(0, MAX_ERROR_LENGTH),
          outcome.retryAt?.toISOString() ?? null,
          Math.round(outcome.durationMs),
        ],
      );
  return rows.length === 1;
}
