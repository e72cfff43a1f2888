import { describe, expect, it } from 'vitest';
import {
  DEFAULT_XLSX_LIMITS,
  readTranslationFile,
  readXlsxRecords,
  TranslationFileError,
  XlsxFormatError,
  XlsxTooLargeError,
} from '../src/index';
import { xlsxLimits } from '../src/xlsx/xlsx-limits';
import { bombWorkbook, repeated } from './support/zip-bomb';

const MB = 1024 * 1024;
const collect = async <T>(records: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
};
/** One shared string of `bytes` letters: compresses about a thousandfold. */
const oneHugeString = (bytes: number) =>
  function* () {
    yield '<si><t>';
    yield* repeated('A', bytes);
    yield '</t></si>';
  };

// Built once: 128 MB of shared strings in a file of about 130 kB (the was 650 MB in 875 kB).
const sharedStringsBomb = bombWorkbook({ sharedStrings: oneHugeString(128 * MB) });
// The same, with a zip directory that says the part is 1,000 bytes.
const lyingBomb = bombWorkbook({ sharedStrings: oneHugeString(16 * MB), sharedStringsDeclaredSize: 1_000 });

describe('XLSX zip bombs', () => {
  it('a normal small workbook reads', async () => {
    expect(await collect(readXlsxRecords({ bytes: await bombWorkbook({}) }))).toEqual([
      { rowNumber: 1, cells: ['contact_id'] },
    ]);
  });

  it('refuses shared strings over the limit from the zip directory, without unpacking them', async () => {
    const file = await sharedStringsBomb;
    expect(file.length).toBeLessThan(300_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const reading = collect(readXlsxRecords({ bytes: file }));
    await expect(reading).rejects.toBeInstanceOf(XlsxTooLargeError);
    await expect(reading).rejects.toBeInstanceOf(XlsxFormatError); // so the import reports it on row 1
    await expect(reading).rejects.toThrow(
      'the file is refused as too large: its part xl/sharedStrings.xml unpacks to 128 MB; the limit is 64 MB',
    );
    // Refused at once, and nothing of the 128 MB kept.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * MB);
  });

  it('refuses a part that unpacks to more than the zip directory says, at the first byte too many', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(collect(readXlsxRecords({ bytes: await lyingBomb }))).rejects.toThrow(
      'the file is refused as too large: a part unpacks to more than the zip directory says',
    );
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * MB);
  });

  it('refuses a file whose parts together unpack to more than the limit (a padded sheet)', async () => {
    const file = await bombWorkbook({ sheetPadding: () => repeated('<!-- padding -->', (40 * MB) / 16) });
    await expect(collect(readXlsxRecords({ bytes: file }, { maxUnpackedBytes: 32 * MB }))).rejects.toThrow(
      /^the file is refused as too large: the whole file unpacks to 40 MB; the limit is 32 MB$/,
    );
    // Under a higher limit the same file reads: the padding after the cell data is never parsed.
    expect(await collect(readXlsxRecords({ bytes: file }, { maxUnpackedBytes: 64 * MB }))).toHaveLength(1);
  });

  it('stops at the first shared string over the count limit', async () => {
    const file = await bombWorkbook({ sharedStrings: () => repeated('<si><t>a</t></si>', 10_001) });
    await expect(collect(readXlsxRecords({ bytes: file }, { maxSharedStrings: 10_000 }))).rejects.toThrow(
      'the file is refused as too large: it has more than 10,000 shared strings (the limit)',
    );
    expect(await collect(readXlsxRecords({ bytes: file }, { maxSharedStrings: 10_001 }))).toHaveLength(1);
  });

  it('refuses a file with more parts than the limit, from the directory alone', async () => {
    const file = await bombWorkbook({});
    await expect(collect(readXlsxRecords({ bytes: file }, { maxParts: 5 }))).rejects.toThrow(
      'the file is refused as too large: it has 6 parts; the limit is 5',
    );
  });

  it('limits come from the options, else the environment, else the defaults', () => {
    expect(DEFAULT_XLSX_LIMITS).toEqual({
      maxUnpackedBytes: 512 * MB,
      maxParts: 10_000,
      maxSharedStringsBytes: 64 * MB,
      maxSharedStrings: 1_000_000,
      maxMetadataPartBytes: 16 * MB,
    });
    const env = { XLSX_MAX_UNPACKED_BYTES: '1000', XLSX_MAX_SHARED_STRINGS: 'many' };
    expect(xlsxLimits({}, DEFAULT_XLSX_LIMITS, env)).toEqual({
      ...DEFAULT_XLSX_LIMITS,
      maxUnpackedBytes: 1000,
    });
    expect(xlsxLimits({ maxUnpackedBytes: 5 }, DEFAULT_XLSX_LIMITS, env).maxUnpackedBytes).toBe(5);
  });
});

describe('translation file zip bombs', () => {
  it('refuses the shared strings bomb before exceljs unpacks it', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const reading = readTranslationFile(await sharedStringsBomb, 'xlsx');
    await expect(reading).rejects.toBeInstanceOf(TranslationFileError);
    await expect(reading).rejects.toThrow(
      'the file is refused as too large: the whole file unpacks to 128 MB; the limit is 16 MB',
    );
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * MB);
  });

  it('refuses a part that lies about its size, and a file over its (smaller) total limit', async () => {
    await expect(readTranslationFile(await lyingBomb, 'xlsx')).rejects.toThrow(
      'the file is refused as too large: a part unpacks to more than the zip directory says',
    );
    const padded = await bombWorkbook({ sheetPadding: () => repeated('<!-- padding -->', (20 * MB) / 16) });
    await expect(readTranslationFile(padded, 'xlsx')).rejects.toThrow(
      'the file is refused as too large: the whole file unpacks to 20 MB; the limit is 16 MB',
    );
  });
});
