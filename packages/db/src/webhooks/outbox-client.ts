import type { SqlExecutor } from '../database/sql-driver';
import type { TransactionClient } from '../repositories/transaction-client';

/**
 * The open transaction an outbox row is written in: a Prisma interactive transaction, or the plain-SQL one of
 * `db.sql.transaction` (bulk writes such as `insertEvaluations` use that).
 */
export type OutboxClient = Pick<TransactionClient, '$executeRawUnsafe'> | Pick<SqlExecutor, 'query'>;

/** Runs one statement with `$1…` parameters on either kind of transaction. */
export async function executeOn(client: OutboxClient, sql: string, params: unknown[]): Promise<number> {
  if ('query' in client) return (await client.query(sql, params)).length;
  return client.$executeRawUnsafe(sql, ...params);
}
