import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Serves a built single-page app (apps/admin/dist): files by path, and index.html for paths without an
 * extension so client-side routes work on reload. Returns false when nothing was served.
 */
export async function serveStaticFile(
  rootDir: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const root = resolve(rootDir);
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const wanted = resolve(join(root, normalize(pathname)));
  if (wanted !== root && !wanted.startsWith(root + sep)) return false;

  const candidates = extname(wanted) ? [wanted] : [join(wanted, 'index.html'), join(root, 'index.html')];
  for (const file of candidates) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      // Vite fingerprints assets; index.html must always be revalidated.
      'cache-control': file.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
    return true;
  }
  return false;
}
