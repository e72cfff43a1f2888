import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

// Every survey-definition mutation over real HTTP: happy paths, typed errors, nothing stored on errors,
// audit entries, role boundaries, and the definition diff against the published edition it derives from.

const REORDER_ERRORS = `
  ... on ValidationError { fieldErrors { path message } }
  ... on ReadOnlyEditionError { editionKey status }
  ... on NotFoundError { resource key }
  ... on Error { message }`;

const ERRORS = `
  ... on ConflictError { currentVersion current }
  ... on ValidationError { fieldErrors { path message } }
  ... on ReadOnlyEditionError { editionKey status }
  ... on NotFoundError { resource key }
  ... on Error { message }`;

const M = {
  addArea: `mutation($e: String!, $input: AddAreaInput!) { addArea(editionKey: $e, input: $input) {
    __typename ... on Area { key name(locale: en) counting weight version order } ${ERRORS} } }`,
  updateArea: `mutation($e: String!, $key: String!, $version: Int!, $input: UpdateAreaInput!) {
    updateArea(editionKey: $e, key: $key, version: $version, input: $input) {
    __typename ... on Area { key nb: name(locale: nb) en: name(locale: en) counting weight version } ${ERRORS} } }`,
  removeArea: `mutation($e: String!, $key: String!, $version: Int!) { removeArea(editionKey: $e, key: $key, version: $version) {
    __typename ... on Edition { areas { key } } ${ERRORS} } }`,
  reorderAreas: `mutation($e: String!, $keys: [String!]!) { reorderAreas(editionKey: $e, keys: $keys) {
    __typename ... on MutationReorderAreasSuccess { data { key order } } ${REORDER_ERRORS} } }`,
  addPerformance: `mutation($e: String!, $area: String!, $input: AddPerformanceInput!) {
    addPerformance(editionKey: $e, areaKey: $area, input: $input) {
    __typename ... on Performance { key name(locale: nb) version area { key } } ${ERRORS} } }`,
  updatePerformance: `mutation($e: String!, $key: String!, $version: Int!, $input: UpdatePerformanceInput!) {
    updatePerformance(editionKey: $e, key: $key, version: $version, input: $input) {
    __typename ... on Performance { key nb: name(locale: nb) en: name(locale: en) version area { key } } ${ERRORS} } }`,
  removePerformance: `mutation($e: String!, $key: String!, $version: Int!) {
    removePerformance(editionKey: $e, key: $key, version: $version) {
    __typename ... on Area { key performances { key } } ${ERRORS} } }`,
  reorderPerformances: `mutation($e: String!, $area: String!, $keys: [String!]!) {
    reorderPerformances(editionKey: $e, areaKey: $area, keys: $keys) {
    __typename ... on MutationReorderPerformancesSuccess { data { key } } ${REORDER_ERRORS} } }`,
  addQuestion: `mutation($e: String!, $performance: String!, $input: AddQuestionInput!) {
    addQuestion(editionKey: $e, performanceKey: $performance, input: $input) {
    __typename ... on Question { key text(locale: en) type channels scored critical bonus version options { key points } } ${ERRORS} } }`,
  updateQuestion: `mutation($e: String!, $key: String!, $version: Int!, $input: UpdateQuestionInput!) {
    updateQuestion(editionKey: $e, key: $key, version: $version, input: $input) {
    __typename ... on Question { key nb: text(locale: nb) en: text(locale: en) channels required critical version performance { key } } ${ERRORS} } }`,
  removeQuestion: `mutation($e: String!, $key: String!, $version: Int!) {
    removeQuestion(editionKey: $e, key: $key, version: $version) {
    __typename ... on Performance { key questions { key } } ${ERRORS} } }`,
  reorderQuestions: `mutation($e: String!, $performance: String!, $keys: [String!]!) {
    reorderQuestions(editionKey: $e, performanceKey: $performance, keys: $keys) {
    __typename ... on MutationReorderQuestionsSuccess { data { key } } ${REORDER_ERRORS} } }`,
  addOption: `mutation($e: String!, $question: String!, $input: AddOptionInput!) {
    addOption(editionKey: $e, questionKey: $question, input: $input) {
    __typename ... on AnswerOption { key label(locale: nb) points version } ${ERRORS} } }`,
  updateOption: `mutation($e: String!, $question: String!, $key: String!, $version: Int!, $input: UpdateOptionInput!) {
    updateOption(editionKey: $e, questionKey: $question, key: $key, version: $version, input: $input) {
    __typename ... on AnswerOption { key label(locale: en) points version } ${ERRORS} } }`,
  removeOption: `mutation($e: String!, $question: String!, $key: String!, $version: Int!) {
    removeOption(editionKey: $e, questionKey: $question, key: $key, version: $version) {
    __typename ... on Question { key options { key } } ${ERRORS} } }`,
  reorderOptions: `mutation($e: String!, $question: String!, $keys: [String!]!) {
    reorderOptions(editionKey: $e, questionKey: $question, keys: $keys) {
    __typename ... on MutationReorderOptionsSuccess { data { key } } ${REORDER_ERRORS} } }`,
  setChannelRule: `mutation($e: String!, $key: String!, $version: Int!, $input: ChannelRuleInput!) {
    setChannelRule(editionKey: $e, key: $key, version: $version, input: $input) {
    __typename ... on ChannelRule { key maxWait maxAttempts weight waitingBands { upTo points } version } ${ERRORS} } }`,
} as const;

