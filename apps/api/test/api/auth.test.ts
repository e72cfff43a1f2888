import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USERS } from '../helpers/test-data';
import { startServerWithDatabase } from '../helpers/test-server';

const LOGIN = `mutation($email: EmailAddress!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on Session { token expiresAt viewer { email role credentialKind } }
    ... on Error { message }
  }
}`;

describe('authentication', () => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase();
  });
  afterAll(() => app.close());

  it('logs in with the right password and returns a session token', async () => {
    const result = await app.gql(LOGIN, { email: 'Analyst@Example.org', password: PASSWORD });
    expect(result.data?.login.__typename).toBe('Session');
    expect(result.data?.login.viewer).toEqual({
      email: USERS.analyst,
      role: 'analyst',
      credentialKind: 'session',
    });
    expect(result.data?.login.token).toMatch(/^ses_/);
    const viewer = await app.gql('{ viewer { email role } }', {}, result.data?.login.token);
    expect(viewer.data?.viewer).toEqual({ email: USERS.analyst, role: 'analyst' });
  });

  it('answers InvalidCredentialsError for a wrong password or an unknown user', async () => {
    for (const variables of [
      { email: USERS.admin, password: 'wrong' },
      { email: 'nobody@example.org', password: PASSWORD },
    ]) {
      const result = await app.gql(LOGIN, variables);
      expect(result.data?.login.__typename).toBe('InvalidCredentialsError');
    }
  });

  it('stores only the token hash', async () => {
    const result = await app.gql(LOGIN, { email: USERS.observer, password: PASSWORD });
    const token: string = result.data?.login.token;
    const stored = await app.db.prisma.session.findMany({ select: { tokenHash: true } });
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('logout revokes the session: the token no longer authenticates', async () => {
    const login = await app.gql(LOGIN, { email: USERS.observer, password: PASSWORD });
    const token: string = login.data?.login.token;
    const logout = await app.gql(
      'mutation { logout { __typename ... on MutationLogoutSuccess { data } } }',
      {},
      token,
    );
    expect(logout.data?.logout).toEqual({ __typename: 'MutationLogoutSuccess', data: true });
    const after = await app.gql('{ viewer { email } }', {}, token);
    expect(after.data?.viewer).toBeNull();
  });

  it('logout without a token answers ForbiddenError, not data', async () => {
    const result = await app.gql('mutation { logout { __typename ... on Error { message } } }');
    expect(result.data?.logout.__typename).toBe('ForbiddenError');
  });

  it('an expired session does not authenticate', async () => {
    const login = await app.gql(LOGIN, { email: USERS.analyst, password: PASSWORD });
    await app.db.prisma.session.updateMany({
      data: { expiresAt: new Date(Date.now() - 1000) },
      where: { revokedAt: null },
    });
    const after = await app.gql('{ viewer { email } }', {}, login.data?.login.token);
    expect(after.data?.viewer).toBeNull();
  });
});
