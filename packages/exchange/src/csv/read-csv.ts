import { Readable } from 'node:stream';
import Papa from 'papaparse';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV file from its first line (the header: many columns, so unambiguous): the candidate
 * that occurs most often outside quotes. papaparse's own guess weighs every early row and is thrown off by
 * blank lines, which field-work files may have.
 */
export function csvDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * The records of a CSV stream as arrays of cell texts, streamed with back-pressure (papaparse's Node stream
 * mode): memory stays flat however long the file. The delimiter (comma, semicolon as Norwegian Excel
 * writes, tab) is taken from the header line; quoted cells may hold delimiters and line breaks. Blank records
 * are yielded as empty arrays so callers can keep counting rows as a spreadsheet shows them.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<string[]> {
  // Decode here so a multi-byte character split across chunks stays whole.
  input.setEncoding('utf8');
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<string>;
  const head: string[] = [];
  let seen = '';
  while (!seen.includes('\n')) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value;
  }
  const delimiter = csvDelimiter(seen.split(/\r?\n/, 1)[0] ?? '');
  // The chunks read to find the header line, then the rest of the stream.
  const replay = Readable.from(
    (async function* () {
      yield* head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false, delimiter });
  replay.on('error', (error) => parser.destroy(error));
  replay.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield record.length === 1 && record[0] === '' ? [] : record;
    }
  } finally {
    input.destroy();
  }
}
