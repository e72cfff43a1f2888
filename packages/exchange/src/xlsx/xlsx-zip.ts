import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** An XLSX file: a zip read with random access, so its parts are read in the order we need, not stored order. */
export interface XlsxZip {
  has(name: string): boolean;
  /** A part's decompressed text, streamed (decoded as UTF-8 across chunk boundaries). */
  openText(name: string): Promise<AsyncIterable<string>>;
  close(): void;
}

/** Where the file is: on disk (read in place) or in memory (an API upload). */
export type XlsxSource = { path: string } | { bytes: Uint8Array };

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true };

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

/** Reads the zip's central directory (names and offsets only; nothing is decompressed yet). */
export async function openXlsxZip(source: XlsxSource): Promise<XlsxZip> {
  const zip = await openZipFile(source);
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName.replace(/^\//, ''), entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    has: (name) => entries.has(name),
    openText: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new Error(`the XLSX file has no part ${name}`));
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error);
          (stream as Readable).setEncoding('utf8');
          resolve(stream as AsyncIterable<string>);
        });
      }),
    close: () => zip.close(),
  };
}
