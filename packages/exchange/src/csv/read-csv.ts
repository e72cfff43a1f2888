import type { Readable } from 'node:stream';
import Papa from 'papaparse';

/**
 * The records of a CSV stream as arrays of cell texts, streamed with back-pressure (papaparse's Node stream
 * mode): memory stays flat however long the file. The delimiter (comma, semicolon as Norwegian Excel
 * writes, tab) is detected; quoted cells may hold delimiters and line breaks. Blank records are yielded as
 * empty arrays so callers can keep counting rows as a spreadsheet shows them.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<string[]> {
  // Decode here so a multi-byte character split across chunks stays whole.
  input.setEncoding('utf8');
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield record.length === 1 && record[0] === '' ? [] : record;
    }
  } finally {
    input.destroy();
  }
}
