// Sign-in abuse against the two production processes: a burst of concurrent wrong passwords must not get
// more verifications than the limit, aliases must not multiply argon2 runs (or sessions), and failed
// guesses by others must not lock the owner out of a known device. Limits: CLUSTER_ENV (3 per account,
// 12 per address, 4 s window).
import type { Database } from '@ksp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USERS } from '../test/helpers/test-data';
import { CLUSTER_ENV, sharedCluster } from './harness/cluster';
import { type GqlResponse, gql } from './harness/gql';
import { recordSection } from './harness/report';

const cluster = sharedCluster();
const [A, B] = cluster.urls as [string, string];
const perAccount = Number(CLUSTER_ENV.LOGIN_MAX_FAILURES_PER_EMAIL);
const windowMs = Number(CLUSTER_ENV.LOGIN_WINDOW_MS);
let db: Database;
const findings: string[] = [];
const figures: Record<string, string | number> = {};

const LOGIN = `mutation($email: EmailAddress!, $password: String!, $deviceToken: String) {
  login(email: $email, password: $password, deviceToken: $deviceToken) {
    __typename ... on Session { token deviceToken } } }`;
const login = (url: string, email: string, password: string, deviceToken?: string) =>
  gql(url, LOGIN, { email, password, deviceToken });
/** Without the device argument: the same document today's and older servers accept. */
const plainLogin = (url: string, email: string, password: string) =>
  gql(
    url,
    'mutation($email: EmailAddress!, $password: String!) { login(email: $email, password: $password) { __typename } }',
    { email, password },
  );
const outcome = (r: GqlResponse) =>
  r.data?.login?.__typename ?? r.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  db = await cluster.connect();
  // Failures of earlier files from this address leave the window first.
  await pause(windowMs + 200);
});

afterAll(async () => {
  await db?.close();
});

describe('sign-in abuse', () => {
  it('12 concurrent wrong passwords on two processes: at most the limit are verified', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => plainLogin(i % 2 ? B : A, USERS.observer, `wrong-${i}`)),
    );
    const outcomes = burst.map(outcome);
    const verified = outcomes.filter((o) => o === 'InvalidCredentialsError').length;
    expect(outcomes.filter((o) => o !== 'InvalidCredentialsError' && o !== 'RATE_LIMITED')).toEqual([]);
    expect(verified).toBeLessThanOrEqual(perAccount);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(12 - verified);
    figures['concurrent wrong passwords / verified (limit)'] = `12 / ${verified} (${perAccount})`;
    findings.push(
      `12 concurrent wrong passwords for one account, alternating between the processes: ${verified} verified (limit ${perAccount}), ${12 - verified} answered 429 RATE_LIMITED before any password check`,
    );
    // After the first back-off (one window) a success ends it: later files sign the observer in as usual.
    await pause(windowMs + 200);
    expect(outcome(await login(A, USERS.observer, PASSWORD))).toBe('Session');
  });

  it('failed guesses by others do not lock the owner out: the right password from a known device works', async () => {
    const device = await login(A, USERS.analyst, PASSWORD);
    const deviceToken: string | undefined = device.data?.login?.deviceToken;
    expect(deviceToken, JSON.stringify(device.errors)).toMatch(/^dev_/);
    for (let i = 0; i < perAccount; i++)
      expect(outcome(await login(i % 2 ? A : B, USERS.analyst, `guess-${i}`))).toBe(
        'InvalidCredentialsError',
      );
    // The account is in back-off for unknown devices, even with the right password…
    expect(outcome(await login(B, USERS.analyst, PASSWORD))).toBe('RATE_LIMITED');
    // …but not for the owner's device, on either process.
    const owner = await login(B, USERS.analyst, PASSWORD, deviceToken);
    expect(owner.data?.login).toMatchObject({ __typename: 'Session', deviceToken });
    // A success ends the back-off: later files sign the analyst in as usual.
    expect(outcome(await login(A, USERS.analyst, PASSWORD))).toBe('Session');
    findings.push(
      `after ${perAccount} wrong passwords for an account the right password from an unknown device got RATE_LIMITED, and from the device of an earlier successful login (its deviceToken) a Session`,
    );
  });

  it('150 aliases of login in one document: refused before any password check, no session created', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: USERS.observer } });
    const sessionsBefore = await db.prisma.session.count({ where: { userId: user.id } });
    const aliases = Array.from(
      { length: 150 },
      (_, i) => `a${i}: login(email: "${USERS.observer}", password: "${PASSWORD}") { __typename }`,
    ).join('\n');
    const started = performance.now();
    const result = await gql(A, `mutation { ${aliases} }`);
    const ms = Math.round(performance.now() - started);
    const kinds = new Set(
      Object.values(result.data ?? {}).map((r) => (r as { __typename: string }).__typename),
    );
    expect(result.errors).toBeUndefined();
    expect(kinds).toEqual(new Set(['ValidationError']));
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    figures['150 login aliases: answer time (ms)'] = ms;
    findings.push(
      `a document with 150 aliases of login (right password) got ValidationError for each in ${ms} ms: no argon2 run, no session`,
    );
    recordSection('10-login-abuse', {
      title: '10 Sign-in abuse',
      faults: [
        '12 concurrent wrong passwords for one account, split over both processes',
        'wrong passwords for an account, then the right one from an unknown device and from a known device',
        '150 aliases of login with the right password in one document',
      ],
      findings,
      figures,
    });
  });
});
