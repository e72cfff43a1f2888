import { randomUUID } from 'node:crypto';
import type { WebhookEventRecord } from './enqueue-webhook-event';
import type { WebhookEventName } from './webhook-events';

/** The JSON body every receiver gets: the event's id, name and time, who caused it, and the event's data. */
export type WebhookEnvelope<Data = unknown> = {
  id: string;
  event: WebhookEventName;
  occurredAt: string;
  /** The user id behind the change, or null for system work. */
  actorId: string | null;
  data: Data;
};

/** A new event (fresh id, now) wrapped as receivers get it, ready for `enqueueWebhookEvent`. */
export function webhookEvent(
  event: WebhookEventName,
  data: unknown,
  actorId: string | null,
): WebhookEventRecord & { payload: WebhookEnvelope } {
  const payload: WebhookEnvelope = {
    id: randomUUID(),
    event,
    occurredAt: new Date().toISOString(),
    actorId,
    data,
  };
  return { id: payload.id, event, payload };
}
