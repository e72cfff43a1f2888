// The API process: reads the environment, opens the database (migrating it), serves, and shuts down cleanly.
import { createDatabase, migrateToLatest } from '@ksp/db';
import { readConfig } from './config';
import { createLogger } from './logger';

const config = readConfig();
const logger = createLogger(config.logLevel);
// The server's modules load while the database opens (start-api.ts): the two overlap instead of adding up.
const [db, { startApi }] = await Promise.all([
  // A broken idle connection is logged; the pool replaces it and requests in the meantime get 503 (see mask-error.ts).
  createDatabase({ onPoolError: (error) => logger.warn({ err: error }, 'database connection lost') }),
  import('./start-api'),
]);
if (process.env.MIGRATE_ON_START !== 'false') {
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
}
// Sends queued webhook deliveries once listening (WEBHOOK_DISPATCHER=false turns it off here).
const { server, url, dispatcher } = await startApi(db, config, logger);
logger.info({ url, database: db.kind, graphiql: `${url}/graphiql` }, 'KSP API listening');

// A stray rejected promise is a bug to log, not a reason to drop every request in flight.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // The dispatcher first: its round in flight records its results before the database closes.
    Promise.resolve(dispatcher?.stop())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
