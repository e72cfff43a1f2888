// Webhook SSRF: an admin's webhook URL must not make the API call into its own network. The shared API
// processes run as production does (dispatcher on, no WEBHOOK_ALLOWED_HOSTS): internal addresses in every
// notation are refused when registered, rows pointing at a loopback receiver (as an older version stored, or
// a name whose DNS answer changed) are refused at send time without a connection, and the delivery log
// never shows what a receiver answered.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@ksp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/webhooks';
import { REFUSED_URLS } from '../test/helpers/internal-addresses';
import { sharedCluster } from './harness/cluster';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';

const cluster = sharedCluster();
const [A, B] = cluster.urls as [string, string];
const BANNER = 'SSH-2.0-OpenSSH_internal-banner';
let db: Database;
let admin: string;
let received = 0;
let port = 0;
const server = createServer((req, res) => {
  received++;
  req.resume();
  // What a port scanner would want to read back: a service banner in an error answer.
  res.statusCode = 500;
  res.end(BANNER);
});
const findings: string[] = [];
const figures: Record<string, string | number> = {};

beforeAll(async () => {
  db = await cluster.connect();
  admin = (await loginAll(A)).admin;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await db?.prisma.webhookSubscription.deleteMany({ where: { secret: 'whsec_reliability_ssrf_secret_0' } });
  await db?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const loopbackForms = () => [
  `http://127.0.0.1:${port}/hook`,
  `http://0x7f000001:${port}/hook`,
  `http://2130706433:${port}/hook`,
  `http://0177.0.0.1:${port}/hook`,
  `http://[::ffff:127.0.0.1]:${port}/hook`,
  `http://0.0.0.0:${port}/hook`,
  `http://localhost:${port}/hook`,
];

describe('webhook targets', () => {
  it('createWebhookSubscription refuses internal addresses in every notation, on both processes', async () => {
    const urls = [...REFUSED_URLS.map(([url]) => url), ...loopbackForms()];
    const accepted: string[] = [];
    for (const [i, url] of urls.entries()) {
      const result = await gql(
        i % 2 ? B : A,
        `mutation($url: String!) { createWebhookSubscription(input: { url: $url, events: [evaluationImported] }) {
          __typename ... on ValidationError { fieldErrors { path message } } } }`,
        { url },
        admin,
      );
      const answer = result.data?.createWebhookSubscription;
      if (answer?.__typename !== 'ValidationError' || answer.fieldErrors?.[0]?.path !== 'input.url')
        accepted.push(`${url} → ${JSON.stringify(answer ?? result.errors)}`);
    }
    // Anything accepted is removed again so the dispatchers never call it.
    await db.prisma.webhookSubscription.deleteMany({ where: { events: { has: 'evaluationImported' } } });
    expect(accepted).toEqual([]);
    figures['internal URLs refused at registration'] = urls.length;
    findings.push(
      `${urls.length} internal URLs (loopback, private, link-local and metadata, unspecified, IPv4-mapped IPv6, decimal/hex/octal IPv4, localhost) refused by createWebhookSubscription with a ValidationError at input.url`,
    );
  });

  it('the dispatchers refuse stored internal targets at send time and never log a receiver’s answer', async () => {
    for (const url of loopbackForms())
      await db.prisma.webhookSubscription.create({
        data: { url, events: ['evaluationImported'], secret: 'whsec_reliability_ssrf_secret_0' },
      });
    await db.prisma.$transaction((tx) =>
      recordEvent(tx, { viewer: null }, 'evaluationImported', { editionKey: 'KSP25', inserted: 0 }),
    );
    const mine = { subscription: { secret: 'whsec_reliability_ssrf_secret_0' } };
    // The processes' dispatchers poll every 2 s; wait until each delivery was tried once.
    const deadline = Date.now() + 20_000;
    while (
      (await db.prisma.webhookDelivery.count({ where: { ...mine, attempts: { gte: 1 }, claimId: null } })) <
        loopbackForms().length &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
    const tried = await db.prisma.webhookDelivery.findMany({ where: mine, include: { subscription: true } });
    await db.prisma.webhookSubscription.deleteMany({ where: { secret: 'whsec_reliability_ssrf_secret_0' } });
    const leaks = tried.filter((d) => d.lastError?.includes(BANNER));
    expect(leaks.map((d) => `${d.subscription.url}: ${d.lastError}`)).toEqual([]);
    expect(received).toBe(0);
    const byUrl = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(tried.map((d) => [d.subscription.url, d.attempts > 0, d.lastError]).sort(byUrl)).toEqual(
      loopbackForms()
        .map((url) => [url, true, expect.stringMatching(/^refused: /)])
        .sort(byUrl),
    );
    figures['stored internal targets tried / connections made'] = `${tried.length} / ${received}`;
    findings.push(
      `${tried.length} subscriptions written below the API to a loopback receiver (127.0.0.1, 0x7f000001, 2130706433, 0177.0.0.1, [::ffff:127.0.0.1], 0.0.0.0, localhost by DNS): the dispatchers of the production processes made no connection and logged "refused: <kind> address", never the receiver's answer`,
    );
    recordSection('9-webhook-ssrf', {
      title: '9 Webhook targets (SSRF)',
      faults: [
        'internal webhook URLs in every notation registered as admin on both processes',
        'subscriptions to a loopback receiver that answers 500 with a service banner, written straight into the database',
      ],
      findings,
      figures,
    });
  });
});
