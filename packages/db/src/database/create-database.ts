import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaClient } from '../generated/prisma/client';
import { defaultPgliteDataDir } from './default-data-dir';
import {
  type NotificationHandlers,
  type NotificationListener,
  pgListener,
  pgliteListener,
} from './notifications';
import { pgDriver, pgliteDriver, type SqlDriver } from './sql-driver';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The PostgreSQL schema the tables live in (`public` unless the URL says `?schema=`). */
  schema: string;
  /** Plain SQL on the same connection(s) as `prisma`. */
  sql: SqlDriver;
  /**
   * LISTENs on a notification channel (e.g. `edition_data`, sent by the data-version triggers): on PostgreSQL
   * over a dedicated connection that reconnects by itself, on PGlite in-process. Close it before `close()`.
   */
  listen(channel: string, handlers: NotificationHandlers): NotificationListener;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; default `DATABASE_URL`. When neither is set, embedded PGlite is used. */
  url?: string;
  /** PGlite's data folder, or `memory://`; default `PGLITE_DATA_DIR`, else `<repo root>/.data/pglite`. */
  pgliteDataDir?: string;
  /** Connections in the PostgreSQL pool; default `DATABASE_POOL_SIZE`, else 10. */
  poolSize?: number;
  /** Time limits for the PostgreSQL pool; defaults from the environment (see `poolTimeoutsFromEnv`). */
  timeouts?: Partial<PoolTimeouts>;
  /** Called with errors of idle pooled connections (e.g. the server went away); default: ignored. */
  onPoolError?: (error: Error) => void;
}

/**
 * How long the PostgreSQL pool waits before giving up, so an unreachable database turns into a prompt error
 * instead of a request that hangs: connecting (or waiting for a free connection), one statement on the server,
 * and one query's answer on the client (the backstop when the network drops packets silently).
 */
export interface PoolTimeouts {
  connectMs: number;
  statementMs: number;
  queryMs: number;
}

/** Connects to PostgreSQL when a URL is given (or `DATABASE_URL` is set), otherwise opens embedded PGlite. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url)
    return connectPostgres(
      url,
      options.poolSize ?? poolSizeFromEnv(),
      { ...poolTimeoutsFromEnv(), ...options.timeouts },
      options.onPoolError,
    );
  return openPglite(options.pgliteDataDir ?? process.env.PGLITE_DATA_DIR ?? defaultPgliteDataDir());
}

function poolSizeFromEnv(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${process.env.DATABASE_POOL_SIZE}"`);
  return size;
}

function millisecondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** `DATABASE_CONNECT_TIMEOUT_MS` (5 s), `DATABASE_STATEMENT_TIMEOUT_MS` (30 s), `DATABASE_QUERY_TIMEOUT_MS` (statement + 5 s). */
export function poolTimeoutsFromEnv(): PoolTimeouts {
  const statementMs = millisecondsFromEnv('DATABASE_STATEMENT_TIMEOUT_MS', 30_000);
  return {
    connectMs: millisecondsFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 5_000),
    statementMs,
    queryMs: millisecondsFromEnv('DATABASE_QUERY_TIMEOUT_MS', statementMs + 5_000),
  };
}

/** The schema from a Prisma-style URL (`?schema=`), and the URL without it (pg does not know the parameter). */
export function splitSchemaFromUrl(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema))
    throw new Error(`the schema "${schema}" in the database URL is not a plain identifier`);
  return { connectionString: parsed.toString(), schema };
}

async function connectPostgres(
  url: string,
  poolSize: number,
  timeouts: PoolTimeouts,
  onPoolError: (error: Error) => void = () => {},
): Promise<Database> {
  const { connectionString, schema } = splitSchemaFromUrl(url);
  // Loaded only for PostgreSQL (and PGlite only for PGlite, below): a process holds one of the two drivers.
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // search_path makes plain SQL (migrations, triggers, raw queries) land in the same schema Prisma qualifies its queries with.
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
  });
  // An idle connection that breaks (server restart, network cut) emits 'error' on the pool: without a
  // listener Node would end the process. The pool drops that connection and opens a new one when needed.
  pool.on('error', onPoolError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    prisma,
    kind: 'postgres',
    schema,
    sql: pgDriver(pool),
    listen: (channel, handlers) =>
      pgListener(
        pg,
        {
          connectionString,
          options: `-c search_path=${schema}`,
          connectionTimeoutMillis: timeouts.connectMs,
        },
        channel,
        handlers,
      ),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * PGlite's start parameters with a smaller buffer pool. PostgreSQL's default shared_buffers (128 MB) is all
 * resident in PGlite: its shared memory lives in the WASM heap and is zero-filled when the database opens.
 * The data folder's files are cached by the operating system anyway, so a smaller pool costs little speed.
 */
function pgliteStartParams(pglite: { defaultStartParams: string[] }): string[] {
  return [...pglite.defaultStartParams, '-c', 'shared_buffers=16MB'];
}

/** A PGlite database with its PGlite instance: tests dump it as a template (`dumpDataDir`). */
export type PgliteDatabase = Database & { pglite: PGlite };

/**
 * Opens PGlite in `dataDir`. With `loadDataDir` (a tarball from `dumpDataDir`) it starts from that data
 * folder instead of running initdb: how test databases are made from a template.
 */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PgliteDatabase> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
  ]);
  const pglite = await PGlite.create(dataDir, { startParams: pgliteStartParams(PGlite), loadDataDir });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: 'pglite',
    schema: 'public',
    sql: pgliteDriver(pglite),
    listen: (channel, handlers) => pgliteListener(pglite, channel, handlers),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
    pglite,
  };
}
