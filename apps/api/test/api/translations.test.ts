import { loadEdition } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { exportTranslationRows } from '@ksp/domain';
import { readTranslationFile, writeTranslationFile } from '@ksp/exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const EXPORT = `query($edition: String!, $format: TranslationFileFormat!) {
  translationExport(editionKey: $edition, format: $format) { editionKey format filename mimeType encoding content texts } }`;
const IMPORT = `mutation($edition: String!, $format: TranslationFileFormat!, $content: String!, $dryRun: Boolean!) {
  importTranslations(editionKey: $edition, format: $format, content: $content, dryRun: $dryRun) {
    __typename
    ... on TranslationImportReport {
      dryRun applied editionVersion
      changed { key locale before after }
      missing { key locale context }
      unknownRows { line key message }
      duplicateRows { line key }
      unreadableRows { line key }
    }
    ... on ValidationError { fieldErrors { path message } }
    ... on ReadOnlyEditionError { editionKey status }
    ... on Error { message }
  } }`;

describe.each(testDatabaseKinds())('translation round trip (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let newQuestionKey: string;

  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    // A question added to the draft in Norwegian only, as happens before the translators get the file.
    const question = await app.db.prisma.question.findFirstOrThrow({
      where: { edition: { key: 'KSP25' } },
      orderBy: { id: 'desc' },
    });
    newQuestionKey = question.key;
    await app.db.prisma.question.update({
      where: { id: question.id },
      data: { text: { nb: 'Fikk du svar på det du lurte på?' } },
    });
  });
  afterAll(() => app?.close());

  const exportFile = async (format: 'csv' | 'xlsx', edition = 'KSP25') =>
    (await app.gql(EXPORT, { edition, format }, app.tokens.admin)).data?.translationExport;
  const importFile = async (
    content: string,
    options: { format?: string; dryRun?: boolean; edition?: string } = {},
  ) =>
    (
      await app.gql(
        IMPORT,
        {
          edition: options.edition ?? 'KSP25',
          format: options.format ?? 'csv',
          content,
          dryRun: options.dryRun ?? false,
        },
        app.tokens.admin,
      )
    ).data?.importTranslations;
  const channel = (key: string) =>
    app.db.prisma.channelRule.findFirstOrThrow({ where: { key, edition: { key: 'KSP25' } } });
  const editionVersion = async () =>
    (await app.db.prisma.edition.findUniqueOrThrow({ where: { key: 'KSP25' } })).version;

  it('exports one row per text with a key, a context and nb/en columns', async () => {
    const file = await exportFile('csv');
    const edition = await loadEdition(app.db, 'KSP25');
    expect(file).toMatchObject({
      editionKey: 'KSP25',
      format: 'csv',
      filename: 'KSP25-texts.csv',
      mimeType: 'text/csv; charset=utf-8',
      encoding: 'utf8',
      texts: exportTranslationRows(edition).length,
    });
    const lines = file.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('key,context,nb,en');
    expect(lines).toContain('channel/phone#name,name · channel,Telefon,Telephone');
    expect(lines.find((l: string) => l.startsWith(`question/${newQuestionKey}#text,`))).toMatch(
      /,Fikk du svar på det du lurte på\?,$/,
    );

    const xlsx = await exportFile('xlsx');
    expect(xlsx.encoding).toBe('base64');
    const rows = (await readTranslationFile(Buffer.from(xlsx.content, 'base64'), 'xlsx')).rows;
    expect(rows).toEqual(exportTranslationRows(edition, edition.locales));
  });

  it('an unchanged file changes nothing, and reports the English text still missing', async () => {
    const before = await editionVersion();
    const report = await importFile((await exportFile('csv')).content);
    expect(report).toMatchObject({ __typename: 'TranslationImportReport', applied: false, changed: [] });
    expect(report.missing).toEqual([
      {
        key: `question/${newQuestionKey}#text`,
        locale: 'en',
        context: expect.stringMatching(/^question text · /),
      },
    ]);
    expect(report.unknownRows).toEqual([]);
    expect(await editionVersion()).toBe(before);
  });

  it('export → edit two texts → import: both reported and written, versions bumped, audited', async () => {
    const csv: string = (await exportFile('csv')).content;
    const edited = csv
      .replace(
        'channel/phone#name,name · channel,Telefon,Telephone',
        'channel/phone#name,name · channel,Telefon,Phone call',
      )
      .replace(
        'channel/email#name,name · channel,E-post,E-mail',
        'channel/email#name,name · channel,Epost,E-mail',
      );
    expect(edited).not.toBe(csv);
    const [phoneBefore, versionBefore] = [await channel('phone'), await editionVersion()];

    const preview = await importFile(edited, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, applied: false });
    expect(preview.changed).toHaveLength(2);
    expect((await channel('phone')).name).toEqual(phoneBefore.name);

    const report = await importFile(edited);
    expect(report).toMatchObject({ dryRun: false, applied: true, editionVersion: versionBefore + 1 });
    expect(report.changed).toEqual([
      { key: 'channel/phone#name', locale: 'en', before: 'Telephone', after: 'Phone call' },
      { key: 'channel/email#name', locale: 'nb', before: 'E-post', after: 'Epost' },
    ]);
    expect(report.missing.map((m: { key: string }) => m.key)).toEqual([`question/${newQuestionKey}#text`]);

    const phone = await channel('phone');
    expect(phone.name).toEqual({ nb: 'Telefon', en: 'Phone call' });
    expect(phone.version).toBe(phoneBefore.version + 1);
    expect((await channel('email')).name).toEqual({ nb: 'Epost', en: 'E-mail' });
    expect(await editionVersion()).toBe(versionBefore + 1);
    const entry = await app.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'edition.importTranslations', entityId: 'KSP25' },
    });
    expect(entry.after).toMatchObject({ rowsChanged: 2, version: versionBefore + 1 });

    // The same file again: nothing left to change.
    expect((await importFile(edited)).changed).toEqual([]);
  });

  it('XLSX round trip: the English text added in the workbook fills the gap', async () => {
    const xlsx = await exportFile('xlsx');
    const read = await readTranslationFile(Buffer.from(xlsx.content, 'base64'), 'xlsx');
    expect(read.rows.find((r) => r.path === `question/${newQuestionKey}`)?.en).toBe('');
    // The translator's workbook: the same file with the English cell filled in.
    const edition = await loadEdition(app.db, 'KSP25');
    const question = edition.areas
      .flatMap((a) => a.performances.flatMap((p) => p.questions))
      .find((q) => q.key === newQuestionKey);
    if (!question) throw new Error('question not found');
    question.text = { ...question.text, en: 'Did you get an answer to your question?' };
    const translated = (await writeTranslationFile(edition, 'xlsx')).toString('base64');
    const report = await importFile(translated, { format: 'xlsx' });
    expect(report.changed).toEqual([
      {
        key: `question/${newQuestionKey}#text`,
        locale: 'en',
        before: null,
        after: 'Did you get an answer to your question?',
      },
    ]);
    expect(report.missing).toEqual([]);
    const stored = await app.db.prisma.question.findFirstOrThrow({
      where: { key: newQuestionKey, edition: { key: 'KSP25' } },
    });
    expect(stored.text).toEqual({
      nb: 'Fikk du svar på det du lurte på?',
      en: 'Did you get an answer to your question?',
    });
  });

  it('reports unknown, duplicate and unreadable rows and applies the rest', async () => {
    const csv = [
      'key,context,nb,en',
      'channel/chat#name,,Chat,Live chat',
      'channel/chat#name,,Chat,Chat again',
      'area/nope#name,,Finnes ikke,Does not exist',
      'garbage,,x,y',
    ].join('\r\n');
    const report = await importFile(csv, { dryRun: true });
    expect(report.changed).toEqual([
      { key: 'channel/chat#name', locale: 'en', before: 'Chat', after: 'Live chat' },
    ]);
    expect(report.duplicateRows).toEqual([{ line: 3, key: 'channel/chat#name' }]);
    expect(report.unknownRows).toEqual([
      { line: 4, key: 'area/nope#name', message: 'no text of the edition has this key' },
    ]);
    expect(report.unreadableRows).toEqual([{ line: 5, key: 'garbage' }]);
  });

  it('refuses published editions (a dry run is fine), unreadable files, and non-admins', async () => {
    const published = (await exportFile('csv', 'KSP24')).content;
    expect(await importFile(published, { edition: 'KSP24' })).toEqual({
      __typename: 'ReadOnlyEditionError',
      editionKey: 'KSP24',
      status: 'published',
      message: expect.any(String),
    });
    expect(await importFile(published, { edition: 'KSP24', dryRun: true })).toMatchObject({
      __typename: 'TranslationImportReport',
      changed: [],
    });
    expect(await importFile('just,some\ncsv,text')).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'content', message: 'no "key" column in the first row' }],
    });
    expect(await importFile('not base64 at all!', { format: 'xlsx' })).toMatchObject({
      __typename: 'ValidationError',
    });
    expect((await importFile('', { edition: 'KSP99' })).__typename).toBe('NotFoundError');
    const analyst = await app.gql(
      IMPORT,
      { edition: 'KSP25', format: 'csv', content: published, dryRun: true },
      app.tokens.analyst,
    );
    expect(analyst.data?.importTranslations.__typename).toBe('ForbiddenError');
    const observer = await app.gql(EXPORT, { edition: 'KSP24', format: 'csv' }, app.tokens.observer);
    expect(observer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
