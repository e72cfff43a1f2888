import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { checkPartSize, type XlsxLimits, XlsxTooLargeError } from './xlsx-limits';

/** An XLSX file: a zip read with random access, so its parts are read in the order we need, not stored order. */
export interface XlsxZip {
  has(name: string): boolean;
  /** Every part's name, in the directory's order. */
  names(): string[];
  /**
   * A part's decompressed text, streamed (decoded as UTF-8 across chunk boundaries). Refused with
   * XlsxTooLargeError, before anything is unpacked, when the part unpacks to more than `maxBytes`.
   */
  openText(name: string, maxBytes: number): Promise<AsyncIterable<string>>;
  close(): void;
}

/** Where the file is: on disk (read in place) or in memory (an API upload). */
export type XlsxSource = { path: string } | { bytes: Uint8Array };

// validateEntrySizes (yauzl's default, spelled out): a part that unpacks to more bytes than the directory
// says is an error as soon as it does, so the size checks below cannot be lied past.
const OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: true,
  validateEntrySizes: true,
};

function openZipFile(source: XlsxSource): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, OPTIONS, done);
    else
      yauzl.fromBuffer(
        Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
        OPTIONS,
        done,
      );
  });
}

/**
 * Reads the zip's central directory (names, offsets and sizes; nothing is decompressed yet) and refuses a
 * file with more parts, or more unpacked bytes in all, than `limits` allow.
 */
export async function openXlsxZip(
  source: XlsxSource,
  limits: Pick<XlsxLimits, 'maxParts' | 'maxUnpackedBytes'>,
): Promise<XlsxZip> {
  const zip = await openZipFile(source);
  const entries = new Map<string, yauzl.Entry>();
  try {
    if (zip.entryCount > limits.maxParts)
      throw new XlsxTooLargeError(
        `it has ${zip.entryCount.toLocaleString('en')} parts; the limit is ${limits.maxParts.toLocaleString('en')}`,
      );
    let unpacked = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName.replace(/^\//, ''), entry);
        unpacked += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    checkPartSize('the whole file', unpacked, limits.maxUnpackedBytes);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    has: (name) => entries.has(name),
    names: () => [...entries.keys()],
    openText: (name, maxBytes) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new Error(`the XLSX file has no part ${name}`));
        try {
          checkPartSize(`its part ${name}`, entry.uncompressedSize, maxBytes);
        } catch (error) {
          return reject(error);
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error);
          (stream as Readable).setEncoding('utf8');
          resolve(stream as AsyncIterable<string>);
        });
      }),
    close: () => zip.close(),
  };
}
