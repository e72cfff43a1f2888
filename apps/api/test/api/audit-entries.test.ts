import type { Database } from '@ksp/db';
import { createSeededTestDatabase, testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { createServices } from '../../src/create-services';
import { testDataSeed } from '../helpers/test-data';
import { startServer, startServerWithDatabase } from '../helpers/test-server';

const AUDIT = `query($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at action entityType entityId actor { email } edition { key status } before after } }
  } }`;

type Entry = {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { email: string } | null;
  edition: { key: string; status: string } | null;
  before: unknown;
  after: unknown;
};

describe.each(testDatabaseKinds())('audit trail over HTTP (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let userId: string;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  }, 120_000);
  afterAll(() => app?.close());

  const entries = async (filter: Record<string, unknown>, page: { first?: number; after?: string } = {}) => {
    const result = await app.gql(AUDIT, { filter, ...page }, app.tokens.admin);
    expect(result.errors).toBeUndefined();
    const connection = result.data?.auditEntries;
    return {
      totalCount: connection.totalCount as number,
      pageInfo: connection.pageInfo as { hasNextPage: boolean; endCursor: string },
      nodes: connection.edges.map((e: { node: Entry }) => e.node) as Entry[],
    };
  };

  it('every user, role and token change is recorded, with the admin as actor and before/after', async () => {
    const admin = (t: string, variables: Record<string, unknown> = {}) =>
      app.gql(t, variables, app.tokens.admin);
    const created = await admin(
      'mutation { createUser(email: "audited@example.org", name: "Audited", role: observer, password: "long-enough-password") { __typename } }',
    );
    expect(created.data?.createUser.__typename).toBe('User');
    userId = (await app.db.prisma.user.findUniqueOrThrow({ where: { email: 'audited@example.org' } })).id;
    await admin('mutation($id: String!) { setUserRole(userId: $id, role: analyst) { __typename } }', {
      id: userId,
    });
    const token = await admin(
      'mutation($id: String!) { createApiToken(userId: $id, name: "script") { ... on NewApiToken { id } } }',
      { id: userId },
    );
    const tokenId = token.data?.createApiToken.id as string;
    await admin('mutation($id: String!) { revokeApiToken(id: $id) { __typename } }', { id: tokenId });
    await admin('mutation($id: String!) { disableUser(userId: $id) { __typename } }', { id: userId });

    const user = await entries({ entityType: 'User', entityId: userId });
    expect(user.nodes.map((e) => e.action)).toEqual(['user.disable', 'user.role', 'user.create']);
    expect(user.totalCount).toBe(3);
    expect(user.nodes.every((e) => e.actor?.email === 'admin@example.org' && e.edition === null)).toBe(true);
    expect(user.nodes[1]).toMatchObject({ before: { role: 'observer' }, after: { role: 'analyst' } });
    expect(user.nodes[2]?.after).toMatchObject({ email: 'audited@example.org', role: 'observer' });
    const tokens = await entries({ entityType: 'ApiToken', entityId: tokenId });
    expect(tokens.nodes.map((e) => e.action)).toEqual(['apiToken.revoke', 'apiToken.create']);
  });

  it('industries and companies: creating and changing them is recorded too', async () => {
    const admin = (t: string) => app.gql(t, {}, app.tokens.admin);
    await admin(
      'mutation { createIndustry(key: "audited-industry", name: [{ locale: nb, text: "Revidert" }]) { __typename } }',
    );
    await admin(
      'mutation { createCompany(key: "audited-co", name: "Audited AS", industryKey: "audited-industry") { __typename } }',
    );
    const renamed = await admin(
      'mutation { updateCompany(key: "audited-co", version: 1, name: "Audited ASA") { __typename ... on Company { version } } }',
    );
    expect(renamed.data?.updateCompany).toEqual({ __typename: 'Company', version: 2 });
    const company = await entries({ entityType: 'Company', entityId: 'audited-co' });
    expect(company.nodes.map((e) => e.action)).toEqual(['company.update', 'company.create']);
    expect(company.nodes[0]).toMatchObject({
      before: { name: 'Audited AS', version: 1 },
      after: { name: 'Audited ASA', version: 2 },
    });
    expect((await entries({ action: 'industry.create', entityId: 'audited-industry' })).totalCount).toBe(1);
  });

  it('publishing and closing an edition are recorded in that edition, newest first', async () => {
    for (const step of ['publishEdition', 'closeEdition']) {
      const result = await app.gql(
        `mutation { ${step}(editionKey: "KSP25") { __typename ... on Error { message } } }`,
        {},
        app.tokens.admin,
      );
      expect(result.data?.[step].__typename).toBe('Edition');
    }
    const ksp25 = await entries({ editionKey: 'KSP25' });
    expect(ksp25.nodes.map((e) => e.action)).toEqual(['edition.close', 'edition.publish']);
    expect(ksp25.nodes[1]).toMatchObject({
      entityType: 'Edition',
      entityId: 'KSP25',
      edition: { key: 'KSP25', status: 'closed' },
      before: { status: 'draft' },
      after: { status: 'published' },
      actor: { email: 'admin@example.org' },
    });
    expect((await entries({ action: 'edition.publish' })).totalCount).toBe(1);
    expect((await entries({ editionKey: 'NO-SUCH-EDITION' })).totalCount).toBe(0);
  });

  it('filters by actor (global or plain id) and by time; pages through with cursors and a stable total', async () => {
    const users = await app.gql('{ users { id email } }', {}, app.tokens.admin);
    const adminGlobalId = users.data?.users.find(
      (u: { email: string }) => u.email === 'admin@example.org',
    ).id;
    const all = await entries({});
    expect(all.totalCount).toBe(10);
    expect((await entries({ actorId: adminGlobalId })).totalCount).toBe(all.totalCount);
    const admin = await app.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.org' } });
    expect((await entries({ actorId: admin.id })).totalCount).toBe(all.totalCount);
    expect((await entries({ actorId: userId })).totalCount).toBe(0);
    expect((await entries({ actorId: 'not-an-id' })).totalCount).toBe(0);

    // Newest first.
    const times = all.nodes.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const publish = all.nodes.find((e) => e.action === 'edition.publish') as Entry;
    const since = await entries({ from: publish.at });
    expect(since.nodes.map((e) => e.action)).toEqual(['edition.close', 'edition.publish']);
    const until = await entries({ to: publish.at });
    expect(until.totalCount).toBe(all.totalCount - 2);
    expect(until.nodes.map((e) => e.action)).not.toContain('edition.publish');

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await entries({}, { first: 3, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.nodes.map((e) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((e) => e.id));
  });

  it('analysts, observers and anonymous callers get ForbiddenError and no entries, also through node(id:)', async () => {
    const [entry] = (await entries({}, { first: 1 })).nodes;
    for (const token of [app.tokens.analyst, app.tokens.observer, null]) {
      const list = await app.gql(AUDIT, { filter: {} }, token);
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(list.data?.auditEntries ?? null).toBeNull();
      const node = await app.gql(
        'query($id: ID!) { node(id: $id) { id ... on AuditEntry { action before after } } }',
        { id: entry?.id },
        token,
      );
      expect(node.data?.node ?? null).toBeNull();
    }
    const own = await app.gql(
      'query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }',
      { id: entry?.id },
      app.tokens.admin,
    );
    expect(own.data?.node.action).toBe(entry?.action);
  });

  it('two concurrent publishes of one edition: one succeeds, one is refused, one audit entry', async () => {
    const created = await app.gql(
      'mutation { createEditionFrom(sourceKey: "KSP24", key: "KSP27", year: 2027, name: "KSP 2027") { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(created.data?.createEditionFrom.__typename).toBe('Edition');
    const publish = () =>
      app.gql('mutation { publishEdition(editionKey: "KSP27") { __typename } }', {}, app.tokens.admin);
    const outcomes = await Promise.all([publish(), publish()]);
    expect(outcomes.map((o) => o.data?.publishEdition.__typename).sort()).toEqual([
      'Edition',
      'ValidationError',
    ]);
    expect((await entries({ editionKey: 'KSP27', action: 'edition.publish' })).totalCount).toBe(1);
  });
});

// The same Prisma-operation count for a page of 2 and a page of 40 entries: actors come in the page's query,
// editions in one query for the whole page.
describe('auditEntries has no N+1', () => {
  const operations: string[] = [];
  let db: Database;
  let app: Awaited<ReturnType<typeof startServer>>;
  let token: string;
  beforeAll(async () => {
    ({ db } = await createSeededTestDatabase('pglite', testDataSeed()));
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.org' } });
    const editions = await db.prisma.edition.findMany({ select: { id: true } });
    await db.prisma.auditEntry.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        actorId: admin.id,
        action: 'test.change',
        entityType: 'Test',
        entityId: `t${i}`,
        editionId: editions[i % editions.length]?.id ?? null,
      })),
    });
    const counted = db.prisma.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            operations.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as Database['prisma'];
    app = await startServer(
      createServices({ ...db, prisma: counted }, readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })),
    );
    const login = await app.gql(
      'mutation { login(email: "admin@example.org", password: "demo-password") { ... on Session { token } } }',
    );
    token = login.data?.login.token;
  }, 120_000);
  afterAll(() => app?.close());

  it('a page of 2 and a page of 40 cost the same operations', async () => {
    const count = async (first: number) => {
      operations.length = 0;
      const result = await app.gql(
        'query($first: Int!) { auditEntries(first: $first) { totalCount edges { node { action actor { email } edition { key } } } } }',
        { first },
        token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.auditEntries.edges).toHaveLength(first);
      return [...operations];
    };
    const small = await count(2);
    const large = await count(40);
    expect(large).toEqual(small);
    // Session lookup, the page with its actors, the page's editions, the total.
    expect(large.length).toBeLessThanOrEqual(5);
  });
});
