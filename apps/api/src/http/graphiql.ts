import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Built by `scripts/build-graphiql.ts` (the package's `generate`): the API itself has no React or GraphiQL. */
// From src/http in development, from the bundle in dist/ in production.
const GRAPHIQL_DIR =
  ['../generated/graphiql', '../src/generated/graphiql']
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../generated/graphiql', import.meta.url));

/**
 * GraphiQL at /graphiql: the page, and its content-hashed assets (cached for good, sent precompressed).
 * Unknown names (`/graphiql/assets/__proto__` too) are 404s.
 */
export async function registerGraphiql(app: FastifyInstance): Promise<void> {
  const pagePath = `${GRAPHIQL_DIR}/index.html`;
  if (!existsSync(pagePath)) {
    app.log.warn({ dir: GRAPHIQL_DIR }, 'GraphiQL is not built (run `pnpm generate`); /graphiql answers 404');
    return;
  }
  const page = readFileSync(pagePath, 'utf8');
  for (const url of ['/graphiql', '/graphiql/'])
    app.get(url, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page),
    );
  await app.register(fastifyStatic, {
    root: `${GRAPHIQL_DIR}/assets`,
    prefix: '/graphiql/assets/',
    decorateReply: false,
    preCompressed: true,
    index: false,
    dotfiles: 'ignore',
    cacheControl: true,
    maxAge: '365d',
    immutable: true,
  });
}
