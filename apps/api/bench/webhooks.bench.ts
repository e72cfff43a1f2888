// Webhook benchmark (docs/webhooks.md, "Performance"): on PostgreSQL (TEST_DATABASE_URL), measures
//  1. what writing an event costs inside a transaction: a small Prisma transaction (one audit entry) with and
//     without recordEvent to two subscriptions,
//  2. delivery throughput to a loopback receiver, with one dispatcher and with two (separate connection pools,
//     as two API replicas). Every delivery is checked: each reaches the receiver exactly once, signed.
// Run: npx tsx bench/webhooks.bench.ts   (EVENTS=2000 by default)
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { createDatabase, type Database } from '@ksp/db';
import { createTestDatabase } from '@ksp/db/testing';
import { createLogger } from '../src/logger';
import {
  createWebhookDispatcher,
  parseWebhookAllowList,
  recordEvent,
  verifyWebhookSignature,
} from '../src/webhooks';
import { startWebhookReceiver } from '../test/helpers/webhook-receiver';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const EVENTS = Number(process.env.EVENTS ?? 2000);
const TRANSACTIONS = Number(process.env.TRANSACTIONS ?? 1000);
const SECRET = `whsec_${randomUUID()}`;
const logger = createLogger('silent');

async function timeTransactions(db: Database, withEvent: boolean): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < TRANSACTIONS; i++) {
    await db.prisma.$transaction(async (tx) => {
      await tx.auditEntry.create({ data: { action: 'bench', entityType: 'Bench', entityId: String(i) } });
      if (withEvent) await recordEvent(tx, { viewer: null }, 'editionPublished', { editionKey: 'BENCH', i });
    });
  }
  return (performance.now() - started) / TRANSACTIONS;
}

async function deliverAll(db: Database, replicas: Database[], batchSize: number) {
  const receiver = await startWebhookReceiver(() => 204);
  await db.prisma.webhookSubscription.updateMany({ data: { url: receiver.url } });
  for (let i = 0; i < EVENTS; i += 100)
    await db.prisma.$transaction(async (tx) => {
      for (let j = i; j < Math.min(EVENTS, i + 100); j++)
        await recordEvent(tx, { viewer: null }, 'evaluationSubmitted', { contactId: `C-${j}` });
    });
  const expected = await db.prisma.webhookDelivery.count({ where: { status: 'pending' } });
  const dispatchers = replicas.map((replica) =>
    createWebhookDispatcher(
      replica,
      {
        intervalMs: 5,
        batchSize,
        maxAttempts: 3,
        timeoutMs: 5_000,
        backoff: { baseMs: 100, maxMs: 100 },
        retentionDays: 0,
        // The bench's receiver is on loopback.
        targets: parseWebhookAllowList('127.0.0.1'),
      },
      logger,
    ),
  );
  const started = performance.now();
  for (const dispatcher of dispatchers) dispatcher.start();
  while ((await db.prisma.webhookDelivery.count({ where: { status: 'pending' } })) > 0)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(dispatchers.map((d) => d.stop()));
  const ids = receiver.received.map((r) => r.headers['x-ksp-delivery-id']);
  if (ids.length !== expected || new Set(ids).size !== expected)
    throw new Error(
      `expected ${expected} distinct deliveries, got ${ids.length} (${new Set(ids).size} distinct)`,
    );
  if (
    !receiver.received.every((r) =>
      verifyWebhookSignature(r.headers['x-ksp-signature'] as string, r.body, SECRET),
    )
  )
    throw new Error('a signature did not verify');
  await receiver.close();
  await db.prisma.webhookDelivery.deleteMany();
  return { deliveries: expected, seconds, perSecond: expected / seconds };
}

const db = await createTestDatabase('postgres', { url: DATABASE_URL });
try {
  const replica = await createDatabase({ url: db.url, poolSize: 4 });
  try {
    for (const events of [['editionPublished'], ['editionPublished', 'evaluationSubmitted']] as const)
      await db.prisma.webhookSubscription.create({
        data: { url: 'http://127.0.0.1:9/', events: [...events], secret: SECRET },
      });
    // Warm-up, then measure.
    await timeTransactions(db, true);
    await db.prisma.webhookDelivery.deleteMany();
    const without = await timeTransactions(db, false);
    const withEvent = await timeTransactions(db, true);
    await db.prisma.webhookDelivery.deleteMany();
    const one = await deliverAll(db, [db], 20);
    const two = await deliverAll(db, [db, replica], 20);
    console.log(
      JSON.stringify(
        {
          machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
          transactionMs: {
            without: without.toFixed(2),
            withEvent: withEvent.toFixed(2),
            transactions: TRANSACTIONS,
          },
          oneDispatcher: {
            deliveries: one.deliveries,
            seconds: one.seconds.toFixed(2),
            perSecond: Math.round(one.perSecond),
          },
          twoDispatchers: {
            deliveries: two.deliveries,
            seconds: two.seconds.toFixed(2),
            perSecond: Math.round(two.perSecond),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await replica.close();
  }
} finally {
  await db.close();
}
