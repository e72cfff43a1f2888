import { exportTranslationRows, importTranslationRows } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  readTranslationFile,
  TranslationFileError,
  translationKey,
  writeTranslationFile,
} from '../../src/translations';

const firstQuestion = ksp24.areas[0]?.performances[0]?.questions[0];
if (!firstQuestion) throw new Error('KSP24 has questions');
const questionKey = `question/${firstQuestion.key}#text`;

const csvRecords = (bytes: Buffer) =>
  Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe.each(['csv', 'xlsx'] as const)('translation file (%s)', (format) => {
  it('writes one row per text with a stable key, a context and nb/en columns, and reads back the same rows', async () => {
    const bytes = await writeTranslationFile(ksp24, format);
    const read = await readTranslationFile(bytes, format);
    const expected = exportTranslationRows(ksp24, ksp24.locales);
    expect(read.rows).toEqual(expected);
    expect(read.locales).toEqual(['nb', 'en']);
    expect(read.problems).toEqual([]);
    // Line 1 is the header, texts follow in survey order.
    expect(read.lines.slice(0, 3)).toEqual([2, 3, 4]);
    expect(read.rows.map(translationKey)).toContain(questionKey);
    // Keys are unique: each is one text.
    expect(new Set(read.rows.map(translationKey)).size).toBe(read.rows.length);
  });

  it('round trip of an unchanged file changes nothing', async () => {
    const read = await readTranslationFile(await writeTranslationFile(ksp24, format), format);
    const { report, edition } = importTranslationRows(ksp24, read.rows);
    expect(report.changed).toEqual([]);
    expect(report.unknown).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(edition).toEqual(ksp24);
  });
});

describe('translation file details', () => {
  it('the CSV starts with a byte order mark and has key, context, nb, en columns with a useful context', async () => {
    const bytes = await writeTranslationFile(ksp24, 'csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = csvRecords(bytes);
    expect(header).toEqual(['key', 'context', 'nb', 'en']);
    const question = rows.find((r) => r[0] === questionKey);
    expect(question?.[1]).toMatch(/^question text · /);
    expect(question?.[2]).toBe(firstQuestion.text.nb);
    expect(question?.[3]).toBe(firstQuestion.text.en ?? '');
  });

  it('the XLSX has a Translations sheet with the same table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTranslationFile(ksp24, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Translations');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'key', 'context', 'nb', 'en']);
    expect(sheet?.rowCount).toBe(exportTranslationRows(ksp24).length + 1);
  });

  it('reads columns by header in any order and case, semicolons, and reports rows without a usable key', async () => {
    const csv = [
      'EN;Context;key;NB',
      `Hello;ignored;${questionKey};Hei`,
      '',
      'Orphan;;no-hash-here;Foreldreløs',
      ';;;',
    ].join('\n');
    const read = await readTranslationFile(Buffer.from(csv), 'csv');
    expect(read.rows).toEqual([
      { path: `question/${firstQuestion.key}`, field: 'text', nb: 'Hei', en: 'Hello' },
    ]);
    expect(read.lines).toEqual([2]);
    expect(read.problems).toEqual([
      { line: 4, key: 'no-hash-here', message: 'the key is missing or not of the form path#field' },
    ]);
  });

  it('refuses files that are not translation files', async () => {
    await expect(readTranslationFile(Buffer.from(''), 'csv')).rejects.toThrow(TranslationFileError);
    await expect(readTranslationFile(Buffer.from('path,nb\nx,y'), 'csv')).rejects.toThrow(/no "key" column/);
    await expect(readTranslationFile(Buffer.from('key,context\nx#y,z'), 'csv')).rejects.toThrow(
      /no locale column/,
    );
    await expect(readTranslationFile(Buffer.from('not a zip file'), 'xlsx')).rejects.toThrow(
      'the content is not an XLSX workbook',
    );
  });

  it('writes formula-like texts escaped with an apostrophe in CSV, and reads them back as they were', async () => {
    const hostile = structuredClone(ksp24);
    const question = hostile.areas[0]?.performances[0]?.questions[0];
    if (!question) throw new Error('KSP24 has questions');
    question.text = { nb: '=HYPERLINK("http://x","y")', en: "'=already quoted" };
    const bytes = await writeTranslationFile(hostile, 'csv');
    const row = csvRecords(bytes).find((r) => r[0] === questionKey);
    expect(row?.slice(2)).toEqual([`'=HYPERLINK("http://x","y")`, "''=already quoted"]);
    const read = await readTranslationFile(bytes, 'csv');
    expect(read.rows.find((r) => translationKey(r) === questionKey)).toMatchObject(question.text);
    // Imported into the edition they came from, nothing changes.
    expect(importTranslationRows(hostile, read.rows).report.changed).toEqual([]);
  });
});
