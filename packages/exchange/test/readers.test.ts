import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, readFieldworkRecords, readXlsxRecords, XlsxFormatError } from '../src/index';

const collect = async <T>(records: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
};

describe('CSV reader', () => {
  it('detects semicolons, keeps quoted delimiters and line breaks, and yields blank lines as empty records', async () => {
    const text = '\uFEFFcontact_id;comment:agent\r\n1;"Hei; hallo\r\nog ""takk"""\r\n\r\n2;æøå\r\n';
    // Split inside a multi-byte character to prove decoding across chunks.
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('ø')) + 1;
    const records = await collect(
      readCsvRecords(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)])),
    );
    expect(records).toEqual([
      ['\uFEFFcontact_id', 'comment:agent'],
      ['1', 'Hei; hallo\r\nog "takk"'],
      [],
      ['2', 'æøå'],
    ]);
  });

  it('numbers rows as a spreadsheet does, skipping blank ones', async () => {
    const rows = await collect(readFieldworkRecords({ bytes: Buffer.from('a,b\n\n1,2\n,\n3,4\n') }, 'csv'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 3, cells: ['1', '2'] },
      { rowNumber: 5, cells: ['3', '4'] },
    ]);
  });
});

describe('XLSX reader', () => {
  it('reads the first sheet’s cells as text: numbers, dates (UTC), times as durations, formulas, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Evaluations');
    sheet.addRow(['contact_id', 'contacted_at', 'waiting_time', 'answered', 'comment:agent', 'total']);
    const row = sheet.addRow([
      42,
      new Date('2024-03-05T09:15:00Z'),
      new Date(Date.UTC(1899, 11, 30, 0, 3, 20)),
      true,
      { richText: [{ text: 'Svært ' }, { text: 'bra', font: { bold: true } }] },
      { formula: 'A2*2', result: 84 },
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(3).numFmt = 'h:mm:ss';
    sheet.addRow([]);
    sheet.addRow(['43']);
    workbook.addWorksheet('Guide').addRow(['not read']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const records = await collect(readXlsxRecords({ bytes: file }));
    expect(records).toEqual([
      {
        rowNumber: 1,
        cells: ['contact_id', 'contacted_at', 'waiting_time', 'answered', 'comment:agent', 'total'],
      },
      { rowNumber: 2, cells: ['42', '2024-03-05T09:15:00.000Z', 'PT0H3M20S', 'true', 'Svært bra', '84'] },
      { rowNumber: 4, cells: ['43'] },
    ]);
  });

  it('reads the first tab, even when its part is not sheet1.xml, and inline strings of a streamed workbook', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ksp-xlsx-')), 'streamed.xlsx');
    // exceljs's streaming writer stores cells as inline strings and workbook.xml after the sheets.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    writer.addWorksheet('Contacts').addRow(['contact_id', 'note']).commit();
    writer.getWorksheet('Contacts')?.addRow(['c-1', ' Hei &amp; <hallo> ']).commit();
    await writer.commit();
    expect(await collect(readXlsxRecords({ path }))).toEqual([
      { rowNumber: 1, cells: ['contact_id', 'note'] },
      { rowNumber: 2, cells: ['c-1', 'Hei &amp; <hallo>'] },
    ]);

    const workbook = new ExcelJS.Workbook();
    const guide = workbook.addWorksheet('Guide');
    guide.addRow(['not read']);
    workbook.addWorksheet('Contacts').addRow(['first tab']);
    // Move "Contacts" to the first tab: its part stays sheet2.xml.
    (guide as ExcelJS.Worksheet & { orderNo: number }).orderNo = 9;
    const reordered = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await collect(readXlsxRecords({ bytes: reordered }))).toEqual([
      { rowNumber: 1, cells: ['first tab'] },
    ]);
  });

  it('reads dates of the 1904 date system, and stops at the first sheet without leaving temporary files', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Evaluations');
    sheet.addRow([new Date('2024-03-05T09:15:00Z')]).getCell(1).numFmt = 'dd.mm.yyyy hh:mm';
    for (let i = 0; i < 200; i++) sheet.addRow([`row ${i}`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = readdirSync(tmpdir()).length;
    const first = [];
    for await (const record of readXlsxRecords({ bytes: file })) {
      first.push(record);
      if (first.length === 2) break;
    }
    expect(first).toEqual([
      { rowNumber: 1, cells: ['2024-03-05T09:15:00.000Z'] },
      { rowNumber: 2, cells: ['row 0'] },
    ]);
    expect(readdirSync(tmpdir()).length).toBe(before);
  });

  it('says when the bytes are not a readable workbook: not a zip, a damaged sheet', async () => {
    await expect(collect(readXlsxRecords({ bytes: Buffer.from('not a zip at all') }))).rejects.toBeInstanceOf(
      XlsxFormatError,
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Evaluations').addRow(['contact_id']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    // Cut the file short: the zip's directory (at its end) is gone.
    await expect(
      collect(readXlsxRecords({ bytes: file.subarray(0, file.length - 40) })),
    ).rejects.toBeInstanceOf(XlsxFormatError);
    await expect(collect(readXlsxRecords({ path: '/nonexistent/file.xlsx' }))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
