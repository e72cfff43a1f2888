// No lost updates: two API processes on one PostgreSQL database, 50 clients editing the same definition
// objects for a bounded time, each edit based on the version the client last saw. Afterwards the audit log,
// the stored state and the clients' own records must agree edit for edit.
import { randomBytes } from 'node:crypto';
import type { Database } from '@ksp/db';
import type { Evaluation } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCluster } from './harness/cluster';
import { freshEvaluations, SUBMIT, submitInput } from './harness/evaluations';
import { gql, loginAll } from './harness/gql';
import { recordSection } from './harness/report';
import {
  type CallTargets,
  fetchSchema,
  generateCall,
  returnedData,
  rootFields,
} from './harness/schema-calls';
import { DEFINITION_QUERY } from './harness/targets';

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

// ---------------------------------------------------------------------------------------------------------
// Every versioned mutation, found in the schema: N concurrent calls based on one version, exactly one wins.

const CONCURRENT = 6;

/** What one round sends: the arguments (all of them; the rest are left out), with whose token. */
type Round = {
  args: Record<string, unknown>;
  token: string;
  /** Whether the mutation writes an audit entry (then exactly one is expected, else none). */
  audited: boolean;
  /** Typed errors a loser may get: ConflictError, and for removals NotFoundError (the item is gone). */
  losers: string[];
};

type RoundContext = {
  tokens: Record<'admin' | 'observer', string>;
  /** A draft edition of this test's own (a copy of KSP25), so removals do not disturb other files. */
  edition: string;
  run: string;
  // biome-ignore lint/suspicious/noExplicitAny: the definition as read through GraphQL, shape checked by use
  definition(): Promise<any>;
};

const text = (value: string) => [
  { locale: 'en', text: value },
  { locale: 'nb', text: value },
];
const UPDATE = ['ConflictError'];
const REMOVE = ['ConflictError', 'NotFoundError'];

// biome-ignore lint/suspicious/noExplicitAny: definition items read through GraphQL
type Item = any;
const areasOf = async (context: RoundContext): Promise<Item[]> => (await context.definition()).areas;
const performancesOf = async (context: RoundContext): Promise<Item[]> =>
  (await areasOf(context)).flatMap((a: Item) => a.performances);
const questionsOf = async (context: RoundContext): Promise<Item[]> =>
  (await performancesOf(context)).flatMap((p: Item) => p.questions);

/**
 * A valid call of each versioned mutation, based on the version stored now. The test fails when the schema
 * has a versioned mutation this table does not know, so a new one cannot go untested.
 */
