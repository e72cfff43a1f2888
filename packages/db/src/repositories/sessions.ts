import type { PrismaClient } from '../generated/prisma/client';
import type { UserRole } from '../generated/prisma/enums';

/** The database or a transaction (`{ prisma: tx }`): revocations can be part of a larger write. */
type Db = { prisma: Pick<PrismaClient, 'session'> };

/** The account a live credential belongs to (no password hash). */
export interface CredentialUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

const userFields = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

/** Stores a new session by the SHA-256 hash of its token (the token itself is never stored). */
export async function createSession(
  db: Db,
  session: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<{ id: string }> {
  return db.prisma.session.create({ data: session, select: { id: true } });
}

/** The session with this token hash if it is neither expired nor revoked and its user is active, else null. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ id: string; user: CredentialUser } | null> {
  const session = await db.prisma.session.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, revokedAt: true, user: { select: userFields } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  const { disabledAt: _disabled, ...user } = session.user;
  return { id: session.id, user };
}

/** Revokes the live session with this token hash; false when there was none. */
export async function revokeSession(db: Db, tokenHash: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.prisma.session.updateMany({
    where: { tokenHash, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

/** Revokes every live session of a user (sign out everywhere); returns how many were live. */
export async function revokeUserSessions(db: Db, userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await db.prisma.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
