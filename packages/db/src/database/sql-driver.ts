import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/** Plain SQL on the database under Prisma: migrations, bulk inserts and the results read use it. */
export interface SqlExecutor {
  /** Runs one or more statements without parameters (a migration file, for instance). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Loads rows into `table` with COPY, one line per row (text format, see copy-text.ts): the fastest way in for
   * bulk writes. Lines, not one text: a batch's text would be one large string for the garbage collector; lines
   * as bytes are kept outside the JavaScript heap until they are sent.
   * Only in the driver's transactions (a staging table lives on one connection); absent inside a Prisma
   * transaction, whose connection cannot stream COPY data.
   */
  copyFrom?(table: string, columns: readonly string[], lines: readonly CopyLine[]): Promise<void>;
}

/** A row of COPY text, newline included: as text, or already as UTF-8 bytes. */
export type CopyLine = string | Uint8Array;

const copyColumns = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
const asBytes = (line: CopyLine) => (typeof line === 'string' ? Buffer.from(line) : line);

export interface SqlDriver extends SqlExecutor {
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** COPY on a transaction's connection (pg-copy-streams, loaded with the first COPY: only PostgreSQL needs it). */
function pgCopyFrom(client: PoolClient): NonNullable<SqlExecutor['copyFrom']> {
  return async (table, columns, lines) => {
    const { from } = await import('pg-copy-streams');
    const stream = client.query(from(`COPY ${table} (${copyColumns(columns)}) FROM STDIN`));
    // Settled when the server has taken the data (or refused it); marked handled now, awaited below.
    const copied = finished(stream);
    copied.catch(() => undefined);
    // Sent in pieces of some 64 kB: few socket writes, nothing the size of the batch, and no more in memory
    // than the socket takes (a refused COPY rejects the wait for 'drain').
    let piece: Uint8Array[] = [];
    let bytes = 0;
    for (const line of lines) {
      const data = asBytes(line);
      piece.push(data);
      bytes += data.length;
      if (bytes >= 65_536) {
        if (!stream.write(Buffer.concat(piece, bytes))) await once(stream, 'drain');
        piece = [];
        bytes = 0;
      }
    }
    stream.end(Buffer.concat(piece, bytes));
    await copied;
  };
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
        const result = await work({ ...pgExecutor(client), copyFrom: pgCopyFrom(client) });
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
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          ...pgliteExecutor(tx),
          // PGlite reads COPY data from a blob it calls /dev/blob.
          copyFrom: async (table, columns, lines) => {
            await tx.query(`COPY ${table} (${copyColumns(columns)}) FROM '/dev/blob'`, [], {
              blob: new Blob(lines.map(asBytes)),
            });
          },
        }),
      ),
  };
}
