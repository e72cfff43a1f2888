import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD, USERS } from '../helpers/test-data';
import { startServerWithDatabase } from '../helpers/test-server';

// Counts argon2 verifications: the cost an attacker wants to multiply.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/auth/password')>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      verifications.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const LOGIN = `mutation($email: EmailAddress!, $password: String!, $deviceToken: String) {
  login(email: $email, password: $password, deviceToken: $deviceToken) {
    __typename
    ... on Session { token deviceToken viewer { email } }
    ... on ValidationError { fieldErrors { path message } }
  } }`;

describe.each(testDatabaseKinds())('sign-in limits (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  const login = (email: string, password: string, deviceToken?: string) =>
    app.gql(LOGIN, { email, password, deviceToken });
  const outcome = (result: Awaited<ReturnType<typeof login>>) =>
    result.data?.login?.__typename ?? result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    // The defaults: 5 failures per account, 30 per address, 15 min window.
    app = await startServerWithDatabase(kind);
  });
  afterAll(() => app?.close());
  beforeEach(async () => {
    await app.db.prisma.loginAttempt.deleteMany();
    verifications.count = 0;
  });

  it('12 concurrent wrong passwords: at most the limit (5) are verified, the rest are RATE_LIMITED', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => login(USERS.analyst, 'wrong-password')),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'InvalidCredentialsError')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(7);
    expect(verifications.count).toBe(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('a document with more than one login (aliases or fragments) is refused before any password is checked', async () => {
    const aliases = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `a${i}: login(email: "${USERS.admin}", password: "guess-${i}") { __typename }`,
      ).join('\n');
    // 150 aliases: the document's alias limit (15) refuses it before anything runs.
    const flood = await app.gql(`mutation { ${aliases(150)} }`);
    expect(flood.status).toBe(400);
    expect(flood.data).toBeUndefined();
    // Within the alias limit, more than one login is still refused, each before any password is checked.
    const many = await app.gql(`mutation { ${aliases(10)} }`);
    expect(many.errors).toBeUndefined();
    expect(Object.values(many.data ?? {})).toHaveLength(10);
    expect(
      new Set(Object.values(many.data ?? {}).map((r) => (r as { __typename: string }).__typename)),
    ).toEqual(new Set(['ValidationError']));
    const viaFragment = await app.gql(
      `mutation { login(email: "${USERS.admin}", password: "x") { __typename ... on ValidationError { fieldErrors { path message } } } ...again }
       fragment again on Mutation { second: login(email: "${USERS.admin}", password: "${PASSWORD}") { __typename } }`,
    );
    expect(viaFragment.data?.login).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'login', message: 'send one login per request' }],
    });
    expect(viaFragment.data?.second).toEqual({ __typename: 'ValidationError' });
    expect(verifications.count).toBe(0);
    expect(await app.db.prisma.loginAttempt.count()).toBe(0);
    // One login alone is fine.
    expect(outcome(await login(USERS.admin, PASSWORD))).toBe('Session');
  });

  it('failed guesses cannot lock the owner out: the right password from a known device still works', async () => {
    for (const role of ['admin', 'observer'] as const) {
      const first = await login(USERS[role], PASSWORD);
      const deviceToken: string = first.data?.login.deviceToken;
      expect(deviceToken).toMatch(/^dev_/);
      // Someone else guesses five times: the account is in back-off for unknown devices…
      for (let i = 0; i < 5; i++)
        expect(outcome(await login(USERS[role], `guess-${i}`))).toBe('InvalidCredentialsError');
      expect(outcome(await login(USERS[role], PASSWORD))).toBe('RATE_LIMITED');
      // …but not for the owner's device, which keeps its token.
      const owner = await login(USERS[role], PASSWORD, deviceToken);
      expect(owner.data?.login).toMatchObject({
        __typename: 'Session',
        deviceToken,
        viewer: { email: USERS[role] },
      });
      const viewer = await app.gql('{ viewer { email } }', {}, owner.data?.login.token);
      expect(viewer.data?.viewer.email).toBe(USERS[role]);
      // The success ended the back-off: new failures count from zero.
      expect(outcome(await login(USERS[role], PASSWORD))).toBe('Session');
    }
  });

  it('a device token counts only for its own account, is stored hashed, and stops counting after too many wrong passwords', async () => {
    const observerDevice: string = (await login(USERS.observer, PASSWORD)).data?.login.deviceToken;
    const stored = await app.db.prisma.knownDevice.findMany({ select: { tokenHash: true } });
    expect(stored.some((d) => d.tokenHash === observerDevice)).toBe(false);
    for (let i = 0; i < 5; i++) await login(USERS.analyst, `guess-${i}`);
    // Another user's device is an unknown device here.
    expect(outcome(await login(USERS.analyst, PASSWORD, observerDevice))).toBe('RATE_LIMITED');
    expect(outcome(await login(USERS.analyst, PASSWORD, 'dev_forged'))).toBe('RATE_LIMITED');

    // A stolen device token gives five guesses, then it is an unknown device again.
    for (let i = 0; i < 5; i++) await login(USERS.observer, `guess-${i}`);
    verifications.count = 0;
    for (let i = 0; i < 5; i++)
      expect(outcome(await login(USERS.observer, `thief-${i}`, observerDevice))).toBe(
        'InvalidCredentialsError',
      );
    expect(outcome(await login(USERS.observer, PASSWORD, observerDevice))).toBe('RATE_LIMITED');
    expect(verifications.count).toBe(5);
  });

  it('per address: many accounts tried from one address are limited; a known device still gets in', async () => {
    const adminDevice: string = (await login(USERS.admin, PASSWORD)).data?.login.deviceToken;
    for (let i = 0; i < 30; i++) await login(`nobody-${i}@example.org`, 'wrong-password');
    expect(outcome(await login(USERS.analyst, PASSWORD))).toBe('RATE_LIMITED');
    expect(outcome(await login(USERS.admin, PASSWORD, adminDevice))).toBe('Session');
  });
});
