import type { PrismaClient } from '../generated/prisma/client';
import type { CredentialUser } from './sessions';

/** The database or a transaction (`{ prisma: tx }`): token writes can be part of a larger write with its audit entry. */
type Db = { prisma: Pick<PrismaClient, 'apiToken'> };

/** An API token row as the API needs it; the token itself is never stored, only its SHA-256 hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  userId: string;
  expiresAt: Date | null;
}

const userFields = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

export async function createApiToken(
  db: Db,
  token: { name: string; tokenHash: string; userId: string; expiresAt: Date | null },
): Promise<ApiTokenRecord> {
  return db.prisma.apiToken.create({
    data: token,
    select: { id: true, name: true, userId: true, expiresAt: true },
  });
}

/** The token with this hash if it is neither expired nor revoked and its user is active, else null. */
export async function findLiveApiToken(
  db: Db,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ id: string; lastUsedAt: Date | null; user: CredentialUser } | null> {
  const token = await db.prisma.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: userFields } },
  });
  if (!token || token.revokedAt || token.user.disabledAt) return null;
  if (token.expiresAt && token.expiresAt <= now) return null;
  const { disabledAt: _disabled, ...user } = token.user;
  return { id: token.id, lastUsedAt: token.lastUsedAt, user };
}

export async function markApiTokenUsed(db: Db, id: string, at: Date = new Date()): Promise<void> {
  await db.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
}

/** Revokes every live token of a user; returns how many were live. */
export async function revokeUserApiTokens(db: Db, userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await db.prisma.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

/** Revokes a live token; false when it was unknown or already revoked. */
export async function revokeApiToken(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.prisma.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}
