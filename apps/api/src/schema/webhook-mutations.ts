import { randomUUID } from 'node:crypto';
import { redeliverWebhook, type WebhookEventName } from '@ksp/db';
import { audit } from '../audit';
import { builder } from '../builder';
import { ConflictError, type FieldError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import {
  checkWebhookTarget,
  newWebhookSecret,
  type Resolver,
  systemResolver,
  type WebhookTargetPolicy,
} from '../webhooks';
import { directResultOf, resultOf } from './result-options';
import { WebhookEventEnum, webhookDbId } from './webhook-types';

type IssuedSecret = { subscriptionId: string; secret: string };

const WebhookSecretType = builder.objectRef<IssuedSecret>('WebhookSubscriptionSecret').implement({
  description:
    'A subscription with its signing secret. The secret is shown only here (on create and rotate): store it now.',
  fields: (t) => ({
    subscription: t.prismaField({
      type: 'WebhookSubscription',
      description: 'The subscription.',
      resolve: (query, parent, _args, context) =>
        context.services.db.prisma.webhookSubscription.findUniqueOrThrow({
          ...query,
          where: { id: parent.subscriptionId },
        }),
    }),
    secret: t.exposeString('secret', {
      description: 'The HMAC-SHA256 key receivers verify `X-KSP-Signature` with.',
    }),
  }),
});

const CreateWebhookSubscriptionInput = builder.inputType('CreateWebhookSubscriptionInput', {
  description: 'A new webhook subscription.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'An http(s) URL to POST events to.' }),
    events: t.field({
      type: [WebhookEventEnum],
      required: true,
      description: 'The events to send (one or more).',
    }),
    secret: t.string({
      description: 'Your own signing secret (24–200 characters); omit to have a random one generated.',
    }),
    active: t.boolean({ description: 'Send events from now on (default true).' }),
  }),
});

const UpdateWebhookSubscriptionInput = builder.inputType('UpdateWebhookSubscriptionInput', {
  description: 'Changes to a subscription; omitted fields stay as they are.',
  fields: (t) => ({
    url: t.string({ description: 'A new http(s) URL.' }),
    events: t.field({ type: [WebhookEventEnum], description: 'The new set of events (one or more).' }),
    active: t.boolean({ description: 'Pause (false) or resume (true) sending.' }),
  }),
});

const MAX_URL_LENGTH = 2048;
/** How long registering waits for DNS; a name that does not resolve yet is accepted (sending checks again). */
const CREATE_LOOKUP_TIMEOUT_MS = 3_000;

/**
 * The URL's form, and its target: internal addresses (loopback, private, link-local, metadata, …, in any
 * numeric notation, or as a name resolving to one) are refused unless WEBHOOK_ALLOWED_HOSTS allows them.
 * The dispatcher checks again after resolving at send time, so a later DNS change cannot slip through.
 */
async function urlErrors(
  url: string | null | undefined,
  path: string,
  policy: WebhookTargetPolicy,
): Promise<FieldError[]> {
  if (url == null) return [];
  if (url.length > MAX_URL_LENGTH) return [{ path, message: `must be at most ${MAX_URL_LENGTH} characters` }];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ path, message: 'is not a valid URL' }];
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return [{ path, message: 'must be an http or https URL' }];
  const target = await checkWebhookTarget(url, policy, withTimeout(CREATE_LOOKUP_TIMEOUT_MS));
  if (target.ok || target.unresolved) return [];
  return [{ path, message: `points to an address webhooks may not reach (${target.reason})` }];
}

const withTimeout =
  (ms: number): Resolver =>
  (hostname) =>
    Promise.race([
      systemResolver(hostname),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), ms).unref()),
    ]);

function eventErrors(events: readonly WebhookEventName[] | null | undefined, path: string): FieldError[] {
  if (events == null) return [];
  if (events.length === 0) return [{ path, message: 'choose at least one event' }];
  if (new Set(events).size !== events.length) return [{ path, message: 'lists an event twice' }];
  return [];
}

function secretErrors(secret: string | null | undefined, path: string): FieldError[] {
  if (secret == null) return [];
  if (secret.length < 24 || secret.length > 200 || /\s/.test(secret))
    return [{ path, message: 'must be 24–200 characters without spaces' }];
  return [];
}

function check(errors: FieldError[]) {
  if (errors.length > 0) throw new ValidationError(errors);
}

