import { enqueueWebhookEvent, type OutboxClient, type WebhookEventName, webhookEvent } from '@ksp/db';
import type { Context } from '../context';

export type { WebhookEnvelope } from '@ksp/db';

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
  const record = webhookEvent(event, data, context.viewer?.userId ?? null);
  await enqueueWebhookEvent(tx, record);
  return record.id;
}
