import type { Database } from '../database/create-database';

type Db = Pick<Database, 'prisma'>;

/** What the sign-in limits decide on, read under the locks of `reserveLoginAttempt`. */
export interface LoginHistory {
  /** The account's failed (or still unsettled) attempts since `since.account` and since its last success. */
  account: { count: number; latest: Date | null };
  /** The client address's failed (or unsettled) attempts since `since.address`. */
  address: { count: number; oldest: Date | null };
  /** Wrong passwords sent with the presented known device since its last success; null: no known device. */
  deviceFailures: number | null;
}

export type LoginAttemptKey = { email: string; ip: string; knownDeviceId: string | null };

/**
 * Checks and records a sign-in attempt in one step, before the password is verified: under transaction-scoped
 * advisory locks on the e-mail and on the address (always in that order, so two attempts cannot deadlock)
 * it reads the history, lets `decide` refuse (by throwing), and inserts the attempt as a failure that
 * `settleLoginAttempt` turns into a success. Concurrent attempts therefore see each other: twelve parallel
 * guesses against a limit of five get five verifications, not twelve. The count lives in the database, so
 * every API replica shares it.
 */
export async function reserveLoginAttempt(
  db: Db,
  key: LoginAttemptKey,
  since: { account: Date; address: Date },
  decide: (history: LoginHistory) => void,
  now: Date = new Date(),
): Promise<{ attemptId: string }> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-email:${key.email}`}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${key.ip}`}, 0))`;
    const [account] = await tx.$queryRaw<{ count: number; latest: Date | null }[]>`
      SELECT count(*)::int AS count, max("at") AS latest FROM "LoginAttempt"
      WHERE "email" = ${key.email} AND NOT "succeeded" AND "at" > ${since.account}
        AND "at" > coalesce(
          (SELECT max("at") FROM "LoginAttempt" WHERE "email" = ${key.email} AND "succeeded"),
          '-infinity')`;
    const [address] = await tx.$queryRaw<{ count: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS count, min("at") AS oldest FROM "LoginAttempt"
      WHERE "ip" = ${key.ip} AND NOT "succeeded" AND "at" > ${since.address}`;
    const device = key.knownDeviceId
      ? await tx.$queryRaw<{ failures: number }[]>`
          SELECT "failures" FROM "KnownDevice" WHERE "id" = ${key.knownDeviceId}::uuid FOR UPDATE`
      : [];
    decide({
      account: { count: account?.count ?? 0, latest: account?.latest ?? null },
      address: { count: address?.count ?? 0, oldest: address?.oldest ?? null },
      deviceFailures: device[0]?.failures ?? null,
    });
    const attempt = await tx.loginAttempt.create({
      data: { email: key.email, ip: key.ip, at: now },
      select: { id: true },
    });
    if (key.knownDeviceId)
      await tx.knownDevice.update({
        where: { id: key.knownDeviceId },
        data: { failures: { increment: 1 } },
      });
    return { attemptId: attempt.id };
  });
}

/** Marks a reserved attempt as a success (a failure needs nothing: it was recorded as one). */
export async function markLoginSucceeded(db: Db, attemptId: string): Promise<void> {
  await db.prisma.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** Deletes attempts older than `before`, so the table stays small. */
export async function pruneLoginAttempts(db: Db, before: Date): Promise<number> {
  const { count } = await db.prisma.loginAttempt.deleteMany({ where: { at: { lt: before } } });
  return count;
}
