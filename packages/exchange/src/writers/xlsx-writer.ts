import type ExcelJS from 'exceljs';
import type { ColumnFormat, ExportColumn, ExportTable, ExportValue } from '../export/export-table';

/** Excel number formats per kind of figure. Scores are stored as fractions so `0.0 %` shows 94.7 %. */
const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  boolean: undefined,
  integer: '0',
  score: '0.0 %',
  delta: '+0.0;-0.0;0.0',
  mean: '0.00',
  nps: '0',
};

const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

/**
 * Tables as one XLSX workbook, one sheet per table: bold frozen header row with a filter, column widths
 * from the contents, number formats per figure. Returns the file's bytes.
 */
export async function writeXlsx(tables: readonly ExportTable[], title?: string): Promise<Buffer> {
  // Loaded when needed: exceljs is a large module tree that every process start would otherwise pay for.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'KSP survey platform';
  if (title) workbook.title = title;
  // Fixed dates keep the bytes of two exports of the same data alike.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const table of tables) addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, table: ExportTable) {
  const sheet = workbook.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: columnWidth(table, column),
  }));
  for (const row of table.rows) {
    const added = sheet.addRow({});
    table.columns.forEach((column, i) => {
      const format = table.cellFormat?.(row, column) ?? column.format;
      const cell = added.getCell(i + 1);
      cell.value = excelValue(row[column.key] ?? null, format);
      const numFmt = NUMBER_FORMATS[format];
      if (numFmt) cell.numFmt = numFmt;
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function excelValue(value: ExportValue, format: ColumnFormat): ExcelJS.CellValue {
  if (value === null) return null;
  if (format === 'score' && typeof value === 'number') return value / 100;
  return value;
}

function columnWidth(table: ExportTable, column: ExportColumn): number {
  if (column.format !== 'text')
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH + 2, column.header.length * 0.6));
  const longest = table.rows.reduce((max, row) => Math.max(max, String(row[column.key] ?? '').length), 0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column.header.length, longest) + 2);
}

/** Excel allows 31 characters and no `\ / ? * [ ] :` in a sheet name. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
}