const ROUNDS: Record<string, (context: RoundContext, db: Database) => Promise<Round>> = {
  updateCompany: async ({ tokens, run }, db) => {
    const company = await db.prisma.company.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return {
      args: { key: company.key, version: company.version, name: `${company.name.split(' #')[0]} #${run}` },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateIndustry: async ({ tokens, run }, db) => {
    const industry = await db.prisma.industry.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return {
      args: { key: industry.key, version: industry.version, name: text(`Industry ${run}`) },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateParticipant: async ({ tokens, edition }, db) => {
    // The copy of KSP25 may have no participants in the test data: enrol one first.
    const company = await db.prisma.company.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const channel = await db.prisma.channelRule.findFirstOrThrow({ where: { edition: { key: edition } } });
    if (
      !(await db.prisma.companyParticipation.findFirst({
        where: { edition: { key: edition }, companyId: company.id },
      }))
    ) {
      const enrolled = await gql(
        apis[0]!.url,
        `mutation($edition: String!, $participants: [ParticipantInput!]!) {
          addParticipants(editionKey: $edition, participants: $participants) { __typename } }`,
        { edition, participants: [{ companyKey: company.key, channels: [channel.key] }] },
        tokens.admin,
      );
      expect(enrolled.errors, JSON.stringify(enrolled)).toBeUndefined();
    }
    const participation = await db.prisma.companyParticipation.findFirstOrThrow({
      where: { edition: { key: edition }, companyId: company.id },
    });
    const other = await db.prisma.industry.findFirstOrThrow({
      where: { id: { not: participation.industryId } },
    });
    return {
      args: {
        editionKey: edition,
        companyKey: company.key,
        industryKey: other.key,
        version: participation.version,
      },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateRolePlay: async ({ tokens, edition, run }, db) => {
    const created = await gql(
      apis[0]!.url,
      `mutation($edition: String!, $input: CreateRolePlayInput!) {
        createRolePlay(editionKey: $edition, input: $input) { __typename ... on Error { message } } }`,
      { edition, input: { key: `lu${run}`, title: text('Role play'), instructions: text('Ask.') } },
      tokens.admin,
    );
    expect(created.data?.createRolePlay?.__typename, JSON.stringify(created)).toBe('RolePlay');
    const rolePlay = await db.prisma.rolePlay.findFirstOrThrow({
      where: { edition: { key: edition }, key: `lu${run}` },
    });
    return {
      args: {
        editionKey: edition,
        key: rolePlay.key,
        version: rolePlay.version,
        input: { title: text(run) },
      },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateWebhookSubscription: async ({ tokens, run }) => {
    const created = await gql(
      apis[0]!.url,
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
        __typename ... on WebhookSubscriptionSecret { subscription { id version } } ... on Error { message } } }`,
      { input: { url: `https://example.org/hooks/${run}`, events: ['editionPublished'], active: false } },
      tokens.admin,
    );
    const subscription = created.data?.createWebhookSubscription?.subscription;
    expect(subscription, JSON.stringify(created)).toBeTruthy();
    return {
      args: {
        id: subscription.id,
        version: subscription.version,
        input: { url: `https://example.org/v/${run}` },
      },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateEvaluation: async ({ tokens, run }) => {
    const [evaluation] = freshEvaluations(
      cluster.companies.map((c) => c.key),
      `lu${run}`,
      1,
    );
    const input = submitInput(evaluation as Evaluation);
    const submitted = await gql(apis[0]!.url, SUBMIT, { input }, tokens.observer);
    const id = submitted.data?.submitEvaluation?.id;
    expect(id, JSON.stringify(submitted)).toBeTruthy();
    const { editionKey: _e, contactId: _c, companyKey: _k, ...content } = input;
    return {
      args: { id, version: 1, input: { ...content, waitingTime: (content.waitingTime ?? 0) + 1 } },
      token: tokens.observer,
      audited: true,
      losers: UPDATE,
    };
  },
  setAwardRules: async ({ tokens, edition }, db) => {
    const row = await db.prisma.edition.findUniqueOrThrow({ where: { key: edition } });
    return {
      args: {
        editionKey: edition,
        version: row.version,
        input: { minCompaniesPerIndustry: 3, minContacts: 10, minTotal: 50 },
      },
      token: tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  setLineageMark: async (context) => {
    const area = (await areasOf(context))[0];
    return {
      args: {
        editionKey: context.edition,
        level: 'area',
        key: area.key,
        mark: 'reworded',
        predecessorKeys: [area.key],
        version: area.version,
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  setChannelRule: async (context) => {
    const channel = (await context.definition()).channels[0];
    return {
      args: {
        editionKey: context.edition,
        key: channel.key,
        version: channel.version,
        input: { name: text(`Channel ${context.run}`) },
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateArea: async (context) => {
    const area = (await areasOf(context))[0];
    return {
      args: {
        editionKey: context.edition,
        key: area.key,
        version: area.version,
        input: { description: text(`Area ${context.run}`) },
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updatePerformance: async (context) => {
    const performance = (await performancesOf(context))[0];
    return {
      args: {
        editionKey: context.edition,
        key: performance.key,
        version: performance.version,
        input: { description: text(`Performance ${context.run}`) },
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateQuestion: async (context) => {
    const question = (await questionsOf(context))[0];
    return {
      args: {
        editionKey: context.edition,
        key: question.key,
        version: question.version,
        input: { text: text(`Question ${context.run}?`) },
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  updateOption: async (context) => {
    const question = (await questionsOf(context)).find((q: Item) => q.options.length > 0);
    const option = question.options[0];
    return {
      args: {
        editionKey: context.edition,
        questionKey: question.key,
        key: option.key,
        version: option.version,
        input: { label: text(`Option ${context.run}`) },
      },
      token: context.tokens.admin,
      audited: true,
      losers: UPDATE,
    };
  },
  // Removals take out an item this test adds first, so the copy keeps what the other rounds edit.
  removeOption: async (context) => {
    const question = (await questionsOf(context)).find((q: Item) => q.options.length > 0);
    const key = `lu${context.run}o`;
    // Whether an option needs points depends on the question and its area: copy what its first option has.
    const points = question.options[0].points;
    await addItem(
      context,
      'addOption',
      'AddOptionInput',
      { questionKey: question.key },
      {
        key,
        label: text('Extra'),
        ...(points == null ? {} : { points: 0 }),
      },
    );
    const option = (await questionsOf(context))
      .find((q: Item) => q.key === question.key)
      .options.find((o: Item) => o.key === key);
    return {
      args: { editionKey: context.edition, questionKey: question.key, key, version: option.version },
      token: context.tokens.admin,
      audited: true,
      losers: REMOVE,
    };
  },
  removeQuestion: async (context) => {
    const performance = (await performancesOf(context))[0];
    const channels = (await context.definition()).channels.map((c: Item) => c.key);
    const key = `lu${context.run}q`;
    await addItem(
      context,
      'addQuestion',
      'AddQuestionInput',
      { performanceKey: performance.key },
      {
        key,
        text: text('Anything else?'),
        type: 'comment',
        scored: false,
        channels,
      },
    );
    const question = (await questionsOf(context)).find((q: Item) => q.key === key);
    return {
      args: { editionKey: context.edition, key, version: question.version },
      token: context.tokens.admin,
      audited: true,
      losers: REMOVE,
    };
  },
  removePerformance: async (context) => {
    const area = (await areasOf(context))[0];
    const key = `lu${context.run}p`;
    await addItem(
      context,
      'addPerformance',
      'AddPerformanceInput',
      { areaKey: area.key },
      {
        key,
        name: text('Extra performance'),
      },
    );
    const performance = (await performancesOf(context)).find((p: Item) => p.key === key);
    return {
      args: { editionKey: context.edition, key, version: performance.version },
      token: context.tokens.admin,
      audited: true,
      losers: REMOVE,
    };
  },
  removeArea: async (context) => {
    const key = `lu${context.run}a`;
    await addItem(
      context,
      'addArea',
      'AddAreaInput',
      {},
      {
        key,
        name: text('Extra area'),
        counting: 'unscored',
      },
    );
    const area = (await areasOf(context)).find((a: Item) => a.key === key);
    return {
      args: { editionKey: context.edition, key, version: area.version },
      token: context.tokens.admin,
      audited: true,
      losers: REMOVE,
    };
  },
};

/** Adds a definition item to the test's edition and fails the test on a typed error. */
async function addItem(
  context: RoundContext,
  mutation: string,
  inputType: string,
  parent: Record<string, string>,
  input: Record<string, unknown>,
) {
  const parentArgs = Object.keys(parent);
  const response = await gql(
    apis[0]!.url,
    `mutation($edition: String!, $input: ${inputType}!${parentArgs.map((a) => `, $${a}: String!`).join('')}) {
      result: ${mutation}(editionKey: $edition, input: $input${parentArgs.map((a) => `, ${a}: $${a}`).join('')}) {
        __typename ... on Error { message } } }`,
    { edition: context.edition, input, ...parent },
    context.tokens.admin,
  );
  expect(response.errors, JSON.stringify(response)).toBeUndefined();
  expect(response.data?.result?.__typename, JSON.stringify(response)).not.toMatch(/Error$/);
}

const isVersioned = (field: { args: readonly { name: string }[] }) =>
  field.args.some((arg) => arg.name === 'version' || arg.name === 'expectedVersion');

describe('no lost updates, for every versioned mutation', () => {
  it(`${CONCURRENT} concurrent calls with one version: exactly one wins, the others conflict, one audit entry`, async () => {
    const tokens = await loginAll(apis[0]!.url);
    const schema = await fetchSchema(apis[0]!.url, tokens.admin);
    const versioned = rootFields(schema, 'mutation').filter(isVersioned);
    expect(versioned.length).toBeGreaterThan(10);
    // A versioned mutation without a row in the table fails here: add its input builder to ROUNDS.
    expect(versioned.map((f) => f.name).filter((name) => !(name in ROUNDS))).toEqual([]);

    const run = randomBytes(3).toString('hex');
    const edition = `LU${run.toUpperCase()}`;
    const copied = await gql(
      apis[0]!.url,
      `mutation($key: String!) { createEditionFrom(sourceKey: "KSP25", key: $key, name: $key, year: 2090) {
        __typename ... on Error { message } } }`,
      { key: edition },
      tokens.admin,
    );
    expect(copied.data?.createEditionFrom?.__typename, JSON.stringify(copied)).toBe('Edition');
    const context: RoundContext = {
      tokens,
      edition,
      run,
      definition: async () =>
        (await gql(apis[0]!.url, DEFINITION_QUERY, { key: edition }, tokens.admin)).data.edition,
    };

    // Updates first, then removals from the smallest item up, so each removal still finds its item.
    const order = Object.keys(ROUNDS).filter((name) => versioned.some((f) => f.name === name));
    const outcomes: Record<string, string> = {};
    const failures: string[] = [];
    for (const name of order) {
      const field = versioned.find((f) => f.name === name)!;
      const round = await ROUNDS[name]!(context, db);
      // Every argument the round gives, and no other (generated values would not be valid input).
      const overrides = Object.fromEntries(field.args.map((arg) => [arg.name, round.args[arg.name]]));
      const call = generateCall(schema, 'mutation', field, {} as CallTargets, overrides);
      const auditBefore = await db.prisma.auditEntry.count();
      const responses = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          gql(apis[i % apis.length]!.url, call.document, call.variables, round.token),
        ),
      );
      const auditAfter = await db.prisma.auditEntry.count();
      const results = responses.map((r) => r.data?.result);
      const won = results.filter((r) => returnedData(r)).length;
      const lost = results.filter((r) => round.losers.includes(r?.__typename)).length;
      outcomes[name] =
        `${won} won, ${lost} lost (${[...new Set(results.filter((r) => !returnedData(r)).map((r) => r?.__typename))].join(', ')}), ${auditAfter - auditBefore} audit`;
      const expectedAudit = round.audited ? 1 : 0;
      if (won !== 1 || lost !== CONCURRENT - 1 || auditAfter - auditBefore !== expectedAudit)
        failures.push(
          `${name}: ${outcomes[name]} (expected 1 won, ${CONCURRENT - 1} lost, ${expectedAudit} audit) ${JSON.stringify(responses.map((r) => r.data?.result ?? r.errors)).slice(0, 600)}`,
        );
    }
    if (process.env.RELIABILITY_DEBUG) console.log(outcomes);
    expect(failures).toEqual([]);

    recordSection('1b-lost-updates-every-mutation', {
      title: '1b No lost updates, every versioned mutation',
      faults: [
        `every mutation of the schema with a version argument (${order.length}, found by introspection), each called ${CONCURRENT} times at once with the same version, alternating between two API processes`,
      ],
      findings: [
        'for each exactly one call won; the others got ConflictError (removals: ConflictError or NotFoundError, the item being gone)',
        'each winning call wrote exactly one audit entry',
      ],
      figures: outcomes,
    });
  });
});
