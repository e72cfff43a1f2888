import type { Database } from '../database/create-database';

type Db = Pick<Database, 'prisma'>;

/** Stores a device by the SHA-256 hash of its token (the token itself is never stored). */
export async function createKnownDevice(
  db: Db,
  device: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<{ id: string }> {
  return db.prisma.knownDevice.create({ data: device, select: { id: true } });
}

/** The user's unexpired device with this token hash, or null (another user's token is no device of this one). */
export async function findKnownDevice(
  db: Db,
  tokenHash: string,
  userId: string,
  now: Date = new Date(),
): Promise<{ id: string } | null> {
  return db.prisma.knownDevice.findFirst({
    where: { tokenHash, userId, expiresAt: { gt: now } },
    select: { id: true },
  });
}

/** After a successful sign-in with it: its wrong-password count starts again and its life is extended. */
export async function renewKnownDevice(db: Db, id: string, expiresAt: Date, now: Date = new Date()) {
  await db.prisma.knownDevice.update({ where: { id }, data: { failures: 0, lastUsedAt: now, expiresAt } });
}
