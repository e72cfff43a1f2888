import { executeOn, type OutboxClient } from './outbox-client';

/**
 * Queues a delivered or failed delivery again as a new pending delivery (same subscription, event id and
 * payload, attempts from zero), keeping the old one in the log. Returns false if there is no such delivery.
 */
export async function redeliverWebhook(
  client: OutboxClient,
  deliveryId: string,
  newDeliveryId: string,
): Promise<boolean> {
  const inserted = await executeOn(
    client,
    `INSERT INTO "WebhookDelivery" ("id", "subscriptionId", "eventId", "event", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
     SELECT $2::uuid, d."subscriptionId", d."eventId", d."event", d."payload", 'pending', 0, now(), now()
     FROM "WebhookDelivery" d
     WHERE d."id" = $1::uuid
     RETURNING "id"`,
    [deliveryId, newDeliveryId],
  );
  return inserted === 1;
}