type Name = keyof typeof M;

/** Valid-looking variables for every mutation, for the role checks (they must be refused before anything runs). */
const ANY_VARIABLES: Record<Name, Record<string, unknown>> = {
  addArea: { input: { name: [{ locale: 'nb', text: 'X' }], counting: 'unscored' } },
  updateArea: { key: 'agent', version: 1, input: { weight: 1 } },
  removeArea: { key: 'agent', version: 1 },
  reorderAreas: { keys: [] },
  addPerformance: { area: 'agent', input: { name: [{ locale: 'nb', text: 'X' }] } },
  updatePerformance: { key: 'listening', version: 1, input: {} },
  removePerformance: { key: 'listening', version: 1 },
  reorderPerformances: { area: 'agent', keys: [] },
  addQuestion: {
    performance: 'listening',
    input: { text: [{ locale: 'nb', text: 'X' }], type: 'comment', channels: ['chat'], scored: false },
  },
  updateQuestion: { key: 'agent_listening', version: 1, input: {} },
  removeQuestion: { key: 'agent_listening', version: 1 },
  reorderQuestions: { performance: 'listening', keys: [] },
  addOption: { question: 'agent_listening', input: { label: [{ locale: 'nb', text: 'X' }] } },
  updateOption: { question: 'agent_listening', key: 'great', version: 1, input: {} },
  removeOption: { question: 'agent_listening', key: 'great', version: 1 },
  reorderOptions: { question: 'agent_listening', keys: [] },
  setChannelRule: { key: 'phone', version: 1, input: {} },
};

