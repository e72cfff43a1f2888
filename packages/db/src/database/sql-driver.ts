import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/** Plain SQL on the database under Prisma: migrations, bulk inserts and the results read use it. */
export interface SqlExecutor {
  /** Runs one or more statements without parameters (a migration file, for instance). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlExecutor {
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

function pgExecutor(client: Pool | PoolClient): SqlExecutor {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as Row[],
  };
}

export function pgDriver(pool: Pool): SqlDriver {
  return {
    ...pgExecutor(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      // A checked-out client has no listener of the pool's: when its connection breaks (server restart,
      // network cut, backend terminated) it emits 'error', and an 'error' nobody listens to ends the process.
      // Kept here so the transaction fails instead (its next or running query rejects) and the client is
      // discarded, not handed to the next caller.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken ??= error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(pgExecutor(client));
        if (broken) throw broken;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
        client.removeListener('error', onError);
        // Releasing with an error makes the pool close the connection instead of reusing it.
        client.release(broken);
      }
    },
  };
}

function pgliteExecutor(db: PGlite | Transaction): SqlExecutor {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
  };
}

export function pgliteDriver(db: PGlite): SqlDriver {
  return {
    ...pgliteExecutor(db),
    transaction: (work) => db.transaction((tx) => work(pgliteExecutor(tx))),
  };
}
