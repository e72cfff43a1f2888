// The reference for the API's start time (bench/start.bench.ts): the least a server on the same data must do —
// open the embedded database, read from it, answer /ready — in plain node.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dbPackage = join(import.meta.dirname, '../../../packages/db/package.json');
const { PGlite } = await import(pathToFileURL(createRequire(dbPackage).resolve('@electric-sql/pglite')).href);
const db = new PGlite(process.env.PGLITE_DATA_DIR);
await db.query('SELECT count(*) FROM "Evaluation"');
createServer((request, response) => {
  response.writeHead(request.url === '/ready' ? 200 : 404, { 'content-type': 'application/json' });
  response.end('{"status":"ready"}');
}).listen(Number(process.env.PORT), '127.0.0.1');
