// Access: every query and mutation of the running schema (from introspection: new fields are covered without
// editing this file) is called as anonymous, observer, analyst and admin. Generic rules decide what may come
// back; node(id:) lookups and connections are checked for hidden records; sessions and API tokens expire and
// can be revoked; failed logins are rate-limited across both API processes; secrets come only from the env.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '@ksp/db';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USERS } from '../test/helpers/test-data';
import { CLUSTER_ENV, sharedCluster } from './harness/cluster';
import { gql, loginAll, type Role } from './harness/gql';
import { recordSection } from './harness/report';
import {
  type CallTargets,
  fetchSchema,
  generateCall,
  returnedData,
  rootFields,
} from './harness/schema-calls';
import { targetsFor } from './harness/targets';

const cluster = sharedCluster();
const [A, B] = cluster.urls as [string, string];
let db: Database;
let schema: GraphQLSchema;
let tokens: Record<Role, string>;
const figures: Record<string, string | number> = {};
const findings: string[] = [];

/** Fields anyone may call (they answer about the caller or sign in). */
const PUBLIC = new Set(['viewer', 'login']);
/** Mutations every signed-in role may call (on what is theirs); everything else needs an admin. */
const SIGNED_IN_MUTATIONS = new Set(['login', 'logout', 'submitEvaluation', 'updateEvaluation']);
/** Internals that must never reach a client. */
const INTERNALS = /(\n\s+at |prisma|\bSELECT\b|\bINSERT\b|\/work\/|node_modules|ECONN|stack)/i;

beforeAll(async () => {
  db = await cluster.connect();
  tokens = await loginAll(A);
  schema = await fetchSchema(A, tokens.admin);
});

afterAll(async () => {
  await db?.close();
});

type Outcome = { field: string; data: boolean; code: string; body: string; errorText: string };

async function callAll(
  role: Role | 'anonymous',
  targets: CallTargets,
  skip: Set<string>,
): Promise<Outcome[]> {
  const token = role === 'anonymous' ? null : tokens[role];
  const outcomes: Outcome[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    for (const field of rootFields(schema, operation)) {
      if (skip.has(field.name)) continue;
      const call = generateCall(schema, operation, field, targets);
      const response = await gql(outcomes.length % 2 ? B : A, call.document, call.variables, token);
      const result = response.data?.result;
      outcomes.push({
        field: `${operation}.${field.name}`,
        data: returnedData(result),
        code: String(result?.__typename ?? response.errors?.[0]?.extensions?.code ?? 'null'),
        body: JSON.stringify(response.data ?? null),
        errorText: JSON.stringify([response.errors ?? [], response.status]),
      });
      expect(response.status, call.field).toBeLessThan(500);
    }
  }
  return outcomes;
}

