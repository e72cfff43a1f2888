// Webhooks in the database: the outbox write, claiming due deliveries and recording their results.
export { type ClaimedDelivery, type ClaimOptions, claimDueDeliveries } from './claim-due-deliveries';
export { enqueueWebhookEvent, type WebhookEventRecord } from './enqueue-webhook-event';
export type { OutboxClient } from './outbox-client';
export { pruneWebhookDeliveries } from './prune-webhook-deliveries';
export { type DeliveryOutcome, recordDeliveryResult } from './record-delivery-result';
export { redeliverWebhook } from './redeliver-webhook';
export { type WebhookEnvelope, webhookEvent } from './webhook-envelope';
export { WEBHOOK_EVENTS, type WebhookDeliveryStatus, type WebhookEventName } from './webhook-events';
