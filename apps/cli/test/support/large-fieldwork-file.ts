import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { evaluationToRow, fieldworkColumns } from '@ksp/domain';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { OBSERVERS } from '../../../../packages/exchange/test/support/fieldwork-fixture';

/** What a generated file holds, to compare with what an import stored. */
export interface FileTotals {
  rows: number;
  answers: number;
  notApplicable: number;
  comments: number;
}

const header = fieldworkColumns(ksp24).map((c) => c.name);

/**
 * `count` KSP24 field-work rows from the domain's demo generator, company by company, so that never all
 * evaluations are in memory at once; `totals` is filled as they go.
 */
function* demoRows(count: number, totals: FileTotals): Generator<string[]> {
  const participants = demoCompanies.filter((c) => c.editionKeys.includes(ksp24.key));
  const perCompany = Math.ceil(count / participants.length);
  for (const company of participants) {
    for (const evaluation of generateDemoEvaluations(ksp24, [company], {
      seed: 5,
      contactsPerCompany: perCompany,
    })) {
      if (totals.rows >= count) return;
      totals.rows++;
      totals.answers += evaluation.answers.length;
      totals.notApplicable += evaluation.answers.filter((a) => a.notApplicable).length;
      totals.comments += Object.keys(evaluation.comments).length;
      const row = evaluationToRow({
        ...evaluation,
        observerKey: OBSERVERS[totals.rows % OBSERVERS.length] as string,
      });
      yield header.map((h) => row[h] ?? '');
    }
  }
}

const emptyTotals = (): FileTotals => ({ rows: 0, answers: 0, notApplicable: 0, comments: 0 });

/** Writes a CSV field-work file of `count` demo contacts for KSP24, streamed. */
export async function writeLargeCsv(path: string, count: number): Promise<FileTotals> {
  const totals = emptyTotals();
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${Papa.unparse([header])}\r\n`);
  let chunk: string[][] = [];
  for (const row of demoRows(count, totals)) {
    chunk.push(row);
    if (chunk.length === 1000) {
      await write(`${Papa.unparse(chunk)}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${Papa.unparse(chunk)}\r\n`);
  out.end();
  await once(out, 'finish');
  return totals;
}

/** The same rows as an XLSX file (first sheet), written with exceljs's streaming writer. */
export async function writeLargeXlsx(path: string, count: number): Promise<FileTotals> {
  const totals = emptyTotals();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Evaluations');
  sheet.addRow(header).commit();
  for (const row of demoRows(count, totals)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return totals;
}