describe('access matrix', () => {
  it('every query and mutation, for every role, returns only what that role may see', async () => {
    const observer = await db.prisma.user.findUniqueOrThrow({ where: { email: USERS.observer } });
    const other = await db.prisma.user.findUniqueOrThrow({ where: { email: USERS.otherObserver } });
    // Aimed at the draft edition (hidden from observers) and at the other observer's evaluation and account.
    const hidden = await targetsFor(db, 'KSP25', other.id, {
      editionKey: 'KSP24',
      observerEmail: USERS.otherObserver,
    });
    const skip = new Set(['logout']);
    const draftName = (await db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP25' } })).name;
    const otherEvaluationIds = (
      await db.prisma.evaluation.findMany({ where: { observerId: other.id }, select: { id: true } })
    ).map((e) => encodeGlobalID('Evaluation', e.id));

    const anonymous = await callAll('anonymous', hidden, skip);
    expect(anonymous.filter((o) => o.data && !PUBLIC.has(o.field.split('.')[1]!))).toEqual([]);

    const asObserver = await callAll('observer', hidden, skip);
    // No admin/analyst mutation succeeds; nothing about the draft or the other observer's data comes back.
    expect(
      asObserver.filter(
        (o) => o.field.startsWith('mutation.') && o.data && !SIGNED_IN_MUTATIONS.has(o.field.slice(9)),
      ),
    ).toEqual([]);
    // Typed errors may echo the key that was sent ("Edition KSP25 was not found"); data must not contain it.
    const leaks = asObserver.filter(
      (o) =>
        o.data &&
        (o.body.includes('"KSP25"') ||
          o.body.includes(draftName) ||
          o.body.includes(USERS.otherObserver) ||
          otherEvaluationIds.some((id) => o.body.includes(id))),
    );
    expect(leaks.map((o) => `${o.field}: ${o.body.slice(0, 200)}`)).toEqual([]);

    const asAnalyst = await callAll('analyst', hidden, skip);
    expect(
      asAnalyst.filter(
        (o) => o.field.startsWith('mutation.') && o.data && !SIGNED_IN_MUTATIONS.has(o.field.slice(9)),
      ),
    ).toEqual([]);

    // Connections: an observer's evaluation list holds only their own, whatever filter they send.
    for (const filter of [{}, { observerId: other.id }, { editionKey: 'KSP24' }, { editionKey: 'KSP25' }]) {
      const page = await gql(
        A,
        'query($filter: EvaluationFilter) { evaluations(first: 100, filter: $filter) { totalCount edges { node { id } } } }',
        { filter },
        tokens.observer,
      );
      const ids = (page.data?.evaluations?.edges ?? []).map(
        (e: { node: { id: string } }) => decodeGlobalID(e.node.id).id,
      );
      const owners = await db.prisma.evaluation.findMany({
        where: { id: { in: ids } },
        select: { observerId: true },
      });
      expect(owners.every((o) => o.observerId === observer.id)).toBe(true);
      expect(page.data?.evaluations?.totalCount ?? 0).toBeLessThanOrEqual(
        await db.prisma.evaluation.count({ where: { observerId: observer.id } }),
      );
    }

    // node(id:): hidden records are null for those who may not see them, the same as ids that do not exist.
    const draft = await db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP25' } });
    const audit = await db.prisma.auditEntry.findFirst();
    const hiddenNodes: Record<string, { id: string; hiddenFrom: (Role | 'anonymous')[] }> = {
      'draft edition': {
        id: encodeGlobalID('Edition', String(draft.id)),
        hiddenFrom: ['anonymous', 'observer'],
      },
      "another observer's evaluation": { id: otherEvaluationIds[0]!, hiddenFrom: ['anonymous', 'observer'] },
      'another user': { id: encodeGlobalID('User', other.id), hiddenFrom: ['anonymous', 'observer'] },
      ...(audit
        ? {
            'audit entry': {
              id: encodeGlobalID('AuditEntry', audit.id),
              hiddenFrom: ['anonymous', 'observer', 'analyst'] as Role[],
            },
          }
        : {}),
      'made-up id': {
        id: encodeGlobalID('Evaluation', '00000000-0000-0000-0000-000000000000'),
        hiddenFrom: ['admin'],
      },
    };
    let nodeChecks = 0;
    for (const [what, { id, hiddenFrom }] of Object.entries(hiddenNodes)) {
      for (const role of hiddenFrom) {
        const token = role === 'anonymous' ? null : tokens[role];
        const single = await gql(A, 'query($id: ID!) { node(id: $id) { id __typename } }', { id }, token);
        const many = await gql(A, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id] }, token);
        expect(single.data?.node ?? null, `${what} as ${role}`).toBeNull();
        expect((many.data?.nodes ?? [null]).filter(Boolean), `${what} as ${role} (nodes)`).toEqual([]);
        expect(JSON.stringify([single.errors, many.errors])).not.toMatch(INTERNALS);
        nodeChecks++;
      }
    }

    // Admin last, on a scratch copy of the draft (admin calls publish, reorder, remove…: the shared draft stays
    // as it is for the other files): every field reachable, no server errors, no invalid generated call.
    const scratch = await gql(
      A,
      'mutation { createEditionFrom(sourceKey: "KSP25", key: "KSP99", name: "Scratch", year: 2099) { __typename } }',
      {},
      tokens.admin,
    );
    expect(scratch.data?.createEditionFrom?.__typename).toBe('Edition');
    const scratchTargets = await targetsFor(db, 'KSP99', other.id, {
      editionKey: 'KSP24',
      observerEmail: USERS.otherObserver,
    });
    const asAdmin = await callAll('admin', scratchTargets, skip);
    const everyone = [...anonymous, ...asObserver, ...asAnalyst, ...asAdmin];
    expect(everyone.filter((o) => /INTERNAL_SERVER_ERROR|GRAPHQL_VALIDATION_FAILED/.test(o.code))).toEqual(
      [],
    );
    expect(everyone.filter((o) => INTERNALS.test(o.errorText)).map((o) => o.errorText.slice(0, 300))).toEqual(
      [],
    );

    const count = (list: Outcome[]) => list.length;
    figures['fields called per role'] = count(anonymous);
    figures['calls in the matrix'] = count(everyone);
    figures['node/nodes lookups of hidden records'] = nodeChecks * 2;
    findings.push(
      `anonymous: only ${[...PUBLIC].join(', ')} answer with data; every other field is FORBIDDEN or null`,
      'observer: no admin mutation succeeds; no answer contains the draft edition (key or name), the other observer’s e-mail or any of their evaluation ids',
      `analyst: no admin-only mutation succeeds (signed-in mutations: ${[...SIGNED_IN_MUTATIONS].join(', ')})`,
      'admin: every field reachable; no call in the whole matrix ended in INTERNAL_SERVER_ERROR, and no error text carries stack traces, SQL, Prisma or file paths',
      'evaluations connection as observer: only their own, with or without filters (observerId of someone else, another edition, the draft)',
      `node(id:)/nodes(ids:) of ${Object.keys(hiddenNodes).join(', ')}: null for every role that may not see them`,
    );
  });

  it('sessions and API tokens expire and can be revoked', async () => {
    const viewer = (url: string, token: string) => gql(url, '{ viewer { email } }', {}, token);
    // Session: logout revokes it on both processes.
    const [session] = Object.values(await loginAll(A)).slice(1, 2);
    expect((await viewer(B, session!)).data?.viewer?.email).toBe(USERS.analyst);
    const logout = await gql(A, 'mutation { logout { __typename } }', {}, session);
    expect(logout.data?.logout?.__typename).not.toMatch(/Error$/);
    expect((await viewer(B, session!)).data?.viewer).toBeNull();

    // Session expiry: the stored expiry passes (moved into the past, as time would).
    const fresh = (await loginAll(A)).observer;
    expect((await viewer(A, fresh)).data?.viewer?.email).toBe(USERS.observer);
    await db.prisma.session.updateMany({
      where: { user: { email: USERS.observer }, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await viewer(A, fresh)).data?.viewer).toBeNull();

    // API tokens: one expiring in 2 s, one revoked.
    const analyst = await db.prisma.user.findUniqueOrThrow({ where: { email: USERS.analyst } });
    const create = (expiresAt: string | null) =>
      gql(
        B,
        'mutation($userId: String!, $expiresAt: DateTime) { createApiToken(userId: $userId, name: "reliability", expiresAt: $expiresAt) { __typename ... on NewApiToken { id token } } }',
        { userId: analyst.id, expiresAt },
        tokens.admin,
      );
    const expiring = (await create(new Date(Date.now() + 2000).toISOString())).data?.createApiToken;
    const revocable = (await create(null)).data?.createApiToken;
    expect((await viewer(A, expiring.token)).data?.viewer?.email).toBe(USERS.analyst);
    expect((await viewer(A, revocable.token)).data?.viewer?.email).toBe(USERS.analyst);
    const revoke = await gql(
      A,
      'mutation($id: String!) { revokeApiToken(id: $id) { __typename } }',
      { id: revocable.id },
      tokens.admin,
    );
    expect(revoke.data?.revokeApiToken?.__typename).not.toMatch(/Error$/);
    expect((await viewer(B, revocable.token)).data?.viewer).toBeNull();
    await new Promise((r) => setTimeout(r, 2200));
    expect((await viewer(B, expiring.token)).data?.viewer).toBeNull();
    findings.push(
      'a session revoked by logout on one process is rejected by the other; a session past its expiry is rejected',
      'an API token stops working at its expiry (2 s here) and at once when revoked (checked on the other process)',
    );
  });

  it('failed logins are rate-limited per e-mail and per address, across both processes, with a sliding window', async () => {
    const login = (url: string, email: string, password: string) =>
      gql(
        url,
        'mutation($email: EmailAddress!, $password: String!) { login(email: $email, password: $password) { __typename ... on Session { token } } }',
        { email, password },
      );
    const windowMs = Number(CLUSTER_ENV.LOGIN_WINDOW_MS);
    const perEmail = Number(CLUSTER_ENV.LOGIN_MAX_FAILURES_PER_EMAIL);
    // Failures alternate between the processes: the count lives in the database, shared by both.
    for (let i = 0; i < perEmail; i++) {
      const wrong = await login(i % 2 ? B : A, USERS.analyst, 'wrong-password');
      expect(wrong.data?.login?.__typename).toBe('InvalidCredentialsError');
    }
    const limited = await login(B, USERS.analyst, PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    // Another account from the same address is not blocked by the per-e-mail limit.
    expect((await login(A, USERS.observer, PASSWORD)).data?.login?.__typename).toBe('Session');
    await new Promise((r) => setTimeout(r, windowMs + 200));
    expect((await login(A, USERS.analyst, PASSWORD)).data?.login?.__typename).toBe('Session');

    // Per address: many e-mails from one address.
    const perIp = Number(CLUSTER_ENV.LOGIN_MAX_FAILURES_PER_IP);
    for (let i = 0; i < perIp; i++) await login(i % 2 ? A : B, `nobody-${i}@example.org`, 'wrong-password');
    const byIp = await login(A, USERS.admin, PASSWORD);
    expect(byIp.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await new Promise((r) => setTimeout(r, windowMs + 200));
    expect((await login(B, USERS.admin, PASSWORD)).data?.login?.__typename).toBe('Session');
    findings.push(
      `after ${perEmail} failures for one e-mail (alternating between the processes) the next login, even with the right password, got HTTP 429 RATE_LIMITED with Retry-After ${retryAfter} s; other accounts were unaffected; after the window it worked again`,
      `after ${perIp} failures from one address for different e-mails, logins from that address were limited until the window passed`,
    );
  });

  it('secrets come only from the environment', () => {
    // Source files of the API and the database layer: no connection string with a password, no key-like literal.
    const roots = [
      resolve(import.meta.dirname, '../src'),
      resolve(import.meta.dirname, '../../../packages/db/src'),
    ];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        // The demo seed's accounts have a published demo password (docs/database.md): data for local use, not a secret.
        if (name === 'generated' || name === 'node_modules' || name === 'seed') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|json)$/.test(name)) files.push(path);
      }
    };
    for (const root of roots) walk(root);
    const suspicious = [
      /postgres(ql)?:\/\/[^:/\s'"]+:[^@\s'"]+@/i,
      /(secret|api[_-]?key|private[_-]?key|password)\s*[:=]\s*['"][^'"]{6,}['"]/i,
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    ];
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => suspicious.some((pattern) => pattern.test(text))),
    );
    expect(hits).toEqual([]);
    const config = readFileSync(resolve(import.meta.dirname, '../src/config.ts'), 'utf8');
    expect(config).toMatch(/process\.env/);
    findings.push(
      `${files.length} source files of the API and the database layer hold no credentials (the demo seed's published demo password aside); configuration is read from process.env`,
    );
    figures['source files checked for secrets'] = files.length;

    recordSection('6-access', {
      title: '6 Access',
      faults: [
        'every query and mutation from introspection, called with generated arguments aimed at the draft edition and at another observer’s records',
        'node(id:)/nodes(ids:) with global ids of hidden records; the evaluations connection with filters pointing elsewhere',
        'session logout and expiry, API-token expiry and revocation, repeated failed logins',
      ],
      findings,
      figures,
    });
  });
});
