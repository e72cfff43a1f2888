import { type CompanyResult, scoreFigures } from '@ksp/domain';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { participantReportFile, resultsExportFile } from '../../src/export/export-file';
import { resultsTable } from '../../src/export/results-tables';
import { writeCsv } from '../../src/writers/csv-writer';
import {
  ksp23Results,
  ksp24Results,
  ksp24Source,
  ksp24SourceWithNames,
  reportCompanyKey,
  reportSource,
  tiedSource,
} from './results-fixture';

const HOSTILE_NAME = '=HYPERLINK("http://x","y")';

/** The figures a company row must show, straight from the domain's CompanyResult (not via the exporter). */
function expectedCompanyFigures(company: CompanyResult): Record<string, number | null> {
  const expected: Record<string, number | null> = {
    n: company.n,
    nAnswered: company.nAnswered,
    total: company.total,
    answeredOnly: company.answeredOnly,
    headline: company.headline,
    'cx.CSAT': company.cx.CSAT.mean,
    'cx.CES': company.cx.CES.mean,
    'cx.NPS': company.cx.NPS.score,
  };
  for (const area of company.areas) {
    expected[`area.${area.key}`] = area.countsInTotal && area.score !== null ? area.score : area.shadowScore;
  }
  for (const channel of company.channels) expected[`channel.${channel.key}`] = channel.total;
  return expected;
}

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types want its own Buffer type; the bytes are the same.
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const records: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    records.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return records;
}

