import { randomUUID } from 'node:crypto';
import { enqueueWebhookEvent, type OutboxClient, type WebhookEventName } from '@ksp/db';
import type { Context } from '../context';

/** The JSON body every receiver gets: the event's id, name and time, who caused it, and the event's data. */
export type WebhookEnvelope<Data = unknown> = {
  id: string;
  event: WebhookEventName;
  occurredAt: string;
  /** The user id behind the change, or null for system work. */
  actorId: string | null;
  data: Data;
};

/**
 * Emits a webhook event from inside the transaction of the change it reports (Prisma `tx`, or the plain-SQL
 * transaction of a bulk write): the delivery rows commit or roll back with the change. Returns the event id.
 */
export async function recordEvent(
  tx: OutboxClient,
  context: Pick<Context, 'viewer'>,
  event: WebhookEventName,
  data: unknown,
): Promise<string> {
  const envelope: WebhookEnvelope = {
    id: randomUUID(),
    event,
    occurredAt: new Date().toISOString(),
    actorId: context.viewer?.userId ?? null,
    data,
  };
  await enqueueWebhookEvent(tx, { id: envelope.id, event, payload: envelope });
  return envelope.id;
}
