import { addRolePlays, loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import type { Evaluation } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const EDITION_SETUP = `query($key: String!) { edition(key: $key) {
  key status derivedFrom { key }
  participants { company { key } industry { key } channels version }
  rolePlays { key channelKey title(locale: nb) instructionsTranslations { locale text } order }
} }`;

const PARTICIPANTS = `{ __typename
  ... on Edition { participants { company { key } industry { key } channels version } }
  ... on ValidationError { fieldErrors { path message } }
  ... on ReadOnlyEditionError { editionKey status }
  ... on NotFoundError { resource key }
  ... on Error { message } }`;

const ADD = `mutation($edition: String!, $participants: [ParticipantInput!]!) {
  addParticipants(editionKey: $edition, participants: $participants) ${PARTICIPANTS} }`;

const UPDATE = `mutation($edition: String!, $company: String!, $version: Int!, $channels: [String!], $industry: String) {
  updateParticipant(editionKey: $edition, companyKey: $company, version: $version, channels: $channels, industryKey: $industry) {
    __typename
    ... on CompanyParticipation { channels version industry { key } }
    ... on ValidationError { fieldErrors { path message } }
    ... on ConflictError { currentVersion current }
    ... on Error { message } } }`;

const REMOVE = `mutation($edition: String!, $company: String!) {
  removeParticipant(editionKey: $edition, companyKey: $company) { __typename
    ... on Edition { participants { company { key } } }
    ... on NotFoundError { resource key }
    ... on Error { message } } }`;

const ROLE_PLAY = `{ __typename
  ... on RolePlay { key title(locale: en) instructions(locale: nb) channelKey channel { key } order version }
  ... on ValidationError { fieldErrors { path message } }
  ... on ConflictError { currentVersion }
  ... on NotFoundError { resource key }
  ... on ReadOnlyEditionError { editionKey status }
  ... on Error { message } }`;

const CREATE_ROLE_PLAY = `mutation($edition: String!, $input: CreateRolePlayInput!) {
  createRolePlay(editionKey: $edition, input: $input) ${ROLE_PLAY} }`;

const UPDATE_ROLE_PLAY = `mutation($edition: String!, $key: String!, $version: Int!, $input: UpdateRolePlayInput!) {
  updateRolePlay(editionKey: $edition, key: $key, version: $version, input: $input) ${ROLE_PLAY} }`;

const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) {
  __typename ... on Evaluation { contactId rolePlay { key } edition { key } } ... on Error { message } } }`;

const COMPANY_RESULT = `query($edition: String!, $company: String!) { editionResults(editionKey: $edition) {
  __typename ... on EditionResults { company(companyKey: $company) { n total } } ... on Error { message } } }`;

const typename = (result: { data?: Record<string, { __typename: string }> | null }, field: string) =>
  result.data?.[field]?.__typename;

describe.each(testDatabaseKinds())('field-work set-up over HTTP (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let template: Evaluation;
  let companyKeys: string[];
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    // KSP24's role plays: one for any channel, one written for the phone.
    await addRolePlays(app.db, 'KSP24', [
      {
        key: 'bill',
        title: { nb: 'Regningen', en: 'The bill' },
        instructions: { nb: 'Spør om regningen.' },
        order: 0,
      },
      {
        key: 'move',
        title: { nb: 'Flytting' },
        instructions: { nb: 'Du skal flytte.', en: 'You are moving.' },
        order: 1,
        channelKey: 'phone',
      },
    ]);
    template = (await loadEvaluations(app.db, 'KSP24')).find((e) => e.answered) as Evaluation;
    companyKeys = app.seeded.companies.filter((c) => c.editionKeys.includes('KSP24')).map((c) => c.key);
  }, 120_000);
  afterAll(() => app?.close());

  it('createEditionFrom copies participants and role plays; once published, an observer submits an evaluation and the result counts it', async () => {
    const created = await app.gql(
      `mutation { createEditionFrom(sourceKey: "KSP24", key: "KSP26", year: 2026, name: "KSP 2026") {
        __typename ... on Edition { key } ... on Error { message } } }`,
      {},
      app.tokens.admin,
    );
    expect(created.data?.createEditionFrom).toEqual({ __typename: 'Edition', key: 'KSP26' });
    const source = (await app.gql(EDITION_SETUP, { key: 'KSP24' }, app.tokens.admin)).data?.edition;
    const copy = (await app.gql(EDITION_SETUP, { key: 'KSP26' }, app.tokens.admin)).data?.edition;
    expect(copy).toMatchObject({ status: 'draft', derivedFrom: { key: 'KSP24' } });
    expect(source.participants).toHaveLength(companyKeys.length);
    expect(copy.participants).toEqual(source.participants.map((p: object) => ({ ...p, version: 1 })));
    expect(copy.rolePlays).toEqual(source.rolePlays);
    expect(
      copy.rolePlays.map((r: { key: string; channelKey: string | null }) => [r.key, r.channelKey]),
    ).toEqual([
      ['bill', null],
      ['move', 'phone'],
    ]);
    // The audit entry is there, by the admin, describing what came along.
    const audit = await app.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'edition.create', entityId: 'KSP26' },
      include: { actor: true },
    });
    expect(audit.actor?.email).toBe('admin@example.org');
    expect(audit.after).toMatchObject({
      sourceKey: 'KSP24',
      participations: companyKeys.length,
      rolePlays: 2,
    });

    const published = await app.gql(
      'mutation { publishEdition(editionKey: "KSP26") { __typename ... on Error { message } } }',
      {},
      app.tokens.admin,
    );
    expect(published.data?.publishEdition.__typename).toBe('Edition');
    const before = await app.gql(
      COMPANY_RESULT,
      { edition: 'KSP26', company: template.companyKey },
      app.tokens.analyst,
    );
    expect(before.data?.editionResults.company?.n ?? 0).toBe(0);
    const input = {
      editionKey: 'KSP26',
      contactId: 'ksp26-first',
      companyKey: template.companyKey,
      channelKey: template.channel,
      rolePlayKey: 'bill',
      contactedAt: '2026-03-02T10:00:00.000Z',
      answered: template.answered,
      waitingTime: template.waitingTime,
      answers: template.answers.map(({ questionKey, optionKey, text, notApplicable }) => ({
        questionKey,
        optionKey,
        text,
        notApplicable,
      })),
    };
    const submitted = await app.gql(SUBMIT, { input }, app.tokens.observer);
    expect(submitted.data?.submitEvaluation).toEqual({
      __typename: 'Evaluation',
      contactId: 'ksp26-first',
      rolePlay: { key: 'bill' },
      edition: { key: 'KSP26' },
    });
    const after = await app.gql(
      COMPANY_RESULT,
      { edition: 'KSP26', company: template.companyKey },
      app.tokens.analyst,
    );
    expect(after.data?.editionResults.company.n).toBe(1);
    expect(after.data?.editionResults.company.total).toEqual(expect.any(Number));
  });

  it('addParticipants enrols companies with their channels; every problem is listed and nothing stored; roles and states are enforced', async () => {
    const [first, second, third] = companyKeys as [string, string, string];
    const invalid = await app.gql(
      ADD,
      {
        edition: 'KSP25',
        participants: [
          { companyKey: first, channels: ['phone', 'pigeon'] },
          { companyKey: 'no-such-company', channels: ['chat'] },
          { companyKey: second, industryKey: 'no-such-industry', channels: [] },
        ],
      },
      app.tokens.admin,
    );
    expect(invalid.data?.addParticipants.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'participants[0].channels[1]',
      'participants[1].companyKey',
      'participants[2].industryKey',
      'participants[2].channels',
    ]);
    expect(await app.db.prisma.companyParticipation.count({ where: { edition: { key: 'KSP25' } } })).toBe(0);

    const ok = await app.gql(
      ADD,
      {
        edition: 'KSP25',
        participants: [
          { companyKey: first, channels: ['phone', 'chat'] },
          { companyKey: second, channels: ['email'] },
        ],
      },
      app.tokens.admin,
    );
    expect(typename(ok, 'addParticipants')).toBe('Edition');
    expect(
      ok.data?.addParticipants.participants.map((p: { company: { key: string } }) => p.company.key).sort(),
    ).toEqual([first, second].sort());
    const again = await app.gql(
      ADD,
      { edition: 'KSP25', participants: [{ companyKey: first, channels: ['phone'] }] },
      app.tokens.admin,
    );
    expect(again.data?.addParticipants.fieldErrors[0].message).toMatch(/already takes part/);

    const participants = [{ companyKey: third, channels: ['phone'] }];
    for (const role of ['analyst', 'observer'] as const) {
      const forbidden = await app.gql(ADD, { edition: 'KSP25', participants }, app.tokens[role]);
      expect(typename(forbidden, 'addParticipants')).toBe('ForbiddenError');
    }
    expect(typename(await app.gql(ADD, { edition: 'KSP25', participants }), 'addParticipants')).toBe(
      'ForbiddenError',
    );
    const closed = await app.gql(ADD, { edition: 'KSP23', participants }, app.tokens.admin);
    expect(closed.data?.addParticipants).toMatchObject({
      __typename: 'ReadOnlyEditionError',
      editionKey: 'KSP23',
      status: 'closed',
    });
    const missing = await app.gql(ADD, { edition: 'KSP99', participants }, app.tokens.admin);
    expect(missing.data?.addParticipants).toMatchObject({
      __typename: 'NotFoundError',
      resource: 'Edition',
      key: 'KSP99',
    });
    expect(await app.db.prisma.companyParticipation.count({ where: { edition: { key: 'KSP25' } } })).toBe(2);
    const audited = await app.db.prisma.auditEntry.findMany({ where: { action: 'participation.add' } });
    expect(audited.map((a) => a.entityId).sort()).toEqual([`KSP25/${first}`, `KSP25/${second}`].sort());
  });

  it('updateParticipant changes channels with a version check and refuses to drop a channel that has evaluations', async () => {
    const [first] = companyKeys as [string];
    const ok = await app.gql(
      UPDATE,
      { edition: 'KSP25', company: first, version: 1, channels: ['messenger'] },
      app.tokens.admin,
    );
    expect(ok.data?.updateParticipant).toMatchObject({
      __typename: 'CompanyParticipation',
      channels: ['messenger'],
      version: 2,
    });
    const stale = await app.gql(
      UPDATE,
      { edition: 'KSP25', company: first, version: 1, channels: ['chat'] },
      app.tokens.admin,
    );
    expect(stale.data?.updateParticipant).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: 2,
      current: { channels: ['messenger'], version: 2 },
    });
    const participation = await app.db.prisma.companyParticipation.findFirstOrThrow({
      where: { edition: { key: 'KSP24' }, company: { key: template.companyKey } },
    });
    const dropped = await app.gql(
      UPDATE,
      {
        edition: 'KSP24',
        company: template.companyKey,
        version: participation.version,
        channels: participation.channels.filter((c) => c !== template.channel),
      },
      app.tokens.admin,
    );
    expect(dropped.data?.updateParticipant.__typename).toBe('ValidationError');
    expect(dropped.data?.updateParticipant.fieldErrors[0].message).toMatch(/cannot be dropped/);
    const notTakingPart = await app.gql(
      UPDATE,
      { edition: 'KSP25', company: 'no-such', version: 1, channels: ['chat'] },
      app.tokens.admin,
    );
    expect(notTakingPart.data?.updateParticipant.__typename).toBe('NotFoundError');
    const analyst = await app.gql(
      UPDATE,
      { edition: 'KSP25', company: first, version: 2, channels: ['chat'] },
      app.tokens.analyst,
    );
    expect(analyst.data?.updateParticipant.__typename).toBe('ForbiddenError');
  });

  it('removeParticipant is refused while evaluations exist (ConflictError) and otherwise takes the company out', async () => {
    const inUse = await app.gql(REMOVE, { edition: 'KSP24', company: template.companyKey }, app.tokens.admin);
    expect(inUse.data?.removeParticipant.__typename).toBe('ConflictError');
    expect(inUse.data?.removeParticipant.message).toMatch(/evaluation\(s\) in KSP24/);
    const [, second] = companyKeys as [string, string];
    const observer = await app.gql(REMOVE, { edition: 'KSP25', company: second }, app.tokens.observer);
    expect(observer.data?.removeParticipant.__typename).toBe('ForbiddenError');
    const removed = await app.gql(REMOVE, { edition: 'KSP25', company: second }, app.tokens.admin);
    expect(
      removed.data?.removeParticipant.participants.map((p: { company: { key: string } }) => p.company.key),
    ).not.toContain(second);
    const twice = await app.gql(REMOVE, { edition: 'KSP25', company: second }, app.tokens.admin);
    expect(twice.data?.removeParticipant).toMatchObject({
      __typename: 'NotFoundError',
      resource: 'CompanyParticipation',
    });
    const audit = await app.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'participation.remove' },
    });
    expect(audit).toMatchObject({ entityId: `KSP25/${second}`, after: null });
  });

  it('createRolePlay and updateRolePlay: texts in nb/en, channel, version check, typed errors and admin only', async () => {
    const input = {
      key: 'chat-refund',
      title: [
        { locale: 'nb', text: 'Refusjon' },
        { locale: 'en', text: 'Refund' },
      ],
      instructions: [{ locale: 'nb', text: 'Be om pengene tilbake.' }],
      channelKey: 'chat',
      order: 5,
    };
    const created = await app.gql(CREATE_ROLE_PLAY, { edition: 'KSP25', input }, app.tokens.admin);
    expect(created.data?.createRolePlay).toMatchObject({
      __typename: 'RolePlay',
      key: 'chat-refund',
      title: 'Refund',
      channelKey: 'chat',
      channel: { key: 'chat' },
      version: 1,
    });
    const taken = await app.gql(CREATE_ROLE_PLAY, { edition: 'KSP25', input }, app.tokens.admin);
    expect(taken.data?.createRolePlay.__typename).toBe('ConflictError');
    const invalid = await app.gql(
      CREATE_ROLE_PLAY,
      {
        edition: 'KSP25',
        input: {
          ...input,
          key: 'Not A Key',
          title: [{ locale: 'en', text: 'English only' }],
          channelKey: 'pigeon',
        },
      },
      app.tokens.admin,
    );
    expect(invalid.data?.createRolePlay.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'key',
      'title',
      'channelKey',
    ]);
    const analyst = await app.gql(
      CREATE_ROLE_PLAY,
      { edition: 'KSP25', input: { ...input, key: 'other' } },
      app.tokens.analyst,
    );
    expect(analyst.data?.createRolePlay.__typename).toBe('ForbiddenError');
    const closed = await app.gql(
      CREATE_ROLE_PLAY,
      { edition: 'KSP23', input: { ...input, key: 'late' } },
      app.tokens.admin,
    );
    expect(closed.data?.createRolePlay.__typename).toBe('ReadOnlyEditionError');

    const updated = await app.gql(
      UPDATE_ROLE_PLAY,
      {
        edition: 'KSP25',
        key: 'chat-refund',
        version: 1,
        input: { channelKey: null, title: [{ locale: 'nb', text: 'Pengene tilbake' }] },
      },
      app.tokens.admin,
    );
    // The title was replaced as a whole: no English any more, so English falls back to bokmål.
    expect(updated.data?.updateRolePlay).toMatchObject({
      title: 'Pengene tilbake',
      channelKey: null,
      channel: null,
      order: 5,
      version: 2,
    });
    const stale = await app.gql(
      UPDATE_ROLE_PLAY,
      { edition: 'KSP25', key: 'chat-refund', version: 1, input: { order: 1 } },
      app.tokens.admin,
    );
    expect(stale.data?.updateRolePlay).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    const missing = await app.gql(
      UPDATE_ROLE_PLAY,
      { edition: 'KSP25', key: 'nope', version: 1, input: { order: 1 } },
      app.tokens.admin,
    );
    expect(missing.data?.updateRolePlay).toMatchObject({
      __typename: 'NotFoundError',
      resource: 'RolePlay',
      key: 'KSP25/nope',
    });
    const observer = await app.gql(
      UPDATE_ROLE_PLAY,
      { edition: 'KSP25', key: 'chat-refund', version: 2, input: { order: 1 } },
      app.tokens.observer,
    );
    expect(observer.data?.updateRolePlay.__typename).toBe('ForbiddenError');
    const audit = await app.db.prisma.auditEntry.findMany({
      where: { entityId: 'KSP25/chat-refund' },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['rolePlay.create', 'rolePlay.update']);
    expect(audit[1]?.before).toMatchObject({ channelKey: 'chat', version: 1 });
  });
});
