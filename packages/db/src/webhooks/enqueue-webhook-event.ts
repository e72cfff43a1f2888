import { executeOn, type OutboxClient } from './outbox-client';
import type { WebhookEventName } from './webhook-events';

export interface WebhookEventRecord {
  /** The event's id (uuid): every subscription's delivery carries it, so receivers can drop repeats. */
  id: string;
  event: WebhookEventName;
  /** The JSON body sent to receivers, exactly as stored. */
  payload: unknown;
}

/**
 * The outbox write: one pending delivery per active subscription to the event, in the caller's transaction.
 * Written with the change it reports, so a rolled-back change leaves no delivery and a committed one is never
 * lost (the dispatcher sends it later, even after a restart). Returns how many deliveries were queued.
 */
export async function enqueueWebhookEvent(client: OutboxClient, record: WebhookEventRecord): Promise<number> {
  // RETURNING makes the count come back as rows on the plain-SQL path too.
  return executeOn(
    client,
    `INSERT INTO "WebhookDelivery" ("id", "subscriptionId", "eventId", "event", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
     SELECT gen_random_uuid(), s."id", $1::uuid, $2::"WebhookEvent", $3::jsonb, 'pending', 0, now(), now()
     FROM "WebhookSubscription" s
     WHERE s."active" AND $2::"WebhookEvent" = ANY (s."events")
     RETURNING "id"`,
    [record.id, record.event, JSON.stringify(record.payload)],
  );
}
