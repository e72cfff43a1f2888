import type { TransactionClient } from '../repositories/transaction-client';
import type { SqlExecutor } from './sql-driver';

/**
 * Plain SQL inside a Prisma interactive transaction, for the helpers written against SqlExecutor (storing
 * contact scores, for one): their statements then commit or roll back with the transaction's other writes.
 * Parameters should be texts cast in SQL (`$1::int`), as those helpers send them.
 */
export function sqlOfPrismaTransaction(
  tx: Pick<TransactionClient, '$queryRawUnsafe' | '$executeRawUnsafe'>,
): SqlExecutor {
  return {
    exec: async (sql) => {
      await tx.$executeRawUnsafe(sql);
    },
    query: <Row>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
  };
}
