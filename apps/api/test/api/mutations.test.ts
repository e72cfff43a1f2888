import { ksp24 } from '@ksp/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

describe('mutations', () => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase();
  });
  afterAll(() => app.close());

  it('createEditionFrom copies an edition as a draft; a taken key is a ConflictError; observers are forbidden', async () => {
    const mutation = `mutation($key: String!) { createEditionFrom(sourceKey: "KSP24", key: $key, year: 2026, name: "KSP 2026") {
      __typename ... on Edition { key status derivedFrom { key } areas { key } } ... on Error { message } } }`;
    const created = await app.gql(mutation, { key: 'KSP26' }, app.tokens.admin);
    expect(created.data?.createEditionFrom).toMatchObject({
      __typename: 'Edition',
      key: 'KSP26',
      status: 'draft',
      derivedFrom: { key: 'KSP24' },
    });
    expect(created.data?.createEditionFrom.areas.map((a: { key: string }) => a.key)).toEqual(
      ksp24.areas.map((a) => a.key),
    );
    const again = await app.gql(mutation, { key: 'KSP26' }, app.tokens.admin);
    expect(again.data?.createEditionFrom.__typename).toBe('ConflictError');
    const observer = await app.gql(mutation, { key: 'KSP27' }, app.tokens.observer);
    expect(observer.data?.createEditionFrom.__typename).toBe('ForbiddenError');
    const audit = await app.db.prisma.auditEntry.findMany({ where: { action: 'edition.create' } });
    expect(audit).toHaveLength(1);
  });

  it('publishEdition then closeEdition; a published definition is read-only', async () => {
    const publish = await app.gql(
      'mutation { publishEdition(editionKey: "KSP26") { __typename ... on Edition { status } ... on ValidationError { fieldErrors { path message } } } }',
      {},
      app.tokens.admin,
    );
    expect(publish.data?.publishEdition).toEqual({ __typename: 'Edition', status: 'published' });
    const again = await app.gql(
      'mutation { publishEdition(editionKey: "KSP26") { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(again.data?.publishEdition.__typename).toBe('ValidationError');
    const close = await app.gql(
      'mutation { closeEdition(editionKey: "KSP26") { __typename ... on Edition { status } } }',
      {},
      app.tokens.admin,
    );
    expect(close.data?.closeEdition).toEqual({ __typename: 'Edition', status: 'closed' });
    expect(
      await app.db.prisma.auditEntry.count({
        where: { action: { in: ['edition.publish', 'edition.close'] } },
      }),
    ).toBe(2);
  });

  it('industries and companies: create, update with version, conflicts', async () => {
    const industry = await app.gql(
      'mutation { createIndustry(key: "energy", name: [{ locale: nb, text: "Energi" }]) { __typename ... on Industry { key name version } } }',
      {},
      app.tokens.admin,
    );
    expect(industry.data?.createIndustry).toMatchObject({
      __typename: 'Industry',
      key: 'energy',
      name: 'Energi',
      version: 1,
    });
    const dup = await app.gql(
      'mutation { createIndustry(key: "energy", name: [{ locale: nb, text: "X" }]) { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(dup.data?.createIndustry.__typename).toBe('ConflictError');
    const company = await app.gql(
      'mutation { createCompany(key: "kraft-as", name: "Kraft AS", industryKey: "energy") { __typename ... on Company { key version industry { key } } } }',
      {},
      app.tokens.admin,
    );
    expect(company.data?.createCompany).toMatchObject({ key: 'kraft-as', industry: { key: 'energy' } });
    const update = await app.gql(
      'mutation { updateCompany(key: "kraft-as", version: 1, name: "Kraft ASA") { __typename ... on Company { name version } } }',
      {},
      app.tokens.admin,
    );
    expect(update.data?.updateCompany).toEqual({ __typename: 'Company', name: 'Kraft ASA', version: 2 });
    const stale = await app.gql(
      'mutation { updateCompany(key: "kraft-as", version: 1, name: "Old") { __typename } }',
      {},
      app.tokens.admin,
    );
    expect(stale.data?.updateCompany.__typename).toBe('ConflictError');
    const renamed = await app.gql(
      'mutation { updateIndustry(key: "energy", version: 1, name: [{ locale: en, text: "Energy" }]) { __typename ... on Industry { version } } }',
      {},
      app.tokens.admin,
    );
    expect(renamed.data?.updateIndustry).toEqual({ __typename: 'Industry', version: 2 });
  });

  it('users: create, role change, disable (revokes sessions); API tokens create and revoke', async () => {
    const created = await app.gql(
      'mutation { createUser(email: "New@Example.org", name: "New", role: observer, password: "long-enough-password") { __typename ... on User { id email role } } }',
      {},
      app.tokens.admin,
    );
    const user = created.data?.createUser;
    expect(user).toMatchObject({ email: 'new@example.org', role: 'observer' });
    const raw = await app.db.prisma.user.findUniqueOrThrow({ where: { email: 'new@example.org' } });
    const short = await app.gql(
      'mutation { createUser(email: "x@example.org", name: "", role: observer, password: "short") { __typename ... on ValidationError { fieldErrors { path } } } }',
      {},
      app.tokens.admin,
    );
    expect(short.data?.createUser.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'password',
      'name',
    ]);
    const role = await app.gql(
      'mutation($id: String!) { setUserRole(userId: $id, role: analyst) { __typename ... on User { role } } }',
      { id: raw.id },
      app.tokens.admin,
    );
    expect(role.data?.setUserRole).toEqual({ __typename: 'User', role: 'analyst' });

    const token = await app.gql(
      'mutation($id: String!) { createApiToken(userId: $id, name: "import") { __typename ... on NewApiToken { id token } } }',
      { id: raw.id },
      app.tokens.admin,
    );
    const apiToken: string = token.data?.createApiToken.token;
    expect(apiToken).toMatch(/^api_/);
    const asToken = await app.gql('{ viewer { email role credentialKind } }', {}, apiToken);
    expect(asToken.data?.viewer).toEqual({
      email: 'new@example.org',
      role: 'analyst',
      credentialKind: 'apiToken',
    });
    const revoke = await app.gql(
      'mutation($id: String!) { revokeApiToken(id: $id) { __typename ... on MutationRevokeApiTokenSuccess { data } } }',
      { id: token.data?.createApiToken.id },
      app.tokens.admin,
    );
    expect(revoke.data?.revokeApiToken.data).toBe(true);
    expect((await app.gql('{ viewer { email } }', {}, apiToken)).data?.viewer).toBeNull();

    const disabled = await app.gql(
      'mutation($id: String!) { disableUser(userId: $id) { __typename ... on User { disabledAt } } }',
      { id: raw.id },
      app.tokens.admin,
    );
    expect(disabled.data?.disableUser.disabledAt).toEqual(expect.any(String));
    const login = await app.gql(
      'mutation { login(email: "new@example.org", password: "long-enough-password") { __typename } }',
    );
    expect(login.data?.login.__typename).toBe('InvalidCredentialsError');
    expect(await app.db.prisma.auditEntry.count({ where: { entityType: 'User' } })).toBe(3);
    const analyst = await app.gql(
      'mutation { createUser(email: "y@example.org", name: "Y", role: admin, password: "long-enough-password") { __typename } }',
      {},
      app.tokens.analyst,
    );
    expect(analyst.data?.createUser.__typename).toBe('ForbiddenError');
  });
});
