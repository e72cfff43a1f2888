import type { Database } from '../database/create-database';

type Db = Pick<Database, 'prisma'>;

/** Failed sign-ins inside a window, for one e-mail address and for one client address. */
export interface RecentLoginFailures {
  byEmail: { count: number; oldest: Date | null };
  byIp: { count: number; oldest: Date | null };
}

/**
 * Failed logins are stored in the database, not in process memory, so every API replica sees the same
 * count: a limit per process would multiply with the number of replicas.
 */
export async function recordLoginFailure(
  db: Db,
  attempt: { email: string; ip: string; at?: Date },
): Promise<void> {
  await db.prisma.loginAttempt.create({
    data: { email: attempt.email, ip: attempt.ip, at: attempt.at ?? new Date() },
  });
}

/** Counts failures since `since` (a sliding window) for the e-mail and for the client address. */
export async function recentLoginFailures(
  db: Db,
  key: { email: string; ip: string },
  since: Date,
): Promise<RecentLoginFailures> {
  const [byEmail, byIp] = await Promise.all([
    db.prisma.loginAttempt.aggregate({
      where: { email: key.email, at: { gt: since } },
      _count: { _all: true },
      _min: { at: true },
    }),
    db.prisma.loginAttempt.aggregate({
      where: { ip: key.ip, at: { gt: since } },
      _count: { _all: true },
      _min: { at: true },
    }),
  ]);
  return {
    byEmail: { count: byEmail._count._all, oldest: byEmail._min.at },
    byIp: { count: byIp._count._all, oldest: byIp._min.at },
  };
}

/** Deletes attempts older than `before`, so the table stays small. */
export async function pruneLoginAttempts(db: Db, before: Date): Promise<number> {
  const { count } = await db.prisma.loginAttempt.deleteMany({ where: { at: { lt: before } } });
  return count;
}
