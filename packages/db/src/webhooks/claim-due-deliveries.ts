import type { SqlExecutor } from '../database/sql-driver';
import type { WebhookEventName } from './webhook-events';

/** A delivery a dispatcher has claimed: everything needed to send it, and the claim to record the result under. */
export interface ClaimedDelivery {
  id: string;
  claimId: string;
  subscriptionId: string;
  eventId: string;
  event: WebhookEventName;
  /** The stored JSON body (already serialized: send it byte for byte, the signature covers it). */
  body: string;
  /** This attempt's number, 1 for the first. */
  attempt: number;
  url: string;
  secret: string;
}

export interface ClaimOptions {
  /** At most this many deliveries. */
  limit: number;
  /**
   * How long the claim holds: the delivery is not due again before then. If the claiming process dies
   * mid-send, another dispatcher picks it up after the lease (at-least-once; receivers dedupe by event id).
   */
  leaseMs: number;
}

/**
 * Claims due pending deliveries of active subscriptions, oldest due first. `FOR UPDATE SKIP LOCKED` lets many
 * dispatchers (API replicas) claim at once without waiting for or double-claiming each other's rows; the claim
 * itself is one short statement, so no transaction stays open while requests are sent.
 */
export async function claimDueDeliveries(
  sql: SqlExecutor,
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  return sql.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d."id"
       FROM "WebhookDelivery" d
       JOIN "WebhookSubscription" s ON s."id" = d."subscriptionId" AND s."active"
       WHERE d."status" = 'pending' AND d."nextAttemptAt" <= now()
       ORDER BY d."nextAttemptAt", d."createdAt"
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     ), claim AS (SELECT gen_random_uuid() AS "claimId")
     UPDATE "WebhookDelivery" d
     SET "attempts" = d."attempts" + 1,
         "claimId" = claim."claimId",
         "lastAttemptAt" = now(),
         "nextAttemptAt" = now() + $2::int * interval '1 millisecond'
     FROM due, claim, "WebhookSubscription" s
     WHERE d."id" = due."id" AND s."id" = d."subscriptionId"
     RETURNING d."id", d."claimId", d."subscriptionId", d."eventId", d."event"::text AS "event",
               d."payload"::text AS "body", d."attempts" AS "attempt", s."url", s."secret"`,
    [options.limit, Math.round(options.leaseMs)],
  );
}