describe('results export', () => {
  it('writes a CSV whose numbers read back exactly as the domain computed them', async () => {
    const file = await resultsExportFile(ksp24Source, { format: 'csv', locale: 'nb', view: 'companies' });
    expect(file.fileName).toBe('KSP24-companies.csv');
    const table = resultsTable(ksp24Source, 'companies', 'nb');
    const header = new Map(table.columns.map((c) => [c.key, c.header]));
    const parsed = Papa.parse<Record<string, string>>(file.body.toString('utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(table.columns.map((c) => c.header));
    expect(parsed.meta.fields).toContain('Totalresultat');
    expect(parsed.meta.fields).toContain('Kundebehandleren');
    expect(parsed.data).toHaveLength(ksp24Results.companies.length);
    for (const company of ksp24Results.companies) {
      const row = parsed.data.find((r) => r[header.get('companyKey') as string] === company.companyKey);
      expect(row, company.companyKey).toBeDefined();
      for (const [key, value] of Object.entries(expectedCompanyFigures(company))) {
        const cell = row?.[header.get(key) as string];
        expect(cell === '' ? null : Number(cell), `${company.companyKey} ${key}`).toBe(value);
      }
    }
  });

  it.each(['companies', 'industries', 'rankings'] as const)(
    'writes hostile company and industry names in the %s CSV as text, with an apostrophe',
    async (view) => {
      const file = await resultsExportFile(ksp24SourceWithNames(HOSTILE_NAME), {
        format: 'csv',
        locale: 'nb',
        view,
      });
      const text = file.body.toString('utf8');
      const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat();
      expect(cells).toContain(`'${HOSTILE_NAME}`);
      expect(cells).not.toContain(HOSTILE_NAME);
      // No cell anywhere starts with a formula character.
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
    },
  );

  it('writes text cells escaped and numbers as numbers, negative ones included', () => {
    const csv = writeCsv({
      name: 'test',
      columns: [
        { key: 'name', header: 'Name', format: 'text' },
        { key: 'delta', header: '-Delta', format: 'delta' },
        { key: 'ok', header: 'OK', format: 'boolean' },
      ],
      rows: [
        { name: '-3.5', delta: -3.5, ok: true },
        { name: '@SUM(A1)', delta: null, ok: false },
        { name: '\t=1', delta: 0, ok: null },
      ],
    });
    expect(csv.split('\r\n')).toEqual(["Name,'-Delta,OK", "'-3.5,-3.5,true", "'@SUM(A1),,false", "'\t=1,0,"]);
  });

  it('writes an XLSX with one sheet per view, frozen bold headers and percent formats', async () => {
    const file = await resultsExportFile(ksp24Source, { format: 'xlsx', locale: 'nb' });
    const workbook = await readWorkbook(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Selskaper', 'Bransjer', 'Rangering']);
    const companies = workbook.getWorksheet('Selskaper') as ExcelJS.Worksheet;
    expect(companies.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(companies.getRow(1).font?.bold).toBe(true);
    const totalColumn = companies.getRow(1).values as ExcelJS.CellValue[];
    const totalIndex = totalColumn.indexOf('Totalresultat');
    expect(companies.getRow(2).getCell(totalIndex).numFmt).toBe('0.0 %');
    expect(companies.getColumn(totalIndex).width).toBeGreaterThan(8);

    const table = resultsTable(ksp24Source, 'companies', 'nb');
    const header = new Map(table.columns.map((c) => [c.key, c.header]));
    const records = sheetRecords(companies);
    for (const company of ksp24Results.companies) {
      const row = records.find((r) => r[header.get('companyKey') as string] === company.companyKey);
      for (const [key, value] of Object.entries(expectedCompanyFigures(company))) {
        const cell = row?.[header.get(key) as string] ?? null;
        const column = table.columns.find((c) => c.key === key);
        const read = typeof cell === 'number' && column?.format === 'score' ? cell * 100 : cell;
        if (value === null) expect(read, `${company.companyKey} ${key}`).toBeNull();
        else expect(read as number, `${company.companyKey} ${key}`).toBeCloseTo(value, 9);
      }
    }

    const industries = sheetRecords(workbook.getWorksheet('Bransjer') as ExcelJS.Worksheet);
    expect(industries).toHaveLength(ksp24Results.industries.length);
    for (const industry of ksp24Results.industries) {
      const row = industries.find((r) => r.Bransjenøkkel === industry.industryKey);
      expect(row?.['Vinner (nøkkel)'] ?? null).toBe(industry.winner);
      expect((row?.Totalresultat as number) * 100).toBeCloseTo(industry.averages.total as number, 9);
    }
    const rankings = sheetRecords(workbook.getWorksheet('Rangering') as ExcelJS.Worksheet);
    const first = ksp24Results.industries[0];
    const ranked = rankings.filter((r) => r.Bransjenøkkel === first?.industryKey);
    expect(ranked.map((r) => r.Selskapsnøkkel)).toEqual(first?.entries.map((e) => e.companyKey));
    expect(ranked.map((r) => r.Plass ?? null)).toEqual(first?.entries.map((e) => e.position));
  });

  it('marks shared places and lists every winner of a shared first place (never one silent winner)', () => {
    const industry = tiedSource.results.industries.find((i) => i.winnerDecidedByKeyOrder);
    expect(industry?.winners).toHaveLength(2);
    const names = (industry?.winners ?? []).map(
      (key) => tiedSource.results.companies.find((c) => c.companyKey === key)?.name,
    );
    const industries = resultsTable(tiedSource, 'industries', 'nb').rows;
    const row = industries.find((r) => r.industryKey === industry?.industryKey);
    expect(row).toMatchObject({ winnerKey: industry?.winners[0], sharedWinners: names.join('; ') });
    // Industries with a clear winner (or none) leave the column empty.
    expect(industries.filter((r) => r.sharedWinners !== null)).toHaveLength(1);
    const ranking = resultsTable(tiedSource, 'rankings', 'nb').rows.filter(
      (r) => r.industryKey === industry?.industryKey,
    );
    expect(ranking.slice(0, 3).map((r) => [r.position, r.sharedPlace])).toEqual([
      [1, true],
      [1, true],
      [3, false],
    ]);
    expect(resultsTable(tiedSource, 'rankings', 'en').columns.map((c) => c.header)).toContain('Shared place');
  });

  it('uses English headers when asked', async () => {
    const file = await resultsExportFile(ksp24Source, { format: 'xlsx', locale: 'en', view: 'industries' });
    const workbook = await readWorkbook(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Industries']);
    const headers = ((workbook.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1);
    expect(headers).toContain('Total score');
    expect(headers).toContain('Winner (key)');
    expect(headers).toContain('The agent');
  });

  it('gives a participant its result beside its industry average and last year', async () => {
    const file = await participantReportFile(reportSource, 'nb');
    expect(file.fileName).toBe(`KSP24-${reportCompanyKey}.xlsx`);
    const workbook = await readWorkbook(file.body);
    const rows = sheetRecords(workbook.worksheets[0] as ExcelJS.Worksheet);
    const company = ksp24Results.companies.find((c) => c.companyKey === reportCompanyKey) as CompanyResult;
    const industry = ksp24Results.industries.find((i) => i.industryKey === company.industryKey);
    const before = ksp23Results.companies.find((c) => c.companyKey === reportCompanyKey) as CompanyResult;
    const total = rows.find((r) => r.Type === 'total');
    expect(total?.Tall).toBe('Totalresultat');
    expect((total?.Selskapet as number) * 100).toBeCloseTo(company.total as number, 9);
    expect((total?.Bransjesnitt as number) * 100).toBeCloseTo(industry?.averages.total as number, 9);
    expect(total?.['Mot bransjesnitt'] as number).toBeCloseTo(
      (company.total as number) - (industry?.averages.total as number),
      9,
    );
    expect((total?.['I fjor (KSP23)'] as number) * 100).toBeCloseTo(before.total as number, 9);
    expect(total?.['Endring fra i fjor'] as number).toBeCloseTo(
      (company.total as number) - (before.total as number),
      9,
    );
    // CX rows hold means, not percentages.
    const nps = rows.find((r) => r.Type === 'cx' && r.Nøkkel === 'NPS');
    expect(nps?.Selskapet ?? null).toBe(scoreFigures(company).cx.NPS);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const npsRow = rows.indexOf(nps as (typeof rows)[number]) + 2;
    expect(sheet.getRow(npsRow).getCell(4).numFmt).toBe('0');

    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Resultater', 'Om rapporten']);
    const about = sheetRecords(workbook.worksheets[1] as ExcelJS.Worksheet);
    const value = (label: string) => about.find((r) => r.Om === label)?.Verdi;
    const industryEntry = industry?.entries.find((e) => e.companyKey === reportCompanyKey);
    expect(value('Selskap')).toBe(`${company.name} (${company.companyKey})`);
    expect(value('Kontakter (n)')).toBe(company.n);
    expect(value('Plass i bransjen') ?? null).toBe(industryEntry?.position ?? null);
  });
});
