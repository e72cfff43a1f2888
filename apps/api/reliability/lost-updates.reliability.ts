// No lost updates: two API processes on one PostgreSQL database, 50 clients editing the same definition
// objects for a bounded time, each edit based on the version the client last saw. Afterwards the audit log,
// the stored state and the clients' own records must agree edit for edit.
import { randomBytes } from 'node:crypto';
import type { Database } from '@ksp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCluster } from './harness/cluster';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';

const CLIENTS = 50;
const DURATION_MS = Number(process.env.RELIABILITY_EDIT_SECONDS ?? 10) * 1000;
const EDITION = 'KSP25';

/** One editable kind of definition object: how to read its version and how to write a marked edit. */
type EditTarget = {
  kind: string;
  read: string;
  pick(data: unknown, key: string): { version: number; marker: string | null };
  mutation: string;
  field: string;
};

const AREA: EditTarget = {
  kind: 'Area',
  read: `query($key: String!) { edition(key: $key) { areas { key version descriptionTranslations { locale text } } } }`,
  pick(data, key) {
    // biome-ignore lint/suspicious/noExplicitAny: response shape checked by the assertions
    const area = (data as any).edition.areas.find((a: { key: string }) => a.key === key);
    const en = area.descriptionTranslations.find((t: { locale: string }) => t.locale === 'en');
    return { version: area.version, marker: en?.text ?? null };
  },
  mutation: `mutation($edition: String!, $key: String!, $version: Int!, $text: String!) {
    result: updateArea(editionKey: $edition, key: $key, version: $version,
      input: { description: [{ locale: en, text: $text }, { locale: nb, text: $text }] }) {
      __typename
      ... on Area { key version }
      ... on ConflictError { message currentVersion current }
      ... on Error { message }
    } }`,
  field: 'result',
};

const PERFORMANCE: EditTarget = {
  kind: 'Performance',
  read: `query($key: String!) { edition(key: $key) { areas { performances { key version descriptionTranslations { locale text } } } } }`,
  pick(data, key) {
    // biome-ignore lint/suspicious/noExplicitAny: response shape checked by the assertions
    const performance = (data as any).edition.areas
      .flatMap((a: { performances: unknown[] }) => a.performances)
      .find((p: { key: string }) => p.key === key);
    const en = performance.descriptionTranslations.find((t: { locale: string }) => t.locale === 'en');
    return { version: performance.version, marker: en?.text ?? null };
  },
  mutation: `mutation($edition: String!, $key: String!, $version: Int!, $text: String!) {
    result: updatePerformance(editionKey: $edition, key: $key, version: $version,
      input: { description: [{ locale: en, text: $text }, { locale: nb, text: $text }] }) {
      __typename
      ... on Performance { key version }
      ... on ConflictError { message currentVersion current }
      ... on Error { message }
    } }`,
  field: 'result',
};

type Attempt = {
  client: number;
  kind: string;
  key: string;
  via: string;
  sentVersion: number;
  marker: string;
  outcome: 'accepted' | 'conflict' | 'other';
  returnedVersion?: number;
  currentVersion?: number | null;
  detail?: string;
};

const cluster = sharedCluster();
const apis = cluster.urls.map((url, i) => ({ url, name: `api-${'ab'[i]}` }));
let db: Database;

beforeAll(async () => {
  db = await cluster.connect();
});

afterAll(async () => {
  await db?.close();
});

