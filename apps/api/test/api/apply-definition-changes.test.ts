import { testDatabaseKinds } from '@ksp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

// The editor's one save: a list of definition changes applied all or nothing, with typed problems per
// change, field-level merge of concurrent edits, and refusal of published editions.

const APPLY = `mutation($e: String!, $changes: [DefinitionChangeInput!]!) {
  applyDefinitionChanges(editionKey: $e, changes: $changes) {
    __typename
    ... on DefinitionChangesApplied { editionVersion applied mergedChanges edition { version } }
    ... on DefinitionChangesRefusedError {
      message
      problems { changeIndex path code params { name value } item { level key questionKey } }
      conflicts { changeIndex item { level key } sentVersion currentVersion fields current }
    }
    ... on ReadOnlyEditionError { editionKey status }
    ... on Error { message }
  }
}`;

const DEFINITION = `query($e: String!) { edition(key: $e) { version scoring { headlineAreaKey }
  areas { key version name(locale: nb) performances { key questions { key version nb: text(locale: nb) en: text(locale: en) } } } } }`;

describe.each(testDatabaseKinds())('applyDefinitionChanges on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
  });
  afterAll(async () => {
    await app?.close();
  });

  type Definition = {
    version: number;
    scoring: { headlineAreaKey: string | null };
    areas: {
      key: string;
      version: number;
      name: string;
      performances: { key: string; questions: { key: string; version: number; nb: string; en: string }[] }[];
    }[];
  };
  const read = async (e = 'KSP25') =>
    (await app.gql(DEFINITION, { e }, app.tokens.admin)).data?.edition as Definition;
  const apply = async (changes: unknown[], e = 'KSP25') =>
    (await app.gql(APPLY, { e, changes }, app.tokens.admin)).data?.applyDefinitionChanges;
  const firstQuestion = (definition: Definition) => {
    const question = definition.areas[1]?.performances[0]?.questions[0];
    if (!question) throw new Error('the seed has questions');
    return question;
  };

  it('saves a list of changes in one go', async () => {
    const before = await read();
    const area = before.areas[0];
    const question = firstQuestion(before);
    if (!area) throw new Error('seed');
    const result = await apply([
      { updateArea: { key: area.key, version: area.version, name: [{ locale: 'nb', text: 'Nytt navn' }] } },
      {
        updateQuestion: {
          key: question.key,
          version: question.version,
          text: [{ locale: 'en', text: 'Reworded' }],
        },
      },
      { updateScoring: { version: before.version, headlineAreaKey: area.key } },
    ]);
    expect(result).toMatchObject({
      __typename: 'DefinitionChangesApplied',
      applied: 3,
      editionVersion: before.version + 1,
    });
    const after = await read();
    expect(after.areas[0]?.name).toBe('Nytt navn');
    expect(firstQuestion(after).en).toBe('Reworded');
    expect(after.scoring.headlineAreaKey).toBe(area.key);
  });

  it('changes nothing when the last change is invalid, naming it with path and code', async () => {
    const before = await read();
    const area = before.areas[0];
    const question = firstQuestion(before);
    if (!area) throw new Error('seed');
    const result = await apply([
      {
        updateArea: {
          key: area.key,
          version: area.version,
          name: [{ locale: 'nb', text: 'Skal ikke lagres' }],
        },
      },
      {
        updateQuestion: {
          key: question.key,
          version: question.version,
          text: [
            { locale: 'nb', text: null },
            { locale: 'en', text: null },
          ],
        },
      },
    ]);
    expect(result.__typename).toBe('DefinitionChangesRefusedError');
    expect(result.problems).toEqual([
      expect.objectContaining({
        changeIndex: 1,
        code: 'TEXT_REQUIRED',
        item: { level: 'question', key: question.key, questionKey: null },
      }),
    ]);
    expect(await read()).toEqual(before);
  });

  it('reports a change that does not parse with its request path and code', async () => {
    const result = await apply([
      { addArea: { key: 'Bad Key', name: [{ locale: 'nb', text: 'X' }], counting: 'scored' } },
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ changeIndex: 0, path: 'changes[0].addArea.key', code: 'INVALID_KEY' }),
    ]);
  });

  it('merges another admin’s edit of another field, and shows a conflict on the same field', async () => {
    const question = firstQuestion(await read());
    const base = question.version;
    const nbChange = {
      updateQuestion: { key: question.key, version: base, text: [{ locale: 'nb', text: 'Første admin' }] },
    };
    expect((await apply([nbChange])).__typename).toBe('DefinitionChangesApplied');
    const merged = await apply([
      {
        updateQuestion: { key: question.key, version: base, text: [{ locale: 'en', text: 'Second admin' }] },
      },
    ]);
    expect(merged).toMatchObject({ __typename: 'DefinitionChangesApplied', mergedChanges: [0] });
    expect(firstQuestion(await read())).toMatchObject({ nb: 'Første admin', en: 'Second admin' });
    const conflict = await apply([
      { updateQuestion: { key: question.key, version: base, text: [{ locale: 'nb', text: 'Andre admin' }] } },
    ]);
    expect(conflict.__typename).toBe('DefinitionChangesRefusedError');
    expect(conflict.conflicts).toEqual([
      expect.objectContaining({
        changeIndex: 0,
        sentVersion: base,
        currentVersion: base + 2,
        fields: ['text.nb'],
      }),
    ]);
  });

  it('refuses a published edition', async () => {
    const published = await read('KSP24');
    const result = await apply(
      [{ updateScoring: { version: published.version, headlineAreaKey: null } }],
      'KSP24',
    );
    expect(result).toMatchObject({
      __typename: 'ReadOnlyEditionError',
      editionKey: 'KSP24',
      status: 'published',
    });
  });

  it('is for admins only', async () => {
    const response = await app.gql(APPLY, { e: 'KSP25', changes: [] }, app.tokens.analyst);
    expect(response.data?.applyDefinitionChanges.__typename).toBe('ForbiddenError');
  });
});
