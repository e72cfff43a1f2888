import type { SqlExecutor } from '../database/sql-driver';

/**
 * Deletes finished (delivered or failed) deliveries created before `before`, so the log does not grow without
 * end. Pending ones are kept whatever their age. Returns how many were deleted.
 */
export async function pruneWebhookDeliveries(sql: SqlExecutor, before: Date): Promise<number> {
  const rows = await sql.query(
    `DELETE FROM "WebhookDelivery"
     WHERE "status" IN ('delivered', 'failed') AND "createdAt" < $1::timestamptz
     RETURNING "id"`,
    [before.toISOString()],
  );
  return rows.length;
}
