import type { Database } from '../database/create-database';
import type { NotificationListener } from '../database/notifications';
import type { SqlExecutor } from '../database/sql-driver';

/**
 * The channel the data-version triggers notify on (migration edition_data_version), with the payload
 * `<schema>:<editionId>:<version>`, or `<schema>:<editionId>` when the edition was deleted.
 */
export const EDITION_DATA_CHANNEL = 'edition_data';

export interface EditionDataVersion {
  editionId: number;
  /** Bumped by the database in the transaction of every write that changes the edition's results. */
  version: bigint;
}

/**
 * An edition's data version by key, in one indexed query; null when there is no such edition. Read it
 * *before* reading the data it stands for: data read afterwards is at least that new.
 */
export async function readEditionDataVersion(
  sql: SqlExecutor,
  editionKey: string,
): Promise<EditionDataVersion | null> {
  const rows = await sql.query<{ id: number; version: string | null }>(
    `SELECT e."id", d."version"::text AS "version"
     FROM "Edition" e LEFT JOIN "EditionDataVersion" d ON d."editionId" = e."id"
     WHERE e."key" = $1`,
    [editionKey],
  );
  const row = rows[0];
  if (!row) return null;
  // Every edition has its row (inserted with it by a trigger); -1 would only mean "never equal to a cached one".
  return { editionId: row.id, version: row.version === null ? -1n : BigInt(row.version) };
}

export interface EditionDataChange {
  editionId: number;
  /** The version the change committed as; null when the edition was deleted. */
  version: bigint | null;
}

/** A notification's payload for this schema, or null (another schema's, or not ours). */
export function parseEditionDataPayload(payload: string, schema: string): EditionDataChange | null {
  const match = /^([^:]+):(\d+)(?::(\d+))?$/.exec(payload);
  if (!match || match[1] !== schema) return null;
  return { editionId: Number(match[2]), version: match[3] === undefined ? null : BigInt(match[3]) };
}

/**
 * Calls `onChange` for each committed change of an edition's data in this database schema (other schemas on
 * the same server share the channel and are ignored). `onListening(false)` means changes may be missed until
 * the next `onListening(true)`.
 */
export function listenForEditionDataChanges(
  db: Pick<Database, 'listen' | 'schema'>,
  handlers: { onChange(change: EditionDataChange): void; onListening?(listening: boolean): void },
): NotificationListener {
  return db.listen(EDITION_DATA_CHANNEL, {
    onNotify: (payload) => {
      const change = parseEditionDataPayload(payload, db.schema);
      if (change) handlers.onChange(change);
    },
    onListening: handlers.onListening,
  });
}
