/** Files in and out of the browser: reading an upload for the API, saving what the API sends. */

export type UploadFormat = 'csv' | 'xlsx';

/** The format a file name says, or null when it is neither CSV nor XLSX. */
export function formatOfFileName(name: string): UploadFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Bytes as base64, in chunks (String.fromCharCode with a whole file's bytes overflows the stack). */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A chosen file as the API wants it: CSV as text, XLSX as base64. */
export async function readUpload(
  file: Blob & { name: string },
): Promise<{ format: UploadFormat; content: string }> {
  const format = formatOfFileName(file.name);
  if (!format) throw new Error(`not a CSV or XLSX file: ${file.name}`);
  if (format === 'csv') return { format, content: await file.text() };
  return { format, content: base64FromBytes(new Uint8Array(await file.arrayBuffer())) };
}

/** Saves a file the API sent as text (`utf8`) or base64, through a blob link. */
export function saveFile(content: string, encoding: string, fileName: string, mediaType: string): void {
  const data = encoding === 'base64' ? bytesFromBase64(content) : content;
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
