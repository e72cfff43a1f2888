import type { WEBHOOK_EVENTS } from '@ksp/db';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder';
import { NotFoundError } from '../errors';
import { isUuid } from '../node-ids';
import { secretPreview } from '../webhooks';

export const WebhookEventEnum = builder.enumType('WebhookEvent', {
  description: 'Something a webhook can be subscribed to. The body’s `event` field carries the same name.',
  values: {
    evaluationSubmitted: { description: 'An evaluation was submitted (`submitEvaluation`).' },
    evaluationImported: { description: 'Evaluations were imported in bulk.' },
    editionPublished: { description: 'An edition was published (`publishEdition`).' },
    resultsPublished: {
      description: 'An edition’s award results were published or corrected (a new revision).',
    },
  } satisfies Record<(typeof WEBHOOK_EVENTS)[number], { description: string }>,
});

export const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    pending: { description: 'Waiting for its first or next attempt.' },
    delivered: { description: 'The receiver answered 2xx.' },
    failed: { description: 'Every attempt failed; `redeliverWebhook` queues it again.' },
  } as const,
});

builder.prismaNode('WebhookSubscription', {
  description: 'A URL that receives signed POSTs for the chosen events. Admins only.',
  id: { field: 'id', description: 'Global id.' },
  authScopes: { admin: true },
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Where events are POSTed.' }),
    events: t.expose('events', { type: [WebhookEventEnum], description: 'The events sent.' }),
    active: t.exposeBoolean('active', {
      description: 'Whether events are sent. Inactive: no new deliveries are queued and queued ones wait.',
    }),
    secretPreview: t.string({
      description:
        'The start of the signing secret, to tell secrets apart. The whole secret is shown only once.',
      select: { secret: true },
      resolve: (subscription) => secretPreview(subscription.secret),
    }),
    createdBy: t.relation('createdBy', { nullable: true, description: 'The admin who created it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    pendingDeliveries: t.relationCount('deliveries', {
      where: { status: 'pending' },
      description: 'Deliveries waiting to be sent.',
    }),
    failedDeliveries: t.relationCount('deliveries', {
      where: { status: 'failed' },
      description: 'Deliveries that ran out of attempts.',
    }),
  }),
});

builder.prismaNode('WebhookDelivery', {
  description: 'One event sent (or to be sent) to one subscription: the delivery log. Admins only.',
  id: { field: 'id', description: 'Global id.' },
  authScopes: { admin: true },
  fields: (t) => ({
    subscription: t.relation('subscription', { description: 'The subscription it goes to.' }),
    eventId: t.exposeString('eventId', {
      description:
        'The event’s id (header `X-KSP-Event-Id`): the same for every subscription and redelivery.',
    }),
    event: t.expose('event', { type: WebhookEventEnum, description: 'The event.' }),
    payload: t.expose('payload', {
      type: 'JSON',
      description: 'The body sent: `{ id, event, occurredAt, actorId, data }` (see docs/webhooks.md).',
    }),
    status: t.expose('status', { type: WebhookDeliveryStatusEnum, description: 'Where it stands.' }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due; null once delivered or failed.',
    }),
    lastAttemptAt: t.expose('lastAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the last attempt started.',
    }),
    lastStatusCode: t.exposeInt('lastStatusCode', {
      nullable: true,
      description: 'The HTTP status of the last attempt; null if no response came.',
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description:
        'Why the last attempt failed (status and the start of the response, or the network error).',
    }),
    lastDurationMs: t.exposeInt('lastDurationMs', {
      nullable: true,
      description: 'How long the last attempt took, in milliseconds.',
    }),
    deliveredAt: t.expose('deliveredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the receiver accepted it.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the event was queued.' }),
  }),
});

/** The database id inside a global id of the given type; NotFoundError for anything else. */
export function webhookDbId(
  id: string | number,
  typename: 'WebhookSubscription' | 'WebhookDelivery',
): string {
  try {
    const decoded = decodeGlobalID(String(id));
    if (decoded.typename === typename && isUuid(decoded.id)) return decoded.id;
  } catch {
    // falls through to NotFoundError
  }
  throw new NotFoundError(typename, String(id));
}

builder.queryField('webhookSubscriptions', (t) =>
  t.prismaField({
    type: ['WebhookSubscription'],
    description: 'Every webhook subscription, oldest first. Admins only.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, context) =>
      context.services.db.prisma.webhookSubscription.findMany({ ...query, orderBy: { createdAt: 'asc' } }),
  }),
);

const WebhookDeliveryFilter = builder.inputType('WebhookDeliveryFilter', {
  description: 'Which deliveries to list; all conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: WebhookDeliveryStatusEnum, description: 'In this state.' }),
    subscriptionId: t.id({ description: 'To this subscription (global id).' }),
    event: t.field({ type: WebhookEventEnum, description: 'Of this event.' }),
    eventId: t.string({ description: 'Of this event id.' }),
  }),
});

type DeliveryFilter =
  | {
      status?: 'pending' | 'delivered' | 'failed' | null;
      subscriptionId?: string | number | null;
      event?: (typeof WEBHOOK_EVENTS)[number] | null;
      eventId?: string | null;
    }
  | null
  | undefined;

function deliveryWhere(filter: DeliveryFilter) {
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.subscriptionId != null
      ? { subscriptionId: webhookDbId(filter.subscriptionId, 'WebhookSubscription') }
      : {}),
    ...(filter?.event ? { event: filter.event } : {}),
    // Event ids are uuids: anything else matches nothing (and must not reach the uuid column).
    ...(filter?.eventId ? (isUuid(filter.eventId) ? { eventId: filter.eventId } : { id: { in: [] } }) : {}),
  };
}

builder.queryField('webhookDeliveries', (t) =>
  t.prismaConnection(
    {
      type: 'WebhookDelivery',
      cursor: 'id',
      description: 'The webhook delivery log, newest first, paginated. Admins only.',
      authScopes: { admin: true },
      args: { filter: t.arg({ type: WebhookDeliveryFilter, description: 'Conditions to filter by.' }) },
      totalCount: (_connection, args, context) =>
        context.services.db.prisma.webhookDelivery.count({ where: deliveryWhere(args.filter) }),
      resolve: (query, _root, args, context) =>
        context.services.db.prisma.webhookDelivery.findMany({
          ...query,
          where: deliveryWhere(args.filter),
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        }),
    },
    {
      description: 'A page of webhook deliveries.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many deliveries match the filter in all pages.',
          extensions: { pothosPrismaTotalCount: true },
          resolve: (connection) => (connection as { totalCount?: () => Promise<number> }).totalCount?.() ?? 0,
        }),
      }),
    },
    { description: 'A webhook delivery in a page.' },
  ),
);