describe('no lost updates', () => {
  it('every accepted edit is based on the version it replaced, audited once, and the last one is stored', async () => {
    const tokens = await loginAll(apis[0]!.url);
    // Three areas and three performances for 50 clients: heavy contention on each object.
    const objects: { target: EditTarget; key: string }[] = [];
    const initial = new Map<string, number>();
    for (const target of [AREA, PERFORMANCE]) {
      const read = await gql(apis[0]!.url, target.read, { key: EDITION }, tokens.admin);
      const keys: string[] =
        target === AREA
          ? read.data.edition.areas.map((a: { key: string }) => a.key)
          : read.data.edition.areas.flatMap((a: { performances: { key: string }[] }) =>
              a.performances.map((p) => p.key),
            );
      for (const key of keys.slice(0, 3)) {
        objects.push({ target, key });
        initial.set(`${target.kind}:${key}`, target.pick(read.data, key).version);
      }
    }
    const run = randomBytes(3).toString('hex');
    const attempts: Attempt[] = [];
    const deadline = Date.now() + DURATION_MS;

    async function client(id: number) {
      const known = new Map(initial);
      let n = 0;
      while (Date.now() < deadline) {
        // Four edits in a row on one object, then the next: the client's version is fresh when it starts there.
        const { target, key } = objects[(id + Math.floor(n / 4)) % objects.length]!;
        const id2 = `${target.kind}:${key}`;
        const api = apis[(id + n) % apis.length]!;
        const marker = `rel-${run}-c${id}-e${n++}`;
        const sentVersion = known.get(id2)!;
        const response = await gql(
          api.url,
          target.mutation,
          { edition: EDITION, key, version: sentVersion, text: marker },
          tokens.admin,
        );
        const result = response.data?.[target.field];
        const attempt: Attempt = {
          client: id,
          kind: target.kind,
          key,
          via: api.name,
          sentVersion,
          marker,
          outcome: 'other',
        };
        if (result?.__typename === target.kind) {
          attempt.outcome = 'accepted';
          attempt.returnedVersion = result.version;
          known.set(id2, result.version);
        } else if (result?.__typename === 'ConflictError') {
          attempt.outcome = 'conflict';
          attempt.currentVersion = result.currentVersion;
          attempt.detail = result.current ? 'with current state' : 'WITHOUT current state';
          if (typeof result.currentVersion === 'number') known.set(id2, result.currentVersion);
        } else {
          attempt.detail = JSON.stringify({ status: response.status, result, errors: response.errors });
        }
        attempts.push(attempt);
      }
    }
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));
    const seconds = (performance.now() - started) / 1000;

    const accepted = attempts.filter((a) => a.outcome === 'accepted');
    const conflicts = attempts.filter((a) => a.outcome === 'conflict');
    const others = attempts.filter((a) => a.outcome === 'other');
    expect(others.slice(0, 3)).toEqual([]);
    // Edits of one edition run one after another (edition row lock), so few win; each kind must have winners.
    expect(new Set(accepted.map((a) => a.kind))).toEqual(new Set(['Area', 'Performance']));
    expect(conflicts.length).toBeGreaterThan(0);
    // Rejected edits tell the client what is current.
    expect(conflicts.filter((c) => c.detail !== 'with current state' || c.currentVersion == null)).toEqual(
      [],
    );

    // An accepted edit replaced exactly the version it was based on: otherwise another edit was overwritten unseen.
    expect(accepted.filter((a) => a.returnedVersion !== a.sentVersion + 1)).toEqual([]);

    const audit = await db.prisma.auditEntry.findMany({
      where: { at: { gte: new Date(Date.now() - 3_600_000) } },
    });
    const auditedAfter = audit.map((entry) => JSON.stringify(entry.after ?? null));
    const storedMarkers = new Set<string | null>();
    for (const target of [AREA, PERFORMANCE]) {
      const stored = await gql(apis[1]!.url, target.read, { key: EDITION }, tokens.admin);
      for (const { key } of objects.filter((o) => o.target === target)) {
        const start = initial.get(`${target.kind}:${key}`)!;
        const mine = accepted
          .filter((a) => a.kind === target.kind && a.key === key)
          .sort((x, y) => x.returnedVersion! - y.returnedVersion!);
        // Versions 1 apart from the initial one to the last: no gaps (lost) and no duplicates (two winners).
        expect(mine.map((a) => a.returnedVersion)).toEqual(mine.map((_, i) => start + i + 1));
        const now = target.pick(stored.data, key);
        expect(now.version).toBe(start + mine.length);
        expect(now.marker).toBe(mine.at(-1)?.marker ?? now.marker);
        storedMarkers.add(now.marker);
      }
    }
    // Every accepted edit is in the audit log exactly once; no rejected edit left a trace anywhere.
    const markerCount = (marker: string) =>
      auditedAfter.filter((after) => after.includes(`"${marker}"`)).length;
    expect(accepted.filter((a) => markerCount(a.marker) !== 1).map((a) => a.marker)).toEqual([]);
    expect(conflicts.filter((c) => markerCount(c.marker) !== 0).map((c) => c.marker)).toEqual([]);
    expect(conflicts.filter((c) => storedMarkers.has(c.marker))).toEqual([]);

    const byProcess = (name: string) => accepted.filter((a) => a.via === name).length;
    recordSection('1-lost-updates', {
      title: '1 No lost updates',
      faults: [
        `${CLIENTS} concurrent clients for ${seconds.toFixed(1)} s, alternating between two API processes on one PostgreSQL schema`,
        `the clients edit ${objects.length} objects of draft ${EDITION} (${objects.map((o) => `${o.target.kind} ${o.key}`).join(', ')}) through updateArea and updatePerformance, each edit with the version the client last saw (so most are stale)`,
      ],
      findings: [
        'every accepted edit returned version = sent version + 1 (none overwrote an edit it had not seen)',
        'per object the accepted versions run without gaps or duplicates; the stored version and text equal the last accepted edit',
        'every accepted edit is in the audit log exactly once; rejected edits appear neither in the audit log nor in the data',
        'every rejection was a ConflictError carrying the current version and state',
      ],
      figures: {
        'edits tried': attempts.length,
        accepted: accepted.length,
        'rejected (ConflictError)': conflicts.length,
        'accepted via api-a / api-b': `${byProcess('api-a')} / ${byProcess('api-b')}`,
        'accepted areas / performances': `${accepted.filter((a) => a.kind === 'Area').length} / ${accepted.filter((a) => a.kind === 'Performance').length}`,
        'edits/s': (attempts.length / seconds).toFixed(0),
      },
    });
  });
});
