import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { readCsvRecords } from '../csv/read-csv';
import type { XlsxLimits } from '../xlsx/xlsx-limits';

export type ImportFormat = 'csv' | 'xlsx';

/**
 * A field-work file: on disk (the CLI reads it in place) or its bytes (an API upload). The import reads it
 * twice (check, then write); XLSX needs random access, since a zip's directory is at its end.
 */
export type FieldworkSource = { path: string } | { bytes: Uint8Array };

/** A record of a field-work file: the row number a spreadsheet shows, and the cells as text. */
export interface FieldworkRecord {
  rowNumber: number;
  cells: string[];
}

const openStream = (source: FieldworkSource): Readable =>
  'path' in source ? createReadStream(source.path) : Readable.from([source.bytes]);

/** Every byte of the source through `hash` (XLSX parts are read out of order, so the file is hashed whole). */
async function hashWhole(source: FieldworkSource, hash: Hash): Promise<void> {
  for await (const chunk of openStream(source)) hash.update(chunk as Buffer);
}

/** The CSV's byte stream, with `hash` seeing each chunk as it is read. */
function hashedStream(source: FieldworkSource, hash: Hash | undefined): Readable {
  const input = openStream(source);
  if (!hash) return input;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (error) => tap.destroy(error));
  return input.pipe(tap);
}

/**
 * The file's records in either format, with blank rows left out, while `hash` sees every byte of the file:
 * the import compares both passes' digests so a file changed in between is never half-trusted.
 */
export async function* readFieldworkRecords(
  source: FieldworkSource,
  format: ImportFormat,
  hash?: Hash,
  xlsxLimits: Partial<XlsxLimits> = {},
): AsyncGenerator<FieldworkRecord> {
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  if (format === 'csv') {
    let rowNumber = 0;
    for await (const cells of readCsvRecords(hashedStream(source, hash))) {
      rowNumber++;
      if (!blank(cells)) yield { rowNumber, cells };
    }
  } else {
    if (hash) await hashWhole(source, hash);
    // Loaded only for XLSX files: CSV imports should not carry the zip and XML readers.
    const { readXlsxRecords } = await import('../xlsx/read-xlsx');
    for await (const record of readXlsxRecords(source, xlsxLimits)) if (!blank(record.cells)) yield record;
  }
}

export const newDigest = () => createHash('sha256');