/** What the audit trail keeps of a subscription: never the secret. */
const audited = (s: { url: string; events: string[]; active: boolean }) => ({
  url: s.url,
  events: s.events,
  active: s.active,
});

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    type: WebhookSecretType,
    description:
      'Subscribes a URL to events. Returns the signing secret, which is shown only this once. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('createWebhookSubscription', [ValidationError]),
    args: {
      input: t.arg({
        type: CreateWebhookSubscriptionInput,
        required: true,
        description: 'The subscription.',
      }),
    },
    resolve: (_root, { input }, context) =>
      withApiErrors(async () => {
        check([
          ...(await urlErrors(input.url, 'input.url', context.config.webhookTargets)),
          ...eventErrors(input.events, 'input.events'),
          ...secretErrors(input.secret, 'input.secret'),
        ]);
        const secret = input.secret ?? newWebhookSecret();
        return context.services.db.prisma.$transaction(async (tx) => {
          const created = await tx.webhookSubscription.create({
            data: {
              url: input.url,
              events: input.events,
              secret,
              active: input.active ?? true,
              createdById: context.viewer?.userId ?? null,
            },
          });
          await audit(tx, context, {
            action: 'webhook.create',
            entityType: 'WebhookSubscription',
            entityId: created.id,
            after: audited(created),
          });
          return { subscriptionId: created.id, secret };
        });
      }),
  }),

  updateWebhookSubscription: t.prismaField({
    type: 'WebhookSubscription',
    description: 'Changes a subscription’s URL, events or active flag. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('updateWebhookSubscription', [NotFoundError, ValidationError, ConflictError]),
    args: {
      id: t.arg.id({ required: true, description: 'The subscription’s global id.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: UpdateWebhookSubscriptionInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { id, version, input }, context) =>
      withApiErrors(async () => {
        const dbId = webhookDbId(id, 'WebhookSubscription');
        check([
          ...(await urlErrors(input.url, 'input.url', context.config.webhookTargets)),
          ...eventErrors(input.events, 'input.events'),
        ]);
        return context.services.db.prisma.$transaction(async (tx) => {
          const before = await tx.webhookSubscription.findUnique({ where: { id: dbId } });
          if (!before) throw new NotFoundError('WebhookSubscription', String(id));
          const { count } = await tx.webhookSubscription.updateMany({
            where: { id: dbId, version },
            data: {
              ...(input.url != null ? { url: input.url } : {}),
              ...(input.events != null ? { events: input.events } : {}),
              ...(input.active != null ? { active: input.active } : {}),
              version: { increment: 1 },
            },
          });
          if (count === 0)
            throw new ConflictError(
              `The subscription was changed elsewhere (version ${before.version}). Reload and retry.`,
              before.version,
              { id: String(id), version: before.version, ...audited(before) },
            );
          const after = await tx.webhookSubscription.findUniqueOrThrow({ ...query, where: { id: dbId } });
          await audit(tx, context, {
            action: 'webhook.update',
            entityType: 'WebhookSubscription',
            entityId: dbId,
            before: audited(before),
            after: audited(after),
          });
          return after;
        });
      }),
  }),

  deleteWebhookSubscription: t.id({
    description:
      'Deletes a subscription and its delivery log; nothing more is sent to it. Returns its id. Admins.',
    authScopes: { admin: true },
    errors: resultOf('deleteWebhookSubscription', [NotFoundError]),
    args: { id: t.arg.id({ required: true, description: 'The subscription’s global id.' }) },
    resolve: (_root, { id }, context) =>
      withApiErrors(async () => {
        const dbId = webhookDbId(id, 'WebhookSubscription');
        return context.services.db.prisma.$transaction(async (tx) => {
          const before = await tx.webhookSubscription.findUnique({ where: { id: dbId } });
          if (!before) throw new NotFoundError('WebhookSubscription', String(id));
          await tx.webhookSubscription.delete({ where: { id: dbId } });
          await audit(tx, context, {
            action: 'webhook.delete',
            entityType: 'WebhookSubscription',
            entityId: dbId,
            before: audited(before),
          });
          return String(id);
        });
      }),
  }),

  rotateWebhookSecret: t.field({
    type: WebhookSecretType,
    description:
      'Replaces a subscription’s signing secret (generated, or yours) and returns it once. Deliveries sent from now on use it. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('rotateWebhookSecret', [NotFoundError, ValidationError]),
    args: {
      id: t.arg.id({ required: true, description: 'The subscription’s global id.' }),
      secret: t.arg.string({ description: 'Your own new secret (24–200 characters); omit to generate one.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const dbId = webhookDbId(args.id, 'WebhookSubscription');
        check(secretErrors(args.secret, 'secret'));
        const secret = args.secret ?? newWebhookSecret();
        return context.services.db.prisma.$transaction(async (tx) => {
          const { count } = await tx.webhookSubscription.updateMany({
            where: { id: dbId },
            data: { secret, version: { increment: 1 } },
          });
          if (count === 0) throw new NotFoundError('WebhookSubscription', String(args.id));
          await audit(tx, context, {
            action: 'webhook.rotateSecret',
            entityType: 'WebhookSubscription',
            entityId: dbId,
          });
          return { subscriptionId: dbId, secret };
        });
      }),
  }),

  redeliverWebhook: t.prismaField({
    type: 'WebhookDelivery',
    description:
      'Queues a delivery again as a new delivery (same event id and body, attempts from zero); the old one stays in the log. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('redeliverWebhook', [NotFoundError]),
    args: { deliveryId: t.arg.id({ required: true, description: 'The delivery’s global id.' }) },
    resolve: (query, _root, { deliveryId }, context) =>
      withApiErrors(async () => {
        const dbId = webhookDbId(deliveryId, 'WebhookDelivery');
        const newId = randomUUID();
        const { prisma } = context.services.db;
        await prisma.$transaction(async (tx) => {
          if (!(await redeliverWebhook(tx, dbId, newId)))
            throw new NotFoundError('WebhookDelivery', String(deliveryId));
          await audit(tx, context, {
            action: 'webhook.redeliver',
            entityType: 'WebhookDelivery',
            entityId: newId,
            before: { deliveryId: dbId },
          });
        });
        return prisma.webhookDelivery.findUniqueOrThrow({ ...query, where: { id: newId } });
      }),
  }),
}));
