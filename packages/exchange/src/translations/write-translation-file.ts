import type { Edition } from '@ksp/domain';
import { csvText } from '../writers/csv-text';
import { translationTable } from './translation-table';

export type TranslationFileFormat = 'csv' | 'xlsx';

export const TRANSLATION_SHEET = 'Translations';

/** Excel opens a UTF-8 CSV correctly (æ, ø, å) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * An edition's texts as a CSV or XLSX file for translators: one row per text with its stable key, a context
 * hint and one column per locale. Blank cells are untranslated texts. Returns the file's bytes.
 */
export async function writeTranslationFile(edition: Edition, format: TranslationFileFormat): Promise<Buffer> {
  const table = translationTable(edition);
  // Texts starting with = + - @ get a ' (csvText); readTranslationFile drops it again.
  if (format === 'csv') return Buffer.from(BOM + csvText(table.header, table.rows), 'utf8');

  const { default: Excel } = await import('exceljs'); // loaded when needed: CSV users do not pay for it
  const workbook = new Excel.Workbook();
  workbook.creator = 'KSP survey platform';
  workbook.title = `${edition.name}: texts`;
  // Fixed dates: two exports of the same texts are the same bytes.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(TRANSLATION_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = table.header.map((header, i) => ({
    header,
    key: header,
    // Keys and hints narrower, texts wide and wrapped.
    width: i === 0 ? 36 : i === 1 ? 40 : 60,
    style: { alignment: { vertical: 'top', wrapText: i >= 1 } },
  }));
  for (const row of table.rows) sheet.addRow(row);
  // Grey: the key and the hint are for reading; changing them has no effect (a changed key is an unknown row).
  for (const column of [1, 2]) sheet.getColumn(column).font = { color: { argb: 'FF666666' } };
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
