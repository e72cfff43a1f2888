import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  claimDueDeliveries,
  type Database,
  enqueueWebhookEvent,
  pruneWebhookDeliveries,
  recordDeliveryResult,
  redeliverWebhook,
  type WebhookEventName,
} from '../src';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

const LEASE = { limit: 50, leaseMs: 60_000 };

describe.each(testDatabaseKinds())('webhook outbox on %s', (kind) => {
  let db: Database;
  let subscribed: string;
  let otherEvent: string;
  let inactive: string;

  const subscribe = async (events: WebhookEventName[], active = true) =>
    (
      await db.prisma.webhookSubscription.create({
        data: { url: 'http://127.0.0.1:9/hook', events, secret: 'whsec_test', active },
      })
    ).id;
  const event = (payload: unknown = { editionKey: 'KSP25' }) => ({
    id: randomUUID(),
    event: 'editionPublished' as const,
    payload,
  });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    subscribed = await subscribe(['editionPublished', 'evaluationSubmitted']);
    otherEvent = await subscribe(['evaluationSubmitted']);
    inactive = await subscribe(['editionPublished'], false);
  });
  beforeEach(async () => {
    await db.prisma.webhookDelivery.deleteMany();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('queues one delivery per active subscription to the event, in a Prisma transaction', async () => {
    const e = event({ editionKey: 'KSP25', n: 1 });
    const queued = await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, e));
    expect(queued).toBe(1);
    const rows = await db.prisma.webhookDelivery.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subscriptionId: subscribed,
      eventId: e.id,
      event: 'editionPublished',
      payload: { editionKey: 'KSP25', n: 1 },
      status: 'pending',
      attempts: 0,
    });
    expect(rows.some((r) => r.subscriptionId === otherEvent || r.subscriptionId === inactive)).toBe(false);
  });

  it('queues in a plain-SQL transaction too (the bulk evaluation insert uses one)', async () => {
    const queued = await db.sql.transaction((tx) =>
      enqueueWebhookEvent(tx, { ...event(), event: 'evaluationSubmitted' }),
    );
    expect(queued).toBe(2);
    expect(await db.prisma.webhookDelivery.count({ where: { event: 'evaluationSubmitted' } })).toBe(2);
  });

  it('a rolled-back transaction leaves no delivery (Prisma and plain SQL)', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueWebhookEvent(tx, event());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(
      db.sql.transaction(async (tx) => {
        await enqueueWebhookEvent(tx, event());
        throw new Error('the bulk write failed');
      }),
    ).rejects.toThrow('the bulk write failed');
    expect(await db.prisma.webhookDelivery.count()).toBe(0);
  });

  it('claims due deliveries once: attempts counted, leased until the lease ends, body kept byte for byte', async () => {
    const e = event({ editionKey: 'KSP25', text: 'Svar- og ventetid ✓' });
    await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, e));
    const [claimed, ...rest] = await claimDueDeliveries(db.sql, LEASE);
    expect(rest).toEqual([]);
    expect(claimed).toMatchObject({
      subscriptionId: subscribed,
      eventId: e.id,
      event: 'editionPublished',
      attempt: 1,
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_test',
    });
    expect(JSON.parse(claimed?.body ?? '')).toEqual(e.payload);
    // Leased: not due again until the lease runs out.
    expect(await claimDueDeliveries(db.sql, LEASE)).toEqual([]);
    // A zero lease (as after a crashed dispatcher's lease expired) makes it due again, as attempt 2.
    await db.prisma.webhookDelivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    const [again] = await claimDueDeliveries(db.sql, LEASE);
    expect(again?.attempt).toBe(2);
    expect(again?.claimId).not.toBe(claimed?.claimId);
  });

  it('never claims for an inactive subscription', async () => {
    await db.prisma.webhookSubscription.update({ where: { id: subscribed }, data: { active: false } });
    try {
      // Queued while active, then paused: the delivery waits.
      await db.prisma.webhookDelivery.create({
        data: { subscriptionId: subscribed, eventId: randomUUID(), event: 'editionPublished', payload: {} },
      });
      expect(await claimDueDeliveries(db.sql, LEASE)).toEqual([]);
    } finally {
      await db.prisma.webhookSubscription.update({ where: { id: subscribed }, data: { active: true } });
    }
    expect(await claimDueDeliveries(db.sql, LEASE)).toHaveLength(1);
  });

  it('concurrent claimers split the due deliveries without overlap', async () => {
    for (let i = 0; i < 40; i++) await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, event({ i })));
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimDueDeliveries(db.sql, { limit: 15, leaseMs: 60_000 })),
    );
    const ids = claims.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
  });

  it.runIf(kind === 'postgres')(
    'SKIP LOCKED: rows locked by another transaction are skipped, not waited for',
    async () => {
      for (let i = 0; i < 3; i++) await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, event({ i })));
      const [first] = await db.prisma.webhookDelivery.findMany({ orderBy: { createdAt: 'asc' }, take: 1 });
      await db.sql.transaction(async (tx) => {
        // Another dispatcher in the middle of its claim holds this row.
        await tx.query('SELECT 1 FROM "WebhookDelivery" WHERE "id" = $1 FOR UPDATE', [first?.id]);
        const started = Date.now();
        const claimed = await claimDueDeliveries(db.sql, LEASE);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(claimed.map((c) => c.id).sort()).toHaveLength(2);
        expect(claimed.some((c) => c.id === first?.id)).toBe(false);
      });
    },
  );

  it('records results only under the current claim: delivered, retry later, or failed', async () => {
    for (let i = 0; i < 3; i++) await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, event({ i })));
    const [a, b, c] = await claimDueDeliveries(db.sql, LEASE);
    if (!a || !b || !c) throw new Error('expected three claims');
    const retryAt = new Date(Date.now() + 30_000);
    expect(await recordDeliveryResult(db.sql, a, { ok: true, statusCode: 204, durationMs: 12 })).toBe(true);
    expect(
      await recordDeliveryResult(db.sql, b, {
        ok: false,
        statusCode: 500,
        error: 'HTTP 500: boom',
        durationMs: 8,
        retryAt,
      }),
    ).toBe(true);
    expect(
      await recordDeliveryResult(db.sql, c, {
        ok: false,
        statusCode: null,
        error: 'connect ECONNREFUSED',
        durationMs: 3,
        retryAt: null,
      }),
    ).toBe(true);
    // A late result from a claim that was taken over is dropped.
    expect(
      await recordDeliveryResult(
        db.sql,
        { id: a.id, claimId: randomUUID() },
        { ok: true, statusCode: 200, durationMs: 1 },
      ),
    ).toBe(false);

    const byId = new Map((await db.prisma.webhookDelivery.findMany()).map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({
      status: 'delivered',
      lastStatusCode: 204,
      nextAttemptAt: null,
      claimId: null,
    });
    expect(byId.get(a.id)?.deliveredAt).toBeInstanceOf(Date);
    expect(byId.get(b.id)).toMatchObject({
      status: 'pending',
      lastStatusCode: 500,
      lastError: 'HTTP 500: boom',
      attempts: 1,
    });
    expect(byId.get(b.id)?.nextAttemptAt?.getTime()).toBe(retryAt.getTime());
    expect(byId.get(c.id)).toMatchObject({
      status: 'failed',
      lastStatusCode: null,
      lastError: 'connect ECONNREFUSED',
      nextAttemptAt: null,
    });
  });

  it('redelivery queues a new pending delivery with the same event id and payload, keeping the old one', async () => {
    const e = event({ again: true });
    await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, e));
    const [claimed] = await claimDueDeliveries(db.sql, LEASE);
    if (!claimed) throw new Error('expected a claim');
    await recordDeliveryResult(db.sql, claimed, {
      ok: false,
      statusCode: 410,
      error: 'gone',
      durationMs: 1,
      retryAt: null,
    });
    const newId = randomUUID();
    expect(await db.prisma.$transaction((tx) => redeliverWebhook(tx, claimed.id, newId))).toBe(true);
    expect(await redeliverWebhook(db.sql, randomUUID(), randomUUID())).toBe(false);
    const copy = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: newId } });
    expect(copy).toMatchObject({ eventId: e.id, payload: { again: true }, status: 'pending', attempts: 0 });
    expect(await db.prisma.webhookDelivery.count()).toBe(2);
  });

  it('prunes finished deliveries older than the retention, never pending ones', async () => {
    for (let i = 0; i < 3; i++) await db.prisma.$transaction((tx) => enqueueWebhookEvent(tx, event({ i })));
    const [a, b] = await claimDueDeliveries(db.sql, { limit: 2, leaseMs: 60_000 });
    if (!a || !b) throw new Error('expected two claims');
    await recordDeliveryResult(db.sql, a, { ok: true, statusCode: 200, durationMs: 1 });
    await recordDeliveryResult(db.sql, b, {
      ok: false,
      statusCode: 500,
      error: 'x',
      durationMs: 1,
      retryAt: null,
    });
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.prisma.webhookDelivery.updateMany({ data: { createdAt: old } });
    // Nothing is older than 50 days; two finished ones are older than 30.
    expect(await pruneWebhookDeliveries(db.sql, new Date(Date.now() - 50 * 86_400_000))).toBe(0);
    expect(await pruneWebhookDeliveries(db.sql, new Date(Date.now() - 30 * 86_400_000))).toBe(2);
    expect((await db.prisma.webhookDelivery.findMany()).map((d) => d.status)).toEqual(['pending']);
  });
});
