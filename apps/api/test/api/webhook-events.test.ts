import { loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import type { Evaluation } from '@ksp/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { createWebhookDispatcher, parseWebhookAllowList, verifyWebhookSignature } from '../../src/webhooks';
import { startServerWithDatabase } from '../helpers/test-server';
import { startWebhookReceiver } from '../helpers/webhook-receiver';

const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) {
  __typename ... on Evaluation { id contactId } ... on Error { message } } }`;

/** The mutations that emit events, each writing its event in its own transaction (see docs/webhooks.md). */
describe.each(testDatabaseKinds())('webhook events from mutations (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secret: string;
  let template: Evaluation;

  beforeAll(async () => {
    // The receiver runs on loopback, which webhooks may reach only when the operator allows it.
    app = await startServerWithDatabase(kind, {}, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    receiver = await startWebhookReceiver();
    const created = await app.gql(
      `mutation($url: String!) { createWebhookSubscription(input: {
        url: $url, events: [evaluationSubmitted, editionPublished, resultsPublished] }) {
        ... on WebhookSubscriptionSecret { secret } } }`,
      { url: receiver.url },
      app.tokens.admin,
    );
    secret = created.data?.createWebhookSubscription.secret;
    template = (await loadEvaluations(app.db, 'KSP24')).find((e) => e.answered) as Evaluation;
  });
  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });
  beforeEach(async () => {
    await app.db.prisma.webhookDelivery.deleteMany();
    receiver.received.length = 0;
  });

  /** Sends what is queued and returns the bodies the receiver got (each signature checked). */
  async function delivered() {
    const dispatcher = createWebhookDispatcher(
      app.db,
      {
        intervalMs: 10,
        batchSize: 50,
        maxAttempts: 1,
        timeoutMs: 2_000,
        backoff: { baseMs: 10, maxMs: 10 },
        retentionDays: 0,
        targets: parseWebhookAllowList('127.0.0.1'),
      },
      createLogger('silent'),
    );
    await dispatcher.runOnce();
    for (const r of receiver.received)
      expect(verifyWebhookSignature(r.headers['x-ksp-signature'] as string, r.body, secret)).toBe(true);
    return receiver.received.map((r) => JSON.parse(r.body));
  }

  const submit = (contactId: string, token = app.tokens.observer) =>
    app.gql(
      SUBMIT,
      {
        input: {
          editionKey: 'KSP24',
          contactId,
          companyKey: template.companyKey,
          channelKey: template.channel,
          contactedAt: template.contactedAt,
          answered: template.answered,
          waitingTime: template.waitingTime,
          answers: template.answers.map(({ questionKey, optionKey, text, notApplicable }) => ({
            questionKey,
            optionKey,
            text,
            notApplicable,
          })),
        },
      },
      token,
    );

  it('submitEvaluation emits evaluationSubmitted; a repeated contact id or an invalid evaluation emits nothing', async () => {
    const result = await submit('hook-1');
    expect(result.data?.submitEvaluation.__typename).toBe('Evaluation');
    const observer = await app.db.prisma.user.findUniqueOrThrow({ where: { email: 'observer@example.org' } });
    expect(await delivered()).toEqual([
      {
        id: expect.any(String),
        event: 'evaluationSubmitted',
        occurredAt: expect.any(String),
        actorId: observer.id,
        data: {
          editionKey: 'KSP24',
          contactId: 'hook-1',
          evaluationId: result.data?.submitEvaluation.id,
          companyKey: template.companyKey,
          channelKey: template.channel,
          answered: true,
          contactedAt: new Date(template.contactedAt).toISOString(),
        },
      },
    ]);
    await app.db.prisma.webhookDelivery.deleteMany();
    expect((await submit('hook-1')).data?.submitEvaluation.__typename).toBe('ConflictError');
    const invalid = await app.gql(
      SUBMIT,
      {
        input: {
          editionKey: 'KSP24',
          contactId: 'hook-2',
          companyKey: 'nope',
          channelKey: 'phone',
          contactedAt: template.contactedAt,
          answered: false,
          answers: [],
        },
      },
      app.tokens.observer,
    );
    expect(invalid.data?.submitEvaluation.__typename).toBe('ValidationError');
    expect(await app.db.prisma.webhookDelivery.count()).toBe(0);
  });

  it('publishEdition emits editionPublished with the published edition; a refused publish emits nothing', async () => {
    const refused = await app.gql(
      'mutation { publishEdition(editionKey: "KSP24") { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(refused.data?.publishEdition.__typename).toBe('ValidationError');
    expect(await app.db.prisma.webhookDelivery.count()).toBe(0);

    const published = await app.gql(
      'mutation { publishEdition(editionKey: "KSP25") { __typename ... on Edition { key year name version } } }',
      {},
      app.tokens.admin,
    );
    const edition = published.data?.publishEdition;
    expect(edition.__typename).toBe('Edition');
    const [body, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(body).toMatchObject({
      event: 'editionPublished',
      data: { editionKey: 'KSP25', year: edition.year, name: edition.name, version: edition.version },
    });
  });

  it('publishResults and correctResults emit resultsPublished with the revision', async () => {
    const publish = await app.gql(
      'mutation { publishResults(editionKey: "KSP23") { __typename ... on AwardSnapshot { revision overallWinner overallWinners overallWinnerDecidedByKeyOrder rulesVersion } } }',
      {},
      app.tokens.admin,
    );
    expect(publish.data?.publishResults.__typename).toBe('AwardSnapshot');
    const correct = await app.gql(
      'mutation { correctResults(editionKey: "KSP23", reason: "Two contacts re-scored") { __typename ... on AwardSnapshot { revision overallWinner overallWinners overallWinnerDecidedByKeyOrder rulesVersion } } }',
      {},
      app.tokens.admin,
    );
    expect(correct.data?.correctResults.revision).toBe(2);
    // Publishing twice is refused: no event for it.
    const again = await app.gql(
      'mutation { publishResults(editionKey: "KSP23") { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(again.data?.publishResults.__typename).toBe('ConflictError');
    const bodies = await delivered();
    expect(bodies.map((b) => b.data).sort((a, b) => a.revision - b.revision)).toEqual([
      {
        editionKey: 'KSP23',
        revision: 1,
        kind: 'publish',
        reason: null,
        rulesVersion: publish.data?.publishResults.rulesVersion,
        overallWinner: publish.data?.publishResults.overallWinner,
        overallWinners: publish.data?.publishResults.overallWinners,
        overallWinnerDecidedByKeyOrder: publish.data?.publishResults.overallWinnerDecidedByKeyOrder,
      },
      {
        editionKey: 'KSP23',
        revision: 2,
        kind: 'correct',
        reason: 'Two contacts re-scored',
        rulesVersion: correct.data?.correctResults.rulesVersion,
        overallWinner: correct.data?.correctResults.overallWinner,
        overallWinners: correct.data?.correctResults.overallWinners,
        overallWinnerDecidedByKeyOrder: correct.data?.correctResults.overallWinnerDecidedByKeyOrder,
      },
    ]);
  });
});
