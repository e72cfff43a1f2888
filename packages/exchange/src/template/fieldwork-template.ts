import { type Edition, type FieldworkColumn, fieldworkColumns } from '@ksp/domain';
import type ExcelJS from 'exceljs';
import { csvText } from '../writers/csv-text';

/** The XLSX template's sheets: contacts first (the importer reads the first worksheet), then the guide. */
export const TEMPLATE_SHEETS = { contacts: 'Evaluations', guide: 'Guide' } as const;

/** Rows of the XLSX template that offer drop-down lists of the accepted values. */
const ROWS_WITH_LISTS = 5_000;
/** Excel refuses an in-cell list longer than 255 characters; longer lists are only in the guide. */
const MAX_INLINE_LIST = 255;

/** The CSV template: the header row of the edition's field-work format, with a BOM so Excel reads UTF-8. */
export function csvTemplate(edition: Edition): string {
  return `\uFEFF${csvText(
    fieldworkColumns(edition).map((c) => c.name),
    [],
  )}\r\n`;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** exceljs has range data validations (one rule for a whole column) but its typings lack them. */
type RangeValidations = { add(range: string, validation: ExcelJS.DataValidation): void };
const dataValidations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;

function guideRow(column: FieldworkColumn) {
  return [column.name, column.required ? 'yes' : 'no', column.allowed?.join(', ') ?? '', column.help];
}

/**
 * The XLSX template: the "Evaluations" sheet with the header (bold, frozen) and drop-down lists of the accepted
 * values under choice columns, and a "Guide" sheet describing every column. Generated from the edition's
 * definition, so it always matches what the import accepts.
 */
export async function xlsxTemplate(edition: Edition): Promise<Buffer> {
  const columns = fieldworkColumns(edition);
  const { default: Excel } = await import('exceljs'); // loaded when needed: CSV users do not pay for it
  const workbook = new Excel.Workbook();
  workbook.creator = 'KSP survey platform';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.contacts, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, Math.min(40, c.name.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, i) => {
    const letter = columnLetter(i);
    // Text format keeps ids such as 007 and option keys such as v1 from being read as numbers or dates.
    sheet.getColumn(i + 1).numFmt = '@';
    const list = column.allowed?.join(',');
    if (list && list.length <= MAX_INLINE_LIST) {
      dataValidations(sheet).add(`${letter}2:${letter}${ROWS_WITH_LISTS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: true,
        errorTitle: column.name,
        error: `Use one of: ${column.allowed?.join(', ')}`,
      });
    }
  });
  const guide = workbook.addWorksheet(TEMPLATE_SHEETS.guide);
  guide.columns = [
    { header: 'Column', width: 34 },
    { header: 'Required', width: 10 },
    { header: 'Accepted values', width: 40 },
    { header: 'What to write', width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.addRows(columns.map(guideRow));
  guide.addRow([]);
  guide.addRow([
    '',
    '',
    '',
    `Edition ${edition.key}. One row per contact; the contact id makes re-imports safe (stored ids are skipped). See docs/import-export.md.`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
