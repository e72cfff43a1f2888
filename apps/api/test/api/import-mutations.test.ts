import { listParticipants, loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { type Evaluation, evaluationToRow } from '@ksp/domain';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';
import { readXlsxRecords } from '@ksp/exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluationsToCsv,
  headerOf,
  toCsv,
  toXlsx,
} from '../../../../packages/exchange/test/support/fieldwork-fixture';
import { USERS } from '../helpers/test-data';
import { startServerWithDatabase } from '../helpers/test-server';

const IMPORT = `mutation($editionKey: String!, $format: ImportFormat!, $content: String!, $dryRun: Boolean, $maxProblems: Int, $progressId: String) {
  importEvaluations(editionKey: $editionKey, format: $format, content: $content, dryRun: $dryRun, maxProblems: $maxProblems, progressId: $progressId) {
    __typename
    ... on EvaluationImportReport { editionKey format dryRun rows inserted skipped written problemCount truncated problems { row column message code params { name value } } }
    ... on ValidationError { fieldErrors { path message code } }
    ... on Error { message }
  }
}`;

const TEMPLATE = `query($editionKey: String!, $format: ImportFormat!) {
  evaluationImportTemplate(editionKey: $editionKey, format: $format) {
    __typename
    ... on EvaluationImportTemplate { fileName mediaType encoding content }
    ... on Error { message }
  }
}`;

