import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import {
  createWebhookDispatcher,
  parseWebhookAllowList,
  recordEvent,
  STRICT_TARGET_POLICY,
  type WebhookConfig,
} from '../../src/webhooks';
import { REFUSED_URLS } from '../helpers/internal-addresses';
import { startServerWithDatabase } from '../helpers/test-server';
import { startWebhookReceiver } from '../helpers/webhook-receiver';

const logger = createLogger('silent');
const CONFIG: Omit<WebhookConfig, 'enabled'> = {
  intervalMs: 10,
  batchSize: 100,
  maxAttempts: 3,
  timeoutMs: 2_000,
  backoff: { baseMs: 200, maxMs: 1_000 },
  retentionDays: 30,
  targets: STRICT_TARGET_POLICY,
};

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    __typename
    ... on ValidationError { fieldErrors { path message } }
  } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, version: 1, input: $input) {
    __typename ... on ValidationError { fieldErrors { path message } } } }`;

/** Webhooks must not reach the API's own network (SSRF): refused when registered and again when sent. */
describe.each(testDatabaseKinds())('webhook targets (%s)', (kind) => {
  // No WEBHOOK_ALLOWED_HOSTS: the default an installation starts with.
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let port: string;

  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    receiver = await startWebhookReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });
  beforeEach(async () => {
    await app.db.prisma.webhookSubscription.deleteMany();
    receiver.received.length = 0;
  });

  /** The internal forms, pointed at the loopback receiver where the address is loopback or unspecified. */
  const internalUrls = () => [
    ...REFUSED_URLS.map(([url]) => url),
    `http://127.0.0.1:${port}/hooks/ksp`,
    `http://0x7f000001:${port}/hooks/ksp`,
    `http://2130706433:${port}/hooks/ksp`,
    `http://0177.0.0.1:${port}/hooks/ksp`,
    `http://[::ffff:127.0.0.1]:${port}/hooks/ksp`,
    `http://0.0.0.0:${port}/hooks/ksp`,
    `http://localhost:${port}/hooks/ksp`,
  ];

  it('createWebhookSubscription and updateWebhookSubscription refuse every internal address form', async () => {
    const public_ = await app.gql(
      CREATE,
      { input: { url: 'https://93.184.216.34/hook', events: ['editionPublished'] } },
      app.tokens.admin,
    );
    expect(public_.data?.createWebhookSubscription.__typename).toBe('WebhookSubscriptionSecret');
    const id = (await app.gql('{ webhookSubscriptions { id } }', {}, app.tokens.admin)).data
      ?.webhookSubscriptions[0].id;
    for (const url of internalUrls()) {
      const created = await app.gql(
        CREATE,
        { input: { url, events: ['editionPublished'] } },
        app.tokens.admin,
      );
      expect(created.data?.createWebhookSubscription, url).toEqual({
        __typename: 'ValidationError',
        fieldErrors: [
          {
            path: 'input.url',
            message: expect.stringMatching(/^points to an address webhooks may not reach \(refused: /),
          },
        ],
      });
      const updated = await app.gql(UPDATE, { id, input: { url } }, app.tokens.admin);
      expect(updated.data?.updateWebhookSubscription.fieldErrors, url).toEqual([
        { path: 'input.url', message: expect.stringMatching(/^points to an address/) },
      ]);
    }
    expect(await app.db.prisma.webhookSubscription.count()).toBe(1);
  });

  it('at send time every internal target is refused without a connection (stored before the rule, or DNS changed since)', async () => {
    // Rows written below the API: what an older version accepted, or a name that resolved elsewhere when registered.
    for (const url of internalUrls())
      await app.db.prisma.webhookSubscription.create({
        data: { url, events: ['editionPublished'], secret: 'whsec_test_secret_0123456789' },
      });
    await app.db.prisma.$transaction((tx) =>
      recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' }),
    );
    const round = await createWebhookDispatcher(app.db, CONFIG, logger).runOnce();
    expect(round).toMatchObject({ claimed: internalUrls().length, delivered: 0 });
    expect(receiver.received).toHaveLength(0);
    const logged = await app.db.prisma.webhookDelivery.findMany({ include: { subscription: true } });
    for (const delivery of logged)
      expect(delivery.lastError, delivery.subscription.url).toMatch(
        /^refused: (loopback|link-local|private|unspecified|special-purpose) address \(not in WEBHOOK_ALLOWED_HOSTS\)$/,
      );
  });

  it('checks the DNS answer at send time and connects to the checked address only', async () => {
    const url = `http://receiver.test:${port}/hooks/ksp`;
    await app.db.prisma.webhookSubscription.create({
      data: { url, events: ['editionPublished'], secret: 'whsec_test_secret_0123456789' },
    });
    const emit = () =>
      app.db.prisma.$transaction((tx) =>
        recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' }),
      );
    // A name server that answers a public address and a loopback one: refused, nothing sent.
    await emit();
    const lookups: string[] = [];
    const rebinding = createWebhookDispatcher(app.db, CONFIG, logger, {
      resolve: async (hostname) => {
        lookups.push(hostname);
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ];
      },
    });
    expect(await rebinding.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(lookups).toEqual(['receiver.test']);
    expect(receiver.received).toHaveLength(0);
    // Allowed by the operator: the request goes to the address that was checked (the name exists nowhere else).
    await app.db.prisma.webhookDelivery.deleteMany();
    await emit();
    const allowed = createWebhookDispatcher(
      app.db,
      { ...CONFIG, targets: parseWebhookAllowList('127.0.0.0/8') },
      logger,
      { resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
    );
    expect(await allowed.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received[0]?.headers.host).toBe(`receiver.test:${port}`);
  });

  it('a real name resolving to loopback (localhost) is refused after the system lookup', async () => {
    await app.db.prisma.webhookSubscription.create({
      data: {
        url: `http://localhost:${port}/hooks/ksp`,
        events: ['editionPublished'],
        secret: 'whsec_test_secret_0123456789',
      },
    });
    await app.db.prisma.$transaction((tx) =>
      recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' }),
    );
    // Allowed by name: it resolves (system resolver) and is delivered; not allowed: refused.
    const byName = parseWebhookAllowList('localhost');
    expect(
      await createWebhookDispatcher(app.db, { ...CONFIG, targets: byName }, logger).runOnce(),
    ).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    await app.db.prisma.webhookDelivery.deleteMany();
    await app.db.prisma.$transaction((tx) =>
      recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' }),
    );
    expect(await createWebhookDispatcher(app.db, CONFIG, logger).runOnce()).toMatchObject({ retried: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it('the log keeps the status and a fixed reason, never what the receiver answered', async () => {
    await app.db.prisma.webhookSubscription.create({
      data: { url: receiver.url, events: ['editionPublished'], secret: 'whsec_test_secret_0123456789' },
    });
    receiver.setReply(() => 500);
    await app.db.prisma.$transaction((tx) =>
      recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'KSP25' }),
    );
    await createWebhookDispatcher(
      app.db,
      { ...CONFIG, targets: parseWebhookAllowList('127.0.0.1') },
      logger,
    ).runOnce();
    receiver.setReply(() => 204);
    const delivery = await app.db.prisma.webhookDelivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ lastStatusCode: 500, lastError: 'HTTP 500' });
  });
});
