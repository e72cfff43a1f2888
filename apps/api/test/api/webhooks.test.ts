import { createDatabase, type Database, type WebhookEventName } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import {
  createWebhookDispatcher,
  parseWebhookAllowList,
  recordEvent,
  verifyWebhookSignature,
} from '../../src/webhooks';
import type { WebhookConfig } from '../../src/webhooks/webhook-config';
import { startServerWithDatabase } from '../helpers/test-server';
import { eventually, startWebhookReceiver } from '../helpers/webhook-receiver';

const logger = createLogger('silent');
/** The receiver runs on loopback, which webhooks may reach only when the operator allows it. */
const ALLOW_LOOPBACK_RECEIVER = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };
/** Fast settings for tests: back-off windows of 200 ms and 400 ms. */
const CONFIG: Omit<WebhookConfig, 'enabled'> = {
  intervalMs: 10,
  batchSize: 10,
  maxAttempts: 3,
  timeoutMs: 2_000,
  backoff: { baseMs: 200, maxMs: 1_000 },
  retentionDays: 30,
  targets: parseWebhookAllowList(ALLOW_LOOPBACK_RECEIVER.WEBHOOK_ALLOWED_HOSTS),
};

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    __typename
    ... on WebhookSubscriptionSecret { secret subscription { id url events active secretPreview version } }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { message }
  } }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) {
  webhookDeliveries(first: 50, filter: $filter) {
    totalCount
    edges { node { id eventId event status attempts lastStatusCode lastError deliveredAt nextAttemptAt payload } }
  } }`;

describe.each(testDatabaseKinds())('webhooks (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    app = await startServerWithDatabase(kind, {}, ALLOW_LOOPBACK_RECEIVER);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    // Closing the server closes its services, the database included.
    await app?.close();
  });
  beforeEach(async () => {
    await app.db.prisma.webhookSubscription.deleteMany();
    receiver.received.length = 0;
    receiver.setReply(() => 204);
  });

  async function subscribe(
    events: WebhookEventName[] = ['editionPublished', 'evaluationSubmitted', 'resultsPublished'],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; secret: string }> {
    const result = await app.gql(
      CREATE,
      { input: { url: receiver.url, events, ...extra } },
      app.tokens.admin,
    );
    const created = result.data?.createWebhookSubscription;
    expect(created?.__typename).toBe('WebhookSubscriptionSecret');
    return { id: created.subscription.id, secret: created.secret };
  }
  const emit = (event: WebhookEventName, data: unknown) =>
    app.db.prisma.$transaction((tx) => recordEvent(tx, { viewer: null }, event, data));
  const deliveries = async (filter: Record<string, unknown> = {}) =>
    (await app.gql(DELIVERIES, { filter }, app.tokens.admin)).data?.webhookDeliveries;

  it('admins only: other roles and anonymous callers are refused', async () => {
    const { id } = await subscribe();
    for (const token of [app.tokens.analyst, app.tokens.observer, null]) {
      const create = await app.gql(
        CREATE,
        { input: { url: receiver.url, events: ['editionPublished'] } },
        token,
      );
      expect(create.data?.createWebhookSubscription.__typename).toBe('ForbiddenError');
      const list = await app.gql('{ webhookSubscriptions { id } }', {}, token);
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const log = await app.gql('{ webhookDeliveries(first: 5) { totalCount } }', {}, token);
      expect(log.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const rotate = await app.gql(
        'mutation($id: ID!) { rotateWebhookSecret(id: $id) { __typename } }',
        { id },
        token,
      );
      expect(rotate.data?.rotateWebhookSecret.__typename).toBe('ForbiddenError');
      const remove = await app.gql(
        'mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename } }',
        { id },
        token,
      );
      expect(remove.data?.deleteWebhookSubscription.__typename).toBe('ForbiddenError');
    }
    expect(await app.db.prisma.webhookSubscription.count()).toBe(1);
  });

  it('create validates its input, shows a generated secret once, and audits without the secret', async () => {
    const bad = await app.gql(
      CREATE,
      { input: { url: 'ftp://example.org/x', events: [], secret: 'short' } },
      app.tokens.admin,
    );
    expect(bad.data?.createWebhookSubscription.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'input.url',
      'input.events',
      'input.secret',
    ]);
    const { id, secret } = await subscribe(['editionPublished']);
    expect(secret).toMatch(/^whsec_/);
    const stored = await app.db.prisma.webhookSubscription.findFirstOrThrow();
    expect(stored.secret).toBe(secret);
    const listed = await app.gql(
      '{ webhookSubscriptions { id url events active secretPreview createdBy { email } } }',
      {},
      app.tokens.admin,
    );
    expect(listed.data?.webhookSubscriptions).toEqual([
      {
        id,
        url: receiver.url,
        events: ['editionPublished'],
        active: true,
        secretPreview: `${secret.slice(0, 10)}…`,
        createdBy: { email: 'admin@example.org' },
      },
    ]);
    const entry = await app.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'webhook.create', entityId: stored.id },
    });
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('update checks the version; rotate replaces the secret; delete removes the subscription and its log', async () => {
    const { id, secret } = await subscribe(['editionPublished']);
    const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateWebhookSubscriptionInput!) {
      updateWebhookSubscription(id: $id, version: $version, input: $input) {
        __typename ... on WebhookSubscription { events active version } ... on ConflictError { currentVersion }
        ... on ValidationError { fieldErrors { path } } } }`;
    const updated = await app.gql(
      UPDATE,
      { id, version: 1, input: { events: ['resultsPublished'], active: false } },
      app.tokens.admin,
    );
    expect(updated.data?.updateWebhookSubscription).toEqual({
      __typename: 'WebhookSubscription',
      events: ['resultsPublished'],
      active: false,
      version: 2,
    });
    const stale = await app.gql(UPDATE, { id, version: 1, input: { active: true } }, app.tokens.admin);
    expect(stale.data?.updateWebhookSubscription).toEqual({ __typename: 'ConflictError', currentVersion: 2 });
    const badUrl = await app.gql(UPDATE, { id, version: 2, input: { url: 'not a url' } }, app.tokens.admin);
    expect(badUrl.data?.updateWebhookSubscription.fieldErrors).toEqual([{ path: 'input.url' }]);

    const rotated = await app.gql(
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { ... on WebhookSubscriptionSecret { secret subscription { version } } } }',
      { id },
      app.tokens.admin,
    );
    expect(rotated.data?.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data?.rotateWebhookSecret.secret).not.toBe(secret);
    expect(rotated.data?.rotateWebhookSecret.subscription.version).toBe(3);

    await app.gql(UPDATE, { id, version: 3, input: { active: true } }, app.tokens.admin);
    await emit('resultsPublished', { editionKey: 'KSP24' });
    expect(await app.db.prisma.webhookDelivery.count()).toBe(1);
    const removed = await app.gql(
      'mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename ... on MutationDeleteWebhookSubscriptionSuccess { data } } }',
      { id },
      app.tokens.admin,
    );
    expect(removed.data?.deleteWebhookSubscription.data).toBe(id);
    expect(await app.db.prisma.webhookDelivery.count()).toBe(0);
    const again = await app.gql(
      'mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename } }',
      { id },
      app.tokens.admin,
    );
    expect(again.data?.deleteWebhookSubscription.__typename).toBe('NotFoundError');
  });

  it('delivers a signed event: the signature verifies, headers carry the event and its id, the body is the envelope', async () => {
    const { secret } = await subscribe(['editionPublished']);
    const eventId = await emit('editionPublished', { editionKey: 'KSP25', year: 2025 });
    const dispatcher = createWebhookDispatcher(app.db, CONFIG, logger);
    expect(await dispatcher.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('no request');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-ksp-event']).toBe('editionPublished');
    expect(request.headers['x-ksp-event-id']).toBe(eventId);
    expect(request.headers['x-ksp-delivery-attempt']).toBe('1');
    expect(verifyWebhookSignature(request.headers['x-ksp-signature'] as string, request.body, secret)).toBe(
      true,
    );
    expect(
      verifyWebhookSignature(request.headers['x-ksp-signature'] as string, request.body, 'whsec_other'),
    ).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      id: eventId,
      event: 'editionPublished',
      occurredAt: expect.any(String),
      actorId: null,
      data: { editionKey: 'KSP25', year: 2025 },
    });
    expect(Math.abs(Date.parse(body.occurredAt) - Date.now())).toBeLessThan(60_000);
    const log = await deliveries();
    expect(log.edges[0].node).toMatchObject({
      eventId,
      event: 'editionPublished',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 204,
      nextAttemptAt: null,
    });
    // Nothing is sent twice.
    expect(await dispatcher.runOnce()).toEqual({ claimed: 0, delivered: 0, retried: 0, failed: 0 });
  });

  it('retries with back-off after 500s, then delivers; the log shows the attempts', async () => {
    await subscribe(['evaluationSubmitted']);
    receiver.setReply((n) => (n < 2 ? 500 : 200));
    const eventId = await emit('evaluationSubmitted', { editionKey: 'KSP24', contactId: 'C-1' });
    // random() = 0: the shortest jittered delays, 200/2 = 100 ms after attempt 1 and 400/2 = 200 ms after attempt 2.
    const dispatcher = createWebhookDispatcher(app.db, CONFIG, logger, { random: () => 0 });
    dispatcher.start();
    try {
      await eventually(() => receiver.received.length >= 3);
      await eventually(async () => (await deliveries()).edges[0]?.node.status === 'delivered');
    } finally {
      await dispatcher.stop();
    }
    const [first, second, third] = receiver.received.map((r) => r.at);
    expect((second as number) - (first as number)).toBeGreaterThanOrEqual(100);
    expect((third as number) - (second as number)).toBeGreaterThanOrEqual(200);
    expect(receiver.received.map((r) => r.headers['x-ksp-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(receiver.received.map((r) => r.headers['x-ksp-event-id']))).toEqual(new Set([eventId]));
    const log = await deliveries({ status: 'delivered' });
    expect(log.totalCount).toBe(1);
    expect(log.edges[0].node).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
  });

  it('gives up after the maximum attempts (failed in the log); redelivery sends it again with the same event id', async () => {
    const { id } = await subscribe(['resultsPublished']);
    receiver.setReply(() => 500);
    const eventId = await emit('resultsPublished', { editionKey: 'KSP23', revision: 2 });
    const dispatcher = createWebhookDispatcher(
      app.db,
      { ...CONFIG, backoff: { baseMs: 20, maxMs: 40 } },
      logger,
    );
    dispatcher.start();
    try {
      await eventually(async () => (await deliveries({ status: 'failed' })).totalCount === 1);
    } finally {
      await dispatcher.stop();
    }
    expect(receiver.received).toHaveLength(3);
    const failed = (await deliveries({ status: 'failed', subscriptionId: id })).edges[0].node;
    expect(failed).toMatchObject({
      eventId,
      attempts: 3,
      lastStatusCode: 500,
      // The status only: the receiver's answer ("receiver says 500") is never echoed into the log.
      lastError: 'HTTP 500',
      nextAttemptAt: null,
      deliveredAt: null,
    });
    const counts = await app.gql(
      '{ webhookSubscriptions { failedDeliveries pendingDeliveries } }',
      {},
      app.tokens.admin,
    );
    expect(counts.data?.webhookSubscriptions).toEqual([{ failedDeliveries: 1, pendingDeliveries: 0 }]);

    receiver.setReply(() => 200);
    const redelivered = await app.gql(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id eventId status attempts } } }',
      { id: failed.id },
      app.tokens.admin,
    );
    expect(redelivered.data?.redeliverWebhook).toMatchObject({
      __typename: 'WebhookDelivery',
      eventId,
      status: 'pending',
      attempts: 0,
    });
    expect(await createWebhookDispatcher(app.db, CONFIG, logger).runOnce()).toMatchObject({ delivered: 1 });
    expect(receiver.received.at(-1)?.headers['x-ksp-event-id']).toBe(eventId);
    expect((await deliveries()).totalCount).toBe(2);
    const missing = await app.gql(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename } }',
      { id: id },
      app.tokens.admin,
    );
    expect(missing.data?.redeliverWebhook.__typename).toBe('NotFoundError');
  });

  it('the dispatcher prunes finished deliveries past the retention (not with retention 0)', async () => {
    await subscribe(['editionPublished']);
    await emit('editionPublished', { editionKey: 'KSP25' });
    await createWebhookDispatcher(app.db, CONFIG, logger).runOnce();
    await app.db.prisma.webhookDelivery.updateMany({
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await createWebhookDispatcher(app.db, { ...CONFIG, retentionDays: 0 }, logger).prune()).toBe(0);
    expect(await createWebhookDispatcher(app.db, { ...CONFIG, retentionDays: 60 }, logger).prune()).toBe(0);
    expect(await createWebhookDispatcher(app.db, CONFIG, logger).prune()).toBe(1);
    expect(await app.db.prisma.webhookDelivery.count()).toBe(0);
  });

  it('a receiver that does not answer in time is a failed attempt', async () => {
    await subscribe(['editionPublished']);
    receiver.setReply(() => 'hang');
    await emit('editionPublished', { editionKey: 'KSP25' });
    const round = await createWebhookDispatcher(app.db, { ...CONFIG, timeoutMs: 300 }, logger).runOnce();
    expect(round).toEqual({ claimed: 1, delivered: 0, retried: 1, failed: 0 });
    expect((await deliveries()).edges[0].node).toMatchObject({
      status: 'pending',
      lastStatusCode: null,
      lastError: 'timed out',
    });
  });

  it('a rolled-back write produces no delivery; inactive subscriptions and other events get none', async () => {
    await subscribe(['editionPublished']);
    await subscribe(['evaluationSubmitted']);
    await subscribe(['editionPublished'], { active: false });
    await expect(
      app.db.prisma.$transaction(async (tx) => {
        await recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' });
        throw new Error('the change failed after the event was recorded');
      }),
    ).rejects.toThrow('the change failed');
    expect(await app.db.prisma.webhookDelivery.count()).toBe(0);
    await emit('editionPublished', { editionKey: 'KSP25' });
    expect(await app.db.prisma.webhookDelivery.count()).toBe(1);
  });

  it('two dispatchers (two API replicas) never send the same delivery twice', async () => {
    await subscribe(['evaluationSubmitted']);
    await subscribe(['evaluationSubmitted']);
    for (let i = 0; i < 25; i++) await emit('evaluationSubmitted', { contactId: `C-${i}` });
    // On PostgreSQL the second replica has its own connection pool; PGlite has one connection to share.
    let other: Database = app.db;
    if (kind === 'postgres') other = await createDatabase({ url: app.db.url, poolSize: 4 });
    try {
      const replicas = [app.db, other].map((db) =>
        createWebhookDispatcher(db, { ...CONFIG, intervalMs: 1, batchSize: 4 }, logger),
      );
      for (const replica of replicas) replica.start();
      try {
        await eventually(() => receiver.received.length >= 50);
        // A little longer, so a double send would have time to show.
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        await Promise.all(replicas.map((replica) => replica.stop()));
      }
    } finally {
      if (other !== app.db) await other.close();
    }
    const ids = receiver.received.map((r) => r.headers['x-ksp-delivery-id']);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(await app.db.prisma.webhookDelivery.count({ where: { status: 'delivered', attempts: 1 } })).toBe(
      50,
    );
  });
});
