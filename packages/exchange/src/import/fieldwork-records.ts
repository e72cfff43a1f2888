import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readCsvRecords } from '../csv/read-csv';
import type { XlsxLimits } from '../xlsx/xlsx-limits';

export type ImportFormat = 'csv' | 'xlsx';

/**
 * A field-work file: on disk (the CLI reads it in place) or its bytes (an API upload). The import reads it
 * once; XLSX needs random access, since a zip's directory is at its end.
 */
export type FieldworkSource = { path: string } | { bytes: Uint8Array };

/** A record of a field-work file: the row number a spreadsheet shows, and the cells as text. */
export interface FieldworkRecord {
  rowNumber: number;
  cells: string[];
}

const openStream = (source: FieldworkSource): Readable =>
  'path' in source ? createReadStream(source.path) : Readable.from([source.bytes]);

/** The file's records in either format, with blank rows left out. */
export async function* readFieldworkRecords(
  source: FieldworkSource,
  format: ImportFormat,
  xlsxLimits: Partial<XlsxLimits> = {},
): AsyncGenerator<FieldworkRecord> {
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  if (format === 'csv') {
    let rowNumber = 0;
    for await (const cells of readCsvRecords(openStream(source))) {
      rowNumber++;
      if (!blank(cells)) yield { rowNumber, cells };
    }
  } else {
    // Loaded only for XLSX files: CSV imports should not carry the zip and XML readers.
    const { readXlsxRecords } = await import('../xlsx/read-xlsx');
    for await (const record of readXlsxRecords(source, xlsxLimits)) if (!blank(record.cells)) yield record;
  }
}
