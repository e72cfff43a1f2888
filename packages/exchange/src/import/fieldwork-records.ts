import { createHash, type Hash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { readCsvRecords } from '../csv/read-csv';

export type ImportFormat = 'csv' | 'xlsx';

/** Opens the file from its start; the import reads it twice (check, then write), so it must be re-openable. */
export type OpenSource = () => Readable;

/** A record of a field-work file: the row number a spreadsheet shows, and the cells as text. */
export interface FieldworkRecord {
  rowNumber: number;
  cells: string[];
}

/**
 * The file's records in either format, with blank rows left out, while `hash` sees every byte read: the
 * import compares both passes' digests so a file changed in between is never half-trusted.
 */
export async function* readFieldworkRecords(
  open: OpenSource,
  format: ImportFormat,
  hash?: Hash,
): AsyncGenerator<FieldworkRecord> {
  let input = open();
  if (hash) {
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    input.on('error', (error) => tap.destroy(error));
    input = input.pipe(tap);
  }
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  if (format === 'csv') {
    let rowNumber = 0;
    for await (const cells of readCsvRecords(input)) {
      rowNumber++;
      if (!blank(cells)) yield { rowNumber, cells };
    }
  } else {
    // Loaded only for XLSX files: exceljs is large, and CSV imports should not carry it.
    const { readXlsxRecords } = await import('../xlsx/read-xlsx');
    for await (const record of readXlsxRecords(input)) if (!blank(record.cells)) yield record;
  }
}

export const newDigest = () => createHash('sha256');
