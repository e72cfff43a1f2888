import type { Database } from '@ksp/db';
import { createSeededTestDatabase, testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importEvaluations } from '../src/index';
import { evaluationsToCsv, fieldworkEvaluations, ksp24Seed } from './support/fieldwork-fixture';

/** A field-work import queues one `evaluationImported` webhook event in its own transaction (docs/webhooks.md). */
describe.each(testDatabaseKinds())('import webhook event on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await createSeededTestDatabase(kind, ksp24Seed));
    await db.prisma.webhookSubscription.create({
      data: { url: 'http://127.0.0.1:9/hook', events: ['evaluationImported'], secret: 'whsec_import_test' },
    });
  });
  afterAll(() => db?.close());
  beforeEach(() => db.prisma.webhookDelivery.deleteMany());

  const run = (csv: string, dryRun = false) =>
    importEvaluations(db, {
      editionKey: 'KSP24',
      format: 'csv',
      source: { bytes: Buffer.from(csv) },
      dryRun,
    });

  it('an import that stores rows queues one evaluationImported; dry runs and repeats queue none', async () => {
    const csv = evaluationsToCsv(fieldworkEvaluations(6, { prefix: 'wh-' }));
    expect((await run(csv, true)).written).toBe(false);
    expect(await db.prisma.webhookDelivery.count()).toBe(0);

    const report = await run(csv);
    expect(report).toMatchObject({ written: true, inserted: 6, skipped: 0 });
    const deliveries = await db.prisma.webhookDelivery.findMany();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: 'evaluationImported', status: 'pending' });
    expect(deliveries[0]?.payload).toMatchObject({
      id: deliveries[0]?.eventId,
      event: 'evaluationImported',
      actorId: null,
      data: { editionKey: 'KSP24', inserted: 6, skipped: 0, rows: 6 },
    });

    await db.prisma.webhookDelivery.deleteMany();
    expect(await run(csv)).toMatchObject({ written: true, inserted: 0, skipped: 6 });
    expect(await db.prisma.webhookDelivery.count()).toBe(0);
  });
});
