import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

describe.each(testDatabaseKinds())('queries and role boundaries (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  });
  afterAll(() => app.close());

  it('editions: observers see published and closed ones, analysts drafts too, anonymous nothing', async () => {
    const query = '{ editions { key status } }';
    const observer = await app.gql(query, {}, app.tokens.observer);
    expect(observer.data?.editions).toEqual([
      { key: 'KSP24', status: 'published' },
      { key: 'KSP23', status: 'closed' },
    ]);
    const analyst = await app.gql(query, {}, app.tokens.analyst);
    expect(analyst.data?.editions.map((e: { key: string }) => e.key)).toEqual(['KSP25', 'KSP24', 'KSP23']);
    const anonymous = await app.gql(query);
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('editions filters by year and status', async () => {
    const result = await app.gql(
      '{ editions(year: 2024) { key } closed: editions(status: closed) { key } }',
      {},
      app.tokens.admin,
    );
    expect(result.data).toEqual({ editions: [{ key: 'KSP24' }], closed: [{ key: 'KSP23' }] });
  });

  it('edition(key) returns the whole definition with texts in the requested locale', async () => {
    const result = await app.gql(
      `query($key: String!) { edition(key: $key) {
        key year status derivedFrom { key } scoring { areaWeighting headlineAreaKey } awards { minContacts }
        channels { key nb: name en: name(locale: en) waitUnit maxWait waitingBands { upTo points } maxAttempts version }
        areas { key name(locale: en) counting version performances { key name questions { key text(locale: en) type channels options { key label points } } } }
      } }`,
      { key: 'KSP25' },
      app.tokens.analyst,
    );
    const edition = result.data?.edition;
    expect(result.errors).toBeUndefined();
    expect(edition.derivedFrom).toEqual({ key: 'KSP24' });
    const phone = edition.channels.find((c: { key: string }) => c.key === 'phone');
    expect(phone.nb).not.toBe(phone.en);
    expect(edition.areas.length).toBeGreaterThan(0);
    expect(edition.areas[0].performances[0].questions[0].text.length).toBeGreaterThan(0);
  });

  it('the whole definition with every version, order and translation fits the default complexity limit', async () => {
    const texts = 'nameTranslations { locale text } descriptionTranslations { locale text }';
    const result = await app.gql(
      `query($key: String!) { edition(key: $key) {
        key version
        channels { key version order nameTranslations { locale text } waitingBands { upTo points } }
        areas { key version order counting weight ${texts}
          performances { key version order ${texts}
            questions { key version order type channels scored textTranslations { locale text }
              options { key version order points value labelTranslations { locale text } } } } }
      } }`,
      { key: 'KSP25' },
      app.tokens.admin,
    );
    expect(result.errors).toBeUndefined();
    type Q = { options: { version: number; labelTranslations: { locale: string }[] }[] };
    const option = result.data?.edition.areas
      .flatMap((a: { performances: { questions: Q[] }[] }) => a.performances)
      .flatMap((p: { questions: Q[] }) => p.questions)
      .flatMap((q: Q) => q.options)[0];
    expect(option.version).toBeGreaterThan(0);
    expect(option.labelTranslations.map((t: { locale: string }) => t.locale)).toContain('nb');
  });

  it('edition(key) hides drafts from observers (null, not data)', async () => {
    const result = await app.gql('{ edition(key: "KSP25") { key } }', {}, app.tokens.observer);
    expect(result.data?.edition).toBeNull();
  });

  it('industries and companies are readable by any signed-in user', async () => {
    const result = await app.gql(
      '{ industries { key name(locale: en) companies { key } } companies(industryKey: "bank") { key industry { key } } }',
      {},
      app.tokens.observer,
    );
    expect(result.data?.industries.map((i: { key: string }) => i.key)).toEqual(['bank', 'logistics']);
    expect(
      result.data?.companies.every((c: { industry: { key: string } }) => c.industry.key === 'bank'),
    ).toBe(true);
  });

  it('evaluations: analysts see all with totalCount and pages; observers only their own', async () => {
    const query = `query($filter: EvaluationFilter, $after: String) { evaluations(filter: $filter, first: 5, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { contactId observer { email } edition { key } } } } }`;
    const total = app.seeded.evaluationCounts.KSP24 as number;
    const analyst = await app.gql(query, { filter: { editionKey: 'KSP24' } }, app.tokens.analyst);
    expect(analyst.data?.evaluations.totalCount).toBe(total);
    expect(analyst.data?.evaluations.edges).toHaveLength(5);
    const next = await app.gql(
      query,
      { filter: { editionKey: 'KSP24' }, after: analyst.data?.evaluations.pageInfo.endCursor },
      app.tokens.analyst,
    );
    const firstIds = analyst.data?.evaluations.edges.map(
      (e: { node: { contactId: string } }) => e.node.contactId,
    );
    const nextIds = next.data?.evaluations.edges.map(
      (e: { node: { contactId: string } }) => e.node.contactId,
    );
    expect(nextIds.some((id: string) => firstIds.includes(id))).toBe(false);

    const observer = await app.gql(query, { filter: { editionKey: 'KSP24' } }, app.tokens.observer);
    // Evaluations alternate between the two observers: the first of every pair is ours, so ceil(total / 2).
    expect(observer.data?.evaluations.totalCount).toBe(Math.ceil(total / 2));
    expect(
      observer.data?.evaluations.edges.every(
        (e: { node: { observer: { email: string } } }) => e.node.observer.email === 'observer@example.org',
      ),
    ).toBe(true);
  });

  it('users is for admins only', async () => {
    const admin = await app.gql('{ users { email role } }', {}, app.tokens.admin);
    expect(admin.data?.users).toHaveLength(4);
    for (const token of [app.tokens.analyst, app.tokens.observer, null]) {
      const other = await app.gql('{ users { email } }', {}, token);
      expect(other.data).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('node(id) does not leak another observer’s evaluation', async () => {
    const all = await app.gql(
      '{ evaluations(first: 4) { edges { node { id observer { email } } } } }',
      {},
      app.tokens.analyst,
    );
    const foreign = all.data?.evaluations.edges.find(
      (e: { node: { observer: { email: string } } }) => e.node.observer.email !== 'observer@example.org',
    );
    const result = await app.gql(
      'query($id: ID!) { node(id: $id) { id ... on Evaluation { contactId } } }',
      { id: foreign.node.id },
      app.tokens.observer,
    );
    expect(result.data?.node ?? null).toBeNull();
  });

  it('evaluation(editionKey, contactId) finds one by its contact id; observers only their own', async () => {
    const query = `query($editionKey: String!, $contactId: String!) { evaluation(editionKey: $editionKey, contactId: $contactId) {
      id contactId edition { key } observer { email } } }`;
    const list =
      '{ evaluations(filter: { editionKey: "KSP24" }, first: 1) { edges { node { id contactId } } } }';
    const ownList = await app.gql(list, {}, app.tokens.observer);
    const own = ownList.data?.evaluations.edges[0]?.node as { id: string; contactId: string } | undefined;
    const all = await app.gql(
      '{ evaluations(filter: { editionKey: "KSP24" }, first: 10) { edges { node { contactId observer { email } } } } }',
      {},
      app.tokens.analyst,
    );
    const foreign = all.data?.evaluations.edges
      .map((e: { node: { contactId: string; observer: { email: string } } }) => e.node)
      .find((n: { observer: { email: string } }) => n.observer.email !== 'observer@example.org');
    if (!own || !foreign) throw new Error('expected evaluations of both observers');

    const found = await app.gql(query, { editionKey: 'KSP24', contactId: own.contactId }, app.tokens.analyst);
    expect(found.errors).toBeUndefined();
    expect(found.data?.evaluation).toMatchObject({
      id: own.id,
      contactId: own.contactId,
      edition: { key: 'KSP24' },
    });
    const mine = await app.gql(query, { editionKey: 'KSP24', contactId: own.contactId }, app.tokens.observer);
    expect(mine.data?.evaluation?.id).toBe(own.id);
    // The same rule as `evaluations` and `node(id)`: another observer's evaluation is not there for you.
    const hidden = await app.gql(
      query,
      { editionKey: 'KSP24', contactId: foreign.contactId },
      app.tokens.observer,
    );
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.evaluation).toBeNull();

    for (const vars of [
      { editionKey: 'KSP24', contactId: 'no-such-contact' },
      { editionKey: 'NOPE', contactId: own.contactId },
    ]) {
      const missing = await app.gql(query, vars, app.tokens.analyst);
      expect(missing.errors).toBeUndefined();
      expect(missing.data?.evaluation).toBeNull();
    }

    const typename = await app.gql(
      'query($contactId: String!) { evaluation(editionKey: "KSP24", contactId: $contactId) { __typename } }',
      { contactId: own.contactId },
      app.tokens.analyst,
    );
    expect(typename.errors).toBeUndefined();
    expect(typename.data?.evaluation).toEqual({ __typename: 'Evaluation' });

    const anonymous = await app.gql(query, { editionKey: 'KSP24', contactId: own.contactId }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('explainContact by (editionKey, contactId) equals explainContact by evaluationId; exactly one way', async () => {
    const explain = `query($evaluationId: ID, $editionKey: String, $contactId: String) {
      explainContact(evaluationId: $evaluationId, editionKey: $editionKey, contactId: $contactId) {
        __typename
        ... on ContactExplanation { editionKey contactId companyKey channel outcome answered total totalRule root { id } }
        ... on Error { message }
        ... on ValidationError { fieldErrors { path message } }
      } }`;
    const all = await app.gql(
      '{ evaluations(filter: { editionKey: "KSP24" }, first: 1) { edges { node { id contactId } } } }',
      {},
      app.tokens.analyst,
    );
    const { id, contactId } = (all.data?.evaluations.edges[0]?.node ?? {}) as {
      id: string;
      contactId: string;
    };

    const byId = await app.gql(explain, { evaluationId: id }, app.tokens.analyst);
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.explainContact.__typename).toBe('ContactExplanation');
    const byKey = await app.gql(explain, { editionKey: 'KSP24', contactId }, app.tokens.analyst);
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data?.explainContact).toEqual(byId.data?.explainContact);

    const unknown = await app.gql(
      explain,
      { editionKey: 'KSP24', contactId: 'no-such-contact' },
      app.tokens.analyst,
    );
    expect(unknown.data?.explainContact.__typename).toBe('NotFoundError');

    const cases: [Record<string, string>, string[]][] = [
      [{}, ['editionKey', 'contactId']],
      [{ editionKey: 'KSP24' }, ['contactId']],
      [{ contactId }, ['editionKey']],
      [{ evaluationId: id, editionKey: 'KSP24', contactId }, ['evaluationId']],
      [{ evaluationId: id, contactId }, ['evaluationId']],
    ];
    for (const [vars, paths] of cases) {
      const invalid = await app.gql(explain, vars, app.tokens.analyst);
      expect(invalid.errors, JSON.stringify(vars)).toBeUndefined();
      expect(invalid.data?.explainContact.__typename, JSON.stringify(vars)).toBe('ValidationError');
      expect(invalid.data?.explainContact.fieldErrors.map((e: { path: string }) => e.path)).toEqual(paths);
    }

    const typename = await app.gql(
      'query($contactId: String!) { explainContact(editionKey: "KSP24", contactId: $contactId) { __typename } }',
      { contactId },
      app.tokens.analyst,
    );
    expect(typename.errors).toBeUndefined();
    expect(typename.data?.explainContact).toEqual({ __typename: 'ContactExplanation' });
  });
});
