import { testDatabaseKinds } from '@ksp/db/testing';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithDatabase } from '../helpers/test-server';

const RESULTS = `query($key: String!) { editionResults(editionKey: $key) {
  ... on EditionResults {
    companies { companyKey name n nAnswered total answeredOnly headline channels { key total } }
    industries { industryKey winner }
  }
} }`;

type ErrorBody = { errors: { message: string; extensions: { code: string } }[] };
type Document = {
  format: string;
  participants: unknown[];
  evaluations: { editionKey: string }[];
};

type ServedCompany = {
  companyKey: string;
  name: string;
  n: number;
  nAnswered: number;
  total: number | null;
  answeredOnly: number | null;
  headline: number | null;
  channels: { key: string; total: number | null }[];
};

describe.each(testDatabaseKinds())('export downloads on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let served: ServedCompany[];
  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    const result = await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst);
    served = result.data?.editionResults.companies;
  });
  afterAll(() => app?.close());

  const download = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses anonymous callers (401), unknown tokens (401) and observers (403) with JSON errors', async () => {
    for (const path of [
      '/exports/results/KSP24.xlsx',
      '/exports/company/KSP24/x.xlsx',
      '/exports/edition/KSP24.json',
    ]) {
      const anonymous = await download(path);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await anonymous.json()) as ErrorBody).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect((await download(path, 'ses_not-a-real-token')).status).toBe(401);
      const observer = await download(path, app.tokens.observer);
      expect(observer.status, path).toBe(403);
      expect(((await observer.json()) as ErrorBody).errors[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('answers 404 for an unknown edition or company and 400 for bad parameters, as JSON', async () => {
    const missing = await download('/exports/results/KSP99.csv', app.tokens.analyst);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).errors[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await download('/exports/company/KSP24/no-such-company.xlsx', app.tokens.analyst)).status).toBe(
      404,
    );
    expect((await download('/exports/results/KSP24.pdf', app.tokens.analyst)).status).toBe(404);
    const badView = await download('/exports/results/KSP24.csv?view=everything', app.tokens.analyst);
    expect(badView.status).toBe(400);
    expect(((await badView.json()) as ErrorBody).errors[0]?.message).toContain('view must be one of');
    expect((await download('/exports/results/KSP24.csv?locale=de', app.tokens.analyst)).status).toBe(400);
  });

  it('gives analysts a companies CSV whose numbers equal the API’s editionResults', async () => {
    const response = await download(
      '/exports/results/KSP24.csv?view=companies&locale=en',
      app.tokens.analyst,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('filename="KSP24-companies.csv"');
    const parsed = Papa.parse<Record<string, string>>(await response.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(served.length);
    const number = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));
    for (const company of served) {
      const row = parsed.data.find((r) => r['Company key'] === company.companyKey);
      expect(row?.Company).toBe(company.name);
      expect(number(row?.['Contacts (n)'])).toBe(company.n);
      expect(number(row?.['Answered contacts'])).toBe(company.nAnswered);
      expect(number(row?.['Total score'])).toBe(company.total);
      expect(number(row?.['Score, answered only'])).toBe(company.answeredOnly);
      expect(number(row?.['The agent'])).toBe(company.headline);
    }
  });

  it('gives admins the XLSX workbook with every view and numbers equal to editionResults', async () => {
    const response = await download('/exports/results/KSP24.xlsx', app.tokens.admin);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Selskaper', 'Bransjer', 'Rangering']);
    const sheet = workbook.getWorksheet('Selskaper') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const col = (header: string) => headers.indexOf(header) + 1;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const company = served.find((c) => c.companyKey === row.getCell(col('Selskapsnøkkel')).value);
      expect(company).toBeDefined();
      const total = row.getCell(col('Totalresultat')).value as number | null;
      if (company?.total === null) expect(total).toBeNull();
      else expect((total as number) * 100).toBeCloseTo(company?.total as number, 9);
      expect(row.getCell(col('Totalresultat')).numFmt).toBe('0.0 %');
    });
  });

  it('gives a participant report with last year, and the edition as JSON', async () => {
    const company = served.find((c) => c.n > 0) as ServedCompany;
    const report = await download(`/exports/company/KSP24/${company.companyKey}.xlsx`, app.tokens.analyst);
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await report.arrayBuffer());
    const headers = ((workbook.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Selskapet', 'Bransjesnitt', 'I fjor (KSP23)']));
    const json = await download('/exports/edition/KSP24.json?evaluations=true', app.tokens.analyst);
    expect(json.status).toBe(200);
    const document = (await json.json()) as Document;
    expect(document).toMatchObject({ format: 'ksp-edition', version: 1, edition: { key: 'KSP24' } });
    expect(document.evaluations.length).toBeGreaterThan(0);
  });

  it('lists the download links on Edition.exportLinks for analysts only', async () => {
    const query = `{ edition(key: "KSP24") { exportLinks(locale: en) {
      resultsXlsx companiesCsv industriesCsv rankingsCsv companyReport(companyKey: "a b") editionJson(withEvaluations: true)
    } } }`;
    const analyst = await app.gql(query, {}, app.tokens.analyst);
    expect(analyst.data?.edition.exportLinks).toEqual({
      resultsXlsx: '/exports/results/KSP24.xlsx?locale=en',
      companiesCsv: '/exports/results/KSP24.csv?view=companies&locale=en',
      industriesCsv: '/exports/results/KSP24.csv?view=industries&locale=en',
      rankingsCsv: '/exports/results/KSP24.csv?view=rankings&locale=en',
      companyReport: '/exports/company/KSP24/a%20b.xlsx?locale=en',
      editionJson: '/exports/edition/KSP24.json?evaluations=true',
    });
    for (const link of ['resultsXlsx', 'companiesCsv'] as const)
      expect((await download(analyst.data?.edition.exportLinks[link], app.tokens.analyst)).status).toBe(200);
    const observer = await app.gql(query, {}, app.tokens.observer);
    expect(observer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('importEditionJson: admins import a downloaded edition under a new key; a taken key is a ConflictError', async () => {
    const document = (await (
      await download('/exports/edition/KSP24.json?evaluations=true', app.tokens.admin)
    ).json()) as Document;
    const IMPORT = `mutation($document: JSON!, $newKey: String) { importEditionJson(document: $document, newKey: $newKey) {
      __typename
      ... on EditionImportResult { editionKey evaluations participants derivedFromDropped observersMissing }
      ... on Error { message }
    } }`;
    const imported = await app.gql(IMPORT, { document, newKey: 'KSP24COPY' }, app.tokens.admin);
    expect(imported.data?.importEditionJson).toEqual({
      __typename: 'EditionImportResult',
      editionKey: 'KSP24COPY',
      evaluations: document.evaluations.length,
      participants: document.participants.length,
      derivedFromDropped: null,
      observersMissing: [],
    });
    const again = (await (
      await download('/exports/edition/KSP24COPY.json?evaluations=true', app.tokens.admin)
    ).json()) as Document;
    expect(again.evaluations).toEqual(document.evaluations.map((e) => ({ ...e, editionKey: 'KSP24COPY' })));
    const taken = await app.gql(IMPORT, { document }, app.tokens.admin);
    expect(taken.data?.importEditionJson.__typename).toBe('ConflictError');
    expect(taken.data?.importEditionJson.message).toContain('KSP24 already exists');
    const invalid = await app.gql(IMPORT, { document: { format: 'x' } }, app.tokens.admin);
    expect(invalid.data?.importEditionJson.__typename).toBe('ValidationError');
    const analyst = await app.gql(IMPORT, { document, newKey: 'KSP24X' }, app.tokens.analyst);
    expect(analyst.data?.importEditionJson.__typename).toBe('ForbiddenError');
    const audit = await app.db.prisma.auditEntry.findFirst({ where: { action: 'edition.import' } });
    expect(audit).not.toBeNull();
  });
});
