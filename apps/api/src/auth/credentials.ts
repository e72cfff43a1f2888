import type { Database } from '@ksp/db';
import type { NewSession } from '../services';
import { hashPassword, verifyPassword } from './password';
import { hashToken, newToken } from './token';
import type { Role, Viewer } from './viewer';

type UserRow = { id: string; email: string; name: string; role: Role };

function viewerOf(user: UserRow, kind: Viewer['credential']['kind'], credentialId: string): Viewer {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    credential: { kind, id: credentialId },
  };
}

// Verifying against this when the e-mail is unknown keeps "no such user" as slow as "wrong password".
const dummyHash = hashPassword('not-a-real-password');

/** Session and API-token checks against the database. Tokens are looked up by their SHA-256 hash. */
export function credentials(db: Database, sessionTtlMs: number) {
  const { prisma } = db;
  // API tokens record their last use at most once a minute: a write per request would cost more than the request.
  const LAST_USED_GRANULARITY_MS = 60_000;

  return {
    async authenticate(token: string): Promise<Viewer | null> {
      const tokenHash = hashToken(token);
      const now = new Date();
      if (token.startsWith('ses_')) {
        const session = await prisma.session.findUnique({ where: { tokenHash }, include: { user: true } });
        if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
        return viewerOf(session.user, 'session', session.id);
      }
      if (token.startsWith('api_')) {
        const apiToken = await prisma.apiToken.findUnique({ where: { tokenHash }, include: { user: true } });
        if (!apiToken || apiToken.revokedAt || apiToken.user.disabledAt) return null;
        if (apiToken.expiresAt && apiToken.expiresAt <= now) return null;
        if (
          !apiToken.lastUsedAt ||
          now.getTime() - apiToken.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS
        ) {
          await prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
        }
        return viewerOf(apiToken.user, 'apiToken', apiToken.id);
      }
      return null;
    },

    async login(email: string, password: string): Promise<NewSession | null> {
      const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() } });
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !valid || user.disabledAt) return null;
      const token = newToken('ses');
      const expiresAt = new Date(Date.now() + sessionTtlMs);
      const session = await prisma.session.create({
        data: { tokenHash: hashToken(token), userId: user.id, expiresAt },
      });
      return { token, expiresAt, viewer: viewerOf(user, 'session', session.id) };
    },

    async logout(token: string): Promise<boolean> {
      const { count } = await prisma.session.updateMany({
        where: { tokenHash: hashToken(token), revokedAt: null },
        data: { revokedAt: new Date() },
      });
      return count > 0;
    },
  };
}
