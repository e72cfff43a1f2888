import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

// Ids that cannot exist (wrong shape, unknown type, gone) are answered like hidden ones: null or a typed
// error, never INTERNAL_SERVER_ERROR (which would also log a stack for every probe).
describe.each(testDatabaseKinds())('unknown ids (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  });
  afterAll(() => app.close());

  const strangeIds = [
    'not-base64-at-all',
    globalId('Evaluation', 'xyz'),
    globalId('Evaluation', MISSING_UUID),
    globalId('Edition', 'abc'),
    globalId('Edition', '99999999999999999999'),
    globalId('Company', '-1'),
    globalId('User', 'root'),
    globalId('AuditEntry', '1'),
    globalId('WebhookDelivery', 'x'),
    globalId('NoSuchType', '1'),
    '',
  ];

  /** The error codes of an answer; a typed refusal of a malformed id is fine, a server error is not. */
  const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (result.errors ?? []).map((error) => error.extensions?.code);

  it('node(id:) answers null for each (a malformed global id: BAD_USER_INPUT)', async () => {
    for (const id of strangeIds) {
      const result = await app.gql('query($id: ID!) { node(id: $id) { id } }', { id }, app.tokens.admin);
      expect(result.data?.node ?? null, id).toBeNull();
      for (const code of codes(result)) expect(['BAD_USER_INPUT'], `${id}: ${code}`).toContain(code);
    }
  });

  it('nodes(ids:) answers null in their places and the real ones around them', async () => {
    const edition = await app.gql('{ edition(key: "KSP24") { id } }', {}, app.tokens.admin);
    const real = edition.data?.edition.id as string;
    const wellFormed = strangeIds.filter((id) => id !== '' && id !== 'not-base64-at-all');
    const result = await app.gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [real, ...wellFormed, real] },
      app.tokens.admin,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.data?.nodes).toEqual([{ id: real }, ...wellFormed.map(() => null), { id: real }]);
  });

  it('nodes(ids:) refuses more than 100 ids with one typed error and HTTP 400, loading none', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => globalId('Company', String(i + 1)));
    const result = await app.gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids },
      app.tokens.admin,
    );
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe('ids has 101 items; at most 100 are allowed.');
  });

  it('evaluations(filter: { observerId }) with an id that is not a user id finds nothing', async () => {
    const result = await app.gql(
      '{ evaluations(filter: { observerId: "nobody" }, first: 5) { totalCount edges { node { id } } } }',
      {},
      app.tokens.analyst,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.data?.evaluations).toEqual({ totalCount: 0, edges: [] });
  });

  it('webhookDeliveries(filter:) with ids that cannot exist: nothing, or a NotFoundError for the subscription', async () => {
    const byEvent = await app.gql(
      '{ webhookDeliveries(filter: { eventId: "nope" }, first: 5) { totalCount } }',
      {},
      app.tokens.admin,
    );
    expect(byEvent.errors ?? []).toEqual([]);
    expect(byEvent.data?.webhookDeliveries).toEqual({ totalCount: 0 });
    const bySubscription = await app.gql(
      '{ webhookDeliveries(filter: { subscriptionId: "nope" }, first: 5) { totalCount } }',
      {},
      app.tokens.admin,
    );
    expect(bySubscription.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
