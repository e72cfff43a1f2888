import type { PrismaClient } from '../generated/prisma/client';

/** The Prisma client inside `$transaction(async (tx) => …)`. */
export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Large writes (a whole edition, the seed) outlive Prisma's 5 s default. */
export const LONG_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;
