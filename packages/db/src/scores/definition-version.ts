import type { SqlExecutor } from '../database/sql-driver';

/**
 * The version of an edition's definition as stored contact scores know it (EditionScoring, bumped by triggers
 * with every change of the definition; 1 before the first change). A text: PostgreSQL's bigint. Read it BEFORE
 * the definition used for scoring, so that a definition changed in between leaves the scores with an older,
 * stale version rather than a current one.
 */
export async function readDefinitionVersion(sql: SqlExecutor, editionKey: string): Promise<string | null> {
  const [row] = await sql.query<{ version: string }>(
    `SELECT COALESCE(s."definitionVersion", 1)::text AS "version"
     FROM "Edition" e LEFT JOIN "EditionScoring" s ON s."editionId" = e."id" WHERE e."key" = $1`,
    [editionKey],
  );
  return row?.version ?? null;
}