describe.each(testDatabaseKinds())('definition mutations on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  });
  afterAll(() => app?.close());

  /** Runs a definition mutation as admin on KSP25 (unless `e` is given) and returns its result. */
  async function run(name: Name, variables: Record<string, unknown>, token = app.tokens.admin) {
    const response = await app.gql(M[name], { e: 'KSP25', ...variables }, token);
    expect(response.errors).toBeUndefined();
    return response.data?.[name];
  }

  const row = {
    area: (key: string) => app.db.prisma.area.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } }),
    performance: (key: string) =>
      app.db.prisma.performance.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } }),
    question: (key: string) =>
      app.db.prisma.question.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } }),
    option: (questionKey: string, key: string) =>
      app.db.prisma.answerOption.findFirstOrThrow({
        where: { key, question: { key: questionKey, edition: { key: 'KSP25' } } },
      }),
    channel: (key: string) =>
      app.db.prisma.channelRule.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } }),
  };

  /** The whole KSP25 definition plus the audit count: must be identical after a refused mutation. */
  async function snapshot() {
    const edition = await app.db.prisma.edition.findUniqueOrThrow({
      where: { key: 'KSP25' },
      include: {
        channels: true,
        areas: { include: { performances: { include: { questions: { include: { options: true } } } } } },
      },
    });
    return { edition, audit: await app.db.prisma.auditEntry.count() };
  }

  async function refused(name: Name, variables: Record<string, unknown>, token = app.tokens.admin) {
    const before = await snapshot();
    const result = await run(name, variables, token);
    expect(await snapshot()).toEqual(before);
    return result;
  }

  it('refuses every definition mutation to analysts, observers and anonymous callers, changing nothing', async () => {
    for (const name of Object.keys(M) as Name[]) {
      for (const token of [app.tokens.analyst, app.tokens.observer, null]) {
        const result = await refused(name, ANY_VARIABLES[name], token as string);
        expect(result.__typename, `${name}`).toBe('ForbiddenError');
      }
    }
  });

  it('areas: add (key made from the name), update (texts merged per language), conflict, validation, reorder, remove', async () => {
    const added = await run('addArea', {
      input: {
        name: [
          { locale: 'nb', text: 'Oppfølging' },
          { locale: 'en', text: 'Follow-up' },
        ],
        counting: 'unscored',
      },
    });
    expect(added).toMatchObject({
      __typename: 'Area',
      key: 'oppfolging',
      name: 'Follow-up',
      weight: null,
      version: 1,
    });
    const taken = await refused('addArea', {
      input: { key: 'agent', name: [{ locale: 'nb', text: 'Agent' }], counting: 'unscored' },
    });
    expect(taken.__typename).toBe('ConflictError');

    const area = await row.area('oppfolging');
    const updated = await run('updateArea', {
      key: 'oppfolging',
      version: area.version,
      input: { name: [{ locale: 'en', text: 'Follow up' }], counting: 'scored', weight: 4 },
    });
    expect(updated).toMatchObject({
      nb: 'Oppfølging',
      en: 'Follow up',
      counting: 'scored',
      weight: 4,
      version: 2,
    });

    const stale = await refused('updateArea', { key: 'oppfolging', version: 1, input: { weight: 9 } });
    expect(stale).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: 2,
      current: { weight: 4, version: 2 },
    });

    // A blank text removes that language's translation; a weight below 0 breaks the schema.
    const invalid = await refused('updateArea', {
      key: 'oppfolging',
      version: 2,
      input: { weight: -1, name: [{ locale: 'nb', text: ' ' }] },
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['input.weight']);
    const twice = await refused('updateArea', {
      key: 'oppfolging',
      version: 2,
      input: {
        name: [
          { locale: 'nb', text: 'A' },
          { locale: 'nb', text: 'B' },
        ],
      },
    });
    expect(twice.fieldErrors).toEqual([
      { path: 'input.name[1].locale', message: 'nb is given more than once' },
    ]);

    const keys = (
      await app.db.prisma.area.findMany({ where: { edition: { key: 'KSP25' } }, orderBy: { order: 'asc' } })
    ).map((a) => a.key);
    expect(keys.at(-1)).toBe('oppfolging');
    const reordered = [...keys].reverse();
    const order = await run('reorderAreas', { keys: reordered });
    expect(order.data.map((a: { key: string }) => a.key)).toEqual(reordered);
    const incomplete = await refused('reorderAreas', { keys: reordered.slice(1) });
    expect(incomplete.fieldErrors).toEqual([{ path: 'keys', message: `area "${reordered[0]}" is missing` }]);
    await run('reorderAreas', { keys });

    const stillOld = await refused('removeArea', { key: 'oppfolging', version: 1 });
    expect(stillOld.__typename).toBe('ConflictError');
    const { version } = await row.area('oppfolging');
    const removed = await run('removeArea', { key: 'oppfolging', version });
    expect(removed.areas.map((a: { key: string }) => a.key)).toEqual(keys.slice(0, -1));
    const missing = await refused('removeArea', { key: 'oppfolging', version });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', resource: 'Area', key: 'KSP25/oppfolging' });
  });

  it('performances: add, rename and move to another area, reorder, remove', async () => {
    const added = await run('addPerformance', {
      area: 'overall',
      input: { name: [{ locale: 'nb', text: 'Takket for henvendelsen' }] },
    });
    expect(added).toMatchObject({ key: 'takket_for_henvendelsen', area: { key: 'overall' }, version: 1 });
    const unknownArea = await refused('addPerformance', {
      area: 'nope',
      input: { name: [{ locale: 'nb', text: 'X' }] },
    });
    expect(unknownArea).toMatchObject({ __typename: 'NotFoundError', resource: 'Area' });

    const moved = await run('updatePerformance', {
      key: 'takket_for_henvendelsen',
      version: 1,
      input: { name: [{ locale: 'en', text: 'Thanked the customer' }], areaKey: 'welcome' },
    });
    expect(moved).toMatchObject({
      nb: 'Takket for henvendelsen',
      en: 'Thanked the customer',
      area: { key: 'welcome' },
      version: 2,
    });

    const welcome = await app.db.prisma.performance.findMany({
      where: { area: { key: 'welcome', edition: { key: 'KSP25' } } },
      orderBy: { order: 'asc' },
    });
    const keys = welcome.map((p) => p.key);
    expect(keys.at(-1)).toBe('takket_for_henvendelsen');
    const first = ['takket_for_henvendelsen', ...keys.slice(0, -1)];
    const reordered = await run('reorderPerformances', { area: 'welcome', keys: first });
    expect(reordered.data.map((p: { key: string }) => p.key)).toEqual(first);

    const removed = await run('removePerformance', {
      key: 'takket_for_henvendelsen',
      version: (await row.performance('takket_for_henvendelsen')).version,
    });
    expect(removed).toMatchObject({
      key: 'welcome',
      performances: keys.slice(0, -1).map((key) => ({ key })),
    });

    const renamed = await run('updatePerformance', {
      key: 'listening',
      version: (await row.performance('listening')).version,
      input: { name: [{ locale: 'en', text: 'Active listening' }] },
    });
    expect(renamed).toMatchObject({ en: 'Active listening', area: { key: 'agent' } });
  });

  it('questions and options: add a chat-only question, validation, update, options, reorder, remove', async () => {
    const invalid = await refused('addQuestion', {
      performance: 'engagement',
      input: {
        text: [{ locale: 'nb', text: 'Brukte agenten kundens navn?' }],
        type: 'yesNo',
        channels: ['chat', 'fax'],
        scored: true,
        options: [
          { key: 'yes', label: [{ locale: 'nb', text: 'Ja' }], points: 1 },
          { key: 'no', label: [{ locale: 'nb', text: 'Nei' }], points: 1 },
        ],
      },
    });
    expect(invalid.fieldErrors).toEqual([
      { path: 'input.channels[1]', message: 'channel "fax" is not a channel of this edition' },
      {
        path: 'input.options',
        message: 'a scored question needs an option with 0 points (its worst answer)',
      },
    ]);

    const added = await run('addQuestion', {
      performance: 'engagement',
      input: {
        key: 'agent_used_name',
        text: [
          { locale: 'nb', text: 'Brukte agenten kundens navn?' },
          { locale: 'en', text: 'Did the agent use the customer’s name?' },
        ],
        type: 'yesNo',
        channels: ['chat'],
        scored: true,
        options: [
          { label: [{ locale: 'nb', text: 'Ja' }], points: 1 },
          { label: [{ locale: 'nb', text: 'Nei' }], points: 0 },
        ],
      },
    });
    expect(added).toMatchObject({
      key: 'agent_used_name',
      type: 'yesNo',
      channels: ['chat'],
      scored: true,
      critical: null,
      bonus: false,
      version: 1,
      options: [
        { key: 'ja', points: 1 },
        { key: 'nei', points: 0 },
      ],
    });

    const updated = await run('updateQuestion', {
      key: 'agent_used_name',
      version: 1,
      input: { text: [{ locale: 'en', text: 'Used the name?' }], required: false, critical: 'area' },
    });
    expect(updated).toMatchObject({
      nb: 'Brukte agenten kundens navn?',
      en: 'Used the name?',
      required: false,
      critical: 'area',
      version: 2,
    });
    // Based on version 1, changing the field changed since (critical): a conflict. Another field would merge.
    const stale = await refused('updateQuestion', {
      key: 'agent_used_name',
      version: 1,
      input: { critical: null },
    });
    expect(stale).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: 2,
      current: { critical: 'area' },
    });
    const unscoredCritical = await refused('updateQuestion', {
      key: 'agent_used_name',
      version: 2,
      input: { scored: false },
    });
    // The input did not name `critical`, so that problem keeps its place in the edition.
    expect(unscoredCritical.fieldErrors).toContainEqual(
      expect.objectContaining({
        path: 'areas[2].performances[3].questions[1].critical',
        message: 'a critical question must be scored',
      }),
    );

    const option = await run('addOption', {
      question: 'agent_used_name',
      input: { label: [{ locale: 'nb', text: 'Delvis' }], points: 0.5 },
    });
    expect(option).toMatchObject({ key: 'delvis', label: 'Delvis', points: 0.5, version: 1 });
    const changed = await run('updateOption', {
      question: 'agent_used_name',
      key: 'delvis',
      version: 1,
      input: { label: [{ locale: 'en', text: 'Partly' }], points: 0.25 },
    });
    expect(changed).toMatchObject({ label: 'Partly', points: 0.25, version: 2 });
    const staleOption = await refused('updateOption', {
      question: 'agent_used_name',
      key: 'delvis',
      version: 1,
      input: { points: 2 },
    });
    expect(staleOption).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    const reordered = await run('reorderOptions', {
      question: 'agent_used_name',
      keys: ['ja', 'delvis', 'nei'],
    });
    expect(reordered.data.map((o: { key: string }) => o.key)).toEqual(['ja', 'delvis', 'nei']);
    const lastZero = await refused('removeOption', { question: 'agent_used_name', key: 'nei', version: 1 });
    expect(lastZero.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'areas[2].performances[3].questions[1].options',
    ]);
    const removedOption = await run('removeOption', {
      question: 'agent_used_name',
      key: 'delvis',
      version: 2,
    });
    expect(removedOption).toMatchObject({ key: 'agent_used_name', options: [{ key: 'ja' }, { key: 'nei' }] });

    const questions = await run('reorderQuestions', {
      performance: 'engagement',
      keys: ['agent_used_name', 'agent_engaged'],
    });
    expect(questions.data.map((q: { key: string }) => q.key)).toEqual(['agent_used_name', 'agent_engaged']);
    await run('reorderQuestions', { performance: 'engagement', keys: ['agent_engaged', 'agent_used_name'] });

    const pointsChange = await run('updateOption', {
      question: 'welcome_easy_contact',
      key: 'yes',
      version: (await row.option('welcome_easy_contact', 'yes')).version,
      input: { points: 3 },
    });
    expect(pointsChange.points).toBe(3);

    const comment = await run('addQuestion', {
      performance: 'engagement',
      input: {
        text: [{ locale: 'nb', text: 'Kommentar' }],
        type: 'comment',
        channels: ['phone'],
        scored: false,
      },
    });
    const removed = await run('removeQuestion', { key: comment.key, version: comment.version });
    expect(removed.questions.map((q: { key: string }) => q.key)).toEqual([
      'agent_engaged',
      'agent_used_name',
    ]);
  });

  it('setChannelRule: the domain checks maxWait, attempts and bands; a valid change is stored sorted', async () => {
    const { version } = await row.channel('phone');
    const invalid = await refused('setChannelRule', {
      key: 'phone',
      version,
      input: { maxWait: 0, maxAttempts: 0, waitingBands: [] },
    });
    expect(invalid.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual([
      'input.maxAttempts',
      'input.maxWait',
      'input.waitingBands',
    ]);
    const lastBand = await refused('setChannelRule', {
      key: 'phone',
      version,
      input: { maxWait: 12, waitingBands: [{ upTo: 5, points: 1 }] },
    });
    expect(lastBand.fieldErrors).toEqual([
      {
        path: 'input.waitingBands[0].upTo',
        message: 'the last waiting band must end at the maximum wait (12)',
      },
    ]);
    const ok = await run('setChannelRule', {
      key: 'phone',
      version,
      input: {
        maxWait: 12,
        maxAttempts: 4,
        waitingBands: [
          { upTo: 12, points: 1 },
          { upTo: 2, points: 2 },
        ],
      },
    });
    expect(ok).toMatchObject({
      maxWait: 12,
      maxAttempts: 4,
      version: version + 1,
      waitingBands: [
        { upTo: 2, points: 2 },
        { upTo: 12, points: 1 },
      ],
    });
  });

  it('a published edition is read-only; unknown editions and items are NotFoundError', async () => {
    const area = await app.db.prisma.area.findFirstOrThrow({
      where: { key: 'agent', edition: { key: 'KSP24' } },
    });
    for (const [name, variables] of [
      ['updateArea', { key: 'agent', version: area.version, input: { weight: 1 } }],
      ['addQuestion', ANY_VARIABLES.addQuestion],
      ['removeOption', { question: 'agent_listening', key: 'great', version: 1 }],
      ['reorderAreas', { keys: [] }],
    ] as const) {
      const result = await run(name, { ...variables, e: 'KSP24' });
      expect(result, name).toMatchObject({
        __typename: 'ReadOnlyEditionError',
        editionKey: 'KSP24',
        status: 'published',
      });
      expect(result.message).toMatch(/read-only/);
    }
    expect(await run('updateArea', { e: 'KSP99', key: 'agent', version: 1, input: {} })).toMatchObject({
      __typename: 'NotFoundError',
      resource: 'Edition',
    });
    expect(await run('updatePerformance', { key: 'nope', version: 1, input: {} })).toMatchObject({
      __typename: 'NotFoundError',
      resource: 'Performance',
      key: 'KSP25/nope',
    });
  });

  it('every accepted change is in the audit trail with the admin, before and after', async () => {
    const admin = await app.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.org' } });
    const entries = await app.db.prisma.auditEntry.findMany({
      where: { editionId: { not: null } },
      orderBy: { at: 'asc' },
    });
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'area.add',
      'area.update',
      'area.reorder',
      'area.remove',
      'performance.add',
      'performance.update',
      'performance.reorder',
      'performance.remove',
      'question.add',
      'question.update',
      'question.reorder',
      'question.remove',
      'option.add',
      'option.update',
      'option.reorder',
      'option.remove',
      'channel.update',
    ])
      expect(actions, action).toContain(action);
    expect(entries.every((e) => e.actorId === admin.id)).toBe(true);
    const update = entries.find(
      (e) => e.action === 'option.update' && e.entityId === 'KSP25/welcome_easy_contact/yes',
    );
    expect(update).toMatchObject({ entityType: 'AnswerOption', before: { points: 2 }, after: { points: 3 } });
  });

  it('the definition diff against KSP24 shows the renamed performance, the chat-only question and the points change', async () => {
    const { data } = await app.gql(
      `{ editionDiff(fromKey: "KSP24", toKey: "KSP25") { ... on EditionDiff { changes { level kind key after summary(locale: en) } } } }`,
      {},
      app.tokens.admin,
    );
    const changes: { level: string; kind: string; key: string; after: unknown }[] = data?.editionDiff.changes;
    expect(changes).toContainEqual(
      expect.objectContaining({ level: 'performance', kind: 'renamed', key: 'listening' }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        level: 'question',
        kind: 'added',
        key: 'agent_used_name',
        after: expect.objectContaining({ channels: ['chat'] }),
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ level: 'question', kind: 'pointsChanged', key: 'welcome_easy_contact' }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ level: 'channel', key: 'phone' }));
  });
});
