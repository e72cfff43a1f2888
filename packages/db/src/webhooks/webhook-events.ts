/** What can be subscribed to. The same names are the database enum `WebhookEvent` and the GraphQL enum. */
export const WEBHOOK_EVENTS = [
  'evaluationSubmitted',
  'evaluationImported',
  'editionPublished',
  'resultsPublished',
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** Where a delivery stands: waiting for a (next) attempt, received with a 2xx, or given up. */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';
