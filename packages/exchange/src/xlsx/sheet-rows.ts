import type { XlsxZip } from './xlsx-zip';
import { streamXml } from './xml-stream';

/** A row of the first worksheet: its number as the spreadsheet shows it, and its cells as text (A = index 0). */
export interface XlsxRecord {
  rowNumber: number;
  cells: string[];
}

/** How cell values are read: the shared strings, which styles are dates, and the workbook's date system. */
export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;

/** `AB12` → 27 (A = 0). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/**
 * A day number shown as a date or time, as text a field-work column expects: a date-time becomes ISO 8601
 * (spreadsheet date-times have no zone; they are read as UTC), a time without a date (Excel stores it on
 * day 0, 1899-12-30) an ISO duration, so a waiting time typed as 0:03:20 reads as PT0H3M20S.
 */
export function dayNumberText(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0) return String(serial);
  if (date1904 ? serial < 1 : serial < 2) {
    const seconds = Math.round(serial * 86_400);
    return `PT${Math.floor(seconds / 3600)}H${Math.floor((seconds % 3600) / 60)}M${seconds % 60}S`;
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * DAY_MS)).toISOString();
}

/** A cell's value as text, by its type (`t`) and style (`s`); formulas give their last computed result. */
function cellValue(type: string, style: number, value: string, inline: string, context: CellContext): string {
  switch (type) {
    case 's':
      return context.sharedStrings[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false';
    case 'str':
    case 'e':
      return value;
    case 'd': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toISOString();
    }
    default: {
      if (value === '') return '';
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      return context.dateStyles[style] ? dayNumberText(number, context.date1904) : String(number);
    }
  }
}

/**
 * The rows of one worksheet, streamed: the sheet's XML is parsed as it is decompressed, and reading stops at
 * the end of its cell data. Rows without any text are not yielded (row numbers say where the others are).
 */
export async function* readSheetRows(
  zip: XlsxZip,
  path: string,
  context: CellContext,
): AsyncGenerator<XlsxRecord> {
  let done: XlsxRecord[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number } | null = null;
  let value = '';
  let inline = '';
  let inValue = false;
  let inInlineText = false;
  let inlineString = false;
  let phonetic = 0;
  let sheetDataEnded = false;

  // No limit of its own: the sheet is streamed, and the whole file's limit bounds it.
  const rows = streamXml<XlsxRecord>(await zip.openText(path, Number.POSITIVE_INFINITY), {
    open(name, attributes) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          nextColumn = 0;
          break;
        case 'c':
          cell = {
            column: attributes.r ? columnIndex(attributes.r) : nextColumn,
            type: attributes.t ?? 'n',
            style: Number(attributes.s ?? 0),
          };
          value = '';
          inline = '';
          break;
        case 'v':
          inValue = cell !== null;
          break;
        case 'is':
          inlineString = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inInlineText = inlineString && phonetic === 0;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'c':
          if (cell) {
            cells[cell.column] = cellValue(cell.type, cell.style, value, inline, context).trim();
            nextColumn = cell.column + 1;
          }
          cell = null;
          break;
        case 'row':
          if (cells.some((text) => text !== ''))
            done.push({ rowNumber, cells: Array.from(cells, (t) => t ?? '') });
          break;
        case 'v':
          inValue = false;
          break;
        case 'is':
          inlineString = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'sheetData':
          sheetDataEnded = true;
          break;
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText) inline += text;
    },
    take() {
      const taken = done;
      done = [];
      return taken;
    },
    // The rest of the sheet (merged cells, validations, page set-up) holds no contacts.
    finished: () => sheetDataEnded,
  });
  yield* rows;
}