describe.each(testDatabaseKinds())('importEvaluations and the template over HTTP (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let fresh: Evaluation[];
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    // New contacts for the test data's participants, on the channels each is measured on.
    const participants = new Map((await listParticipants(app.db, 'KSP24')).map((p) => [p.key, p]));
    fresh = generateDemoEvaluations(
      ksp24,
      demoCompanies.filter((c) => participants.has(c.key)),
      { seed: 99, contactsPerCompany: 3 },
    )
      .filter((e) => participants.get(e.companyKey)?.channels.includes(e.channel))
      .map((e) => ({ ...e, id: `api-${e.id}`, rolePlayKey: null, observerKey: USERS.observer }));
  });
  afterAll(() => app?.close());

  const importAs = (token: string, variables: Record<string, unknown>) =>
    app.gql(IMPORT, { editionKey: 'KSP24', format: 'CSV', ...variables }, token);
  const storedFresh = async () =>
    (await loadEvaluations(app.db, 'KSP24')).filter((e) => e.id.startsWith('api-')).length;

  it('admins get the template as CSV text or base64 XLSX; others are forbidden', async () => {
    const csv = (await app.gql(TEMPLATE, { editionKey: 'KSP24', format: 'CSV' }, app.tokens.admin)).data
      ?.evaluationImportTemplate;
    expect(csv).toMatchObject({
      __typename: 'EvaluationImportTemplate',
      fileName: 'KSP24-fieldwork.csv',
      encoding: 'utf8',
    });
    expect(
      csv.content
        .replace(/^\uFEFF/, '')
        .trim()
        .split(','),
    ).toEqual(headerOf());
    const xlsx = (await app.gql(TEMPLATE, { editionKey: 'KSP24', format: 'XLSX' }, app.tokens.admin)).data
      ?.evaluationImportTemplate;
    expect(xlsx).toMatchObject({ encoding: 'base64', mediaType: expect.stringContaining('spreadsheetml') });
    const records = [];
    for await (const r of readXlsxRecords({ bytes: Buffer.from(xlsx.content, 'base64') })) records.push(r);
    expect(records[0]?.cells).toEqual(headerOf());
    const analyst = await app.gql(TEMPLATE, { editionKey: 'KSP24', format: 'CSV' }, app.tokens.analyst);
    expect(analyst.data?.evaluationImportTemplate.__typename).toBe('ForbiddenError');
    const unknown = await app.gql(TEMPLATE, { editionKey: 'KSP99', format: 'CSV' }, app.tokens.admin);
    expect(unknown.data?.evaluationImportTemplate.__typename).toBe('NotFoundError');
  });

  it('a dry run reports and writes nothing; the import stores every row; again stores nothing twice', async () => {
    const content = evaluationsToCsv(fresh);
    const dry = await importAs(app.tokens.admin, { content, dryRun: true });
    expect(dry.data?.importEvaluations).toMatchObject({
      __typename: 'EvaluationImportReport',
      dryRun: true,
      rows: fresh.length,
      inserted: fresh.length,
      written: false,
      problemCount: 0,
    });
    expect(await storedFresh()).toBe(0);

    const first = await importAs(app.tokens.admin, { content });
    expect(first.data?.importEvaluations).toMatchObject({
      inserted: fresh.length,
      skipped: 0,
      written: true,
    });
    expect(await storedFresh()).toBe(fresh.length);

    const again = await importAs(app.tokens.admin, { content });
    expect(again.data?.importEvaluations).toMatchObject({ inserted: 0, skipped: fresh.length });
    expect(await storedFresh()).toBe(fresh.length);

    const audit = await app.db.prisma.auditEntry.findMany({ where: { action: 'evaluations.import' } });
    expect(audit).toHaveLength(1);
  });

  it('XLSX is sent as base64; progress can be polled by the id the client chose', async () => {
    const rows = fresh.slice(0, 5).map((e) => evaluationToRow({ ...e, id: `${e.id}-x` }));
    const content = (await toXlsx(rows)).toString('base64');
    const result = await importAs(app.tokens.admin, { format: 'XLSX', content, progressId: 'p-1' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.importEvaluations).toMatchObject({ format: 'XLSX', inserted: 5, written: true });
    const PROGRESS =
      'query($id: String!) { evaluationImportProgress(progressId: $id) { phase rows totalRows finished } }';
    const progress = await app.gql(PROGRESS, { id: 'p-1' }, app.tokens.admin);
    expect(progress.data?.evaluationImportProgress).toEqual({
      phase: 'writing',
      rows: 5,
      totalRows: 5,
      finished: true,
    });
    expect(
      (await app.gql(PROGRESS, { id: 'nope' }, app.tokens.admin)).data?.evaluationImportProgress,
    ).toBeNull();
    expect((await app.gql(PROGRESS, { id: 'p-1' }, app.tokens.analyst)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('problems come back with row and column, capped by maxProblems, and nothing is stored', async () => {
    const rows = fresh
      .slice(0, 4)
      .map((e) => ({ ...evaluationToRow({ ...e, id: `${e.id}-p` }), company: 'nobody' }));
    const before = await storedFresh();
    const result = await importAs(app.tokens.admin, { content: toCsv(rows), maxProblems: 2 });
    expect(result.data?.importEvaluations).toMatchObject({
      written: false,
      inserted: 0,
      problemCount: 4,
      truncated: true,
      problems: [
        {
          row: 2,
          column: 'company',
          message: 'company "nobody" does not exist',
          code: 'UNKNOWN_COMPANY',
          params: [{ name: 'companyKey', value: 'nobody' }],
        },
        { row: 3, column: 'company', message: 'company "nobody" does not exist', code: 'UNKNOWN_COMPANY' },
      ],
    });
    expect(await storedFresh()).toBe(before);
  });

  it('every problem carries a code and the params to word it: cells that cannot be read and header problems too', async () => {
    const [first] = fresh;
    const row = { ...evaluationToRow({ ...(first as Evaluation), id: 'api-cells' }), answered: 'perhaps' };
    const cells = await importAs(app.tokens.admin, { content: toCsv([row]), dryRun: true });
    expect(cells.data?.importEvaluations.problems).toEqual([
      {
        row: 2,
        column: 'answered',
        message: '"perhaps" is not yes or no',
        code: 'INVALID_YES_NO',
        params: [
          { name: 'column', value: 'answered' },
          { name: 'value', value: 'perhaps' },
        ],
      },
    ]);
    const header = headerOf().filter((h) => h !== 'contacted_at');
    const missing = await importAs(app.tokens.admin, { content: toCsv([row], ',', header), dryRun: true });
    expect(missing.data?.importEvaluations.problems).toEqual([
      {
        row: 1,
        column: 'contacted_at',
        message: 'missing required column "contacted_at"',
        code: 'MISSING_COLUMN',
        params: [{ name: 'column', value: 'contacted_at' }],
      },
    ]);
  });

  it('typed errors: forbidden for non-admins, unknown edition, closed edition, content that is not base64; a file that is not a workbook is a reported problem', async () => {
    const content = evaluationsToCsv(fresh.slice(0, 1));
    for (const token of [app.tokens.analyst, app.tokens.observer]) {
      expect((await importAs(token, { content })).data?.importEvaluations.__typename).toBe('ForbiddenError');
    }
    expect(
      (await importAs(app.tokens.admin, { content, editionKey: 'KSP99' })).data?.importEvaluations.__typename,
    ).toBe('NotFoundError');
    expect(
      (await importAs(app.tokens.admin, { content, editionKey: 'KSP23' })).data?.importEvaluations.__typename,
    ).toBe('ReadOnlyEditionError');
    const notBase64 = await importAs(app.tokens.admin, { format: 'XLSX', content: 'this is not base64!' });
    expect(notBase64.data?.importEvaluations).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'content', code: 'FILE_NOT_BASE64' }],
    });
    // Base64 of bytes that are not a workbook: the report says so; nothing is stored.
    const notXlsx = await importAs(app.tokens.admin, {
      format: 'XLSX',
      content: Buffer.from(content).toString('base64'),
    });
    expect(notXlsx.errors).toBeUndefined();
    expect(notXlsx.data?.importEvaluations).toMatchObject({
      __typename: 'EvaluationImportReport',
      written: false,
      problemCount: 1,
      problems: [
        {
          row: 1,
          column: '',
          message: expect.stringContaining('not a readable XLSX workbook'),
          code: 'FILE_UNREADABLE',
          params: [{ name: 'detail', value: expect.any(String) }],
        },
      ],
    });
  });
});
