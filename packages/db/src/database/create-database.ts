import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client';
import { defaultPgliteDataDir } from './default-data-dir';
import { pgDriver, pgliteDriver, type SqlDriver } from './sql-driver';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The PostgreSQL schema the tables live in (`public` unless the URL says `?schema=`). */
  schema: string;
  /** Plain SQL on the same connection(s) as `prisma`. */
  sql: SqlDriver;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; default `DATABASE_URL`. When neither is set, embedded PGlite is used. */
  url?: string;
  /** PGlite's data folder, or `memory://`; default `PGLITE_DATA_DIR`, else `<repo root>/.data/pglite`. */
  pgliteDataDir?: string;
  /** Connections in the PostgreSQL pool; default `DATABASE_POOL_SIZE`, else 10. */
  poolSize?: number;
}

/** Connects to PostgreSQL when a URL is given (or `DATABASE_URL` is set), otherwise opens embedded PGlite. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return connectPostgres(url, options.poolSize ?? poolSizeFromEnv());
  return openPglite(options.pgliteDataDir ?? process.env.PGLITE_DATA_DIR ?? defaultPgliteDataDir());
}

function poolSizeFromEnv(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${process.env.DATABASE_POOL_SIZE}"`);
  return size;
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

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const { connectionString, schema } = splitSchemaFromUrl(url);
  // search_path makes plain SQL (migrations, triggers, raw queries) land in the same schema Prisma qualifies its queries with.
  const pool = new pg.Pool({ connectionString, max: poolSize, options: `-c search_path=${schema}` });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    prisma,
    kind: 'postgres',
    schema,
    sql: pgDriver(pool),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: 'pglite',
    schema: 'public',
    sql: pgliteDriver(pglite),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
