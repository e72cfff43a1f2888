import { extname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Build output that must not be public: source maps (the source code) and Vite's manifest (`.vite/`). */
function isBuildInternal(pathName: string): boolean {
  return pathName.endsWith('.map') || pathName.split('/').some((segment) => segment.startsWith('.'));
}

/**
 * The built admin app (ADMIN_DIST_DIR) at `/`: Vite's content-hashed files under /assets/ are cached for
 * good, everything else is revalidated; `.br`/`.gz` files written at build time are sent to clients that
 * accept them. Source maps and the manifest are never served.
 */
export async function registerAdminApp(app: FastifyInstance, rootDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: rootDir,
    prefix: '/',
    preCompressed: true,
    dotfiles: 'ignore',
    index: ['index.html'],
    cacheControl: false,
    allowedPath: (pathName) => !isBuildInternal(pathName),
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

/**
 * History fallback: a client-side route (a GET for a path without an extension, outside the API's own
 * prefixes) gets index.html, so reloading /editions/KSP24 works. Returns false when the path is not one.
 */
export function serveAdminAppShell(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (extname(path) !== '' || /^\/(graphql|graphiql|exports|health|ready)(\/|$)/.test(path)) return false;
  reply.header('cache-control', 'no-cache');
  reply.sendFile('index.html');
  return true;
}
