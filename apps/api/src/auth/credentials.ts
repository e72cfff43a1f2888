import {
  type CredentialUser,
  createSession,
  type Database,
  findLiveApiToken,
  findLiveSession,
  findUserByEmail,
  markApiTokenUsed,
  normalizeEmail,
  revokeSession,
} from '@ksp/db';
import type { NewSession } from '../services';
import { type LoginRateLimitOptions, loginRateLimit } from './login-rate-limit';
import { hashPassword, verifyPassword } from './password';
import { hashToken, newToken } from './token';
import type { Viewer } from './viewer';

function viewerOf(user: CredentialUser, kind: Viewer['credential']['kind'], credentialId: string): Viewer {
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

// API tokens record their last use at most once a minute: a write per request would cost more than the request.
const LAST_USED_GRANULARITY_MS = 60_000;

export type CredentialOptions = { sessionTtlMs: number; loginRateLimit: LoginRateLimitOptions };

/** Session and API-token checks (data access in @ksp/db). Tokens are looked up by their SHA-256 hash. */
export function credentials(db: Database, options: CredentialOptions) {
  const limiter = loginRateLimit(db, options.loginRateLimit);

  return {
    async authenticate(token: string): Promise<Viewer | null> {
      const tokenHash = hashToken(token);
      const now = new Date();
      if (token.startsWith('ses_')) {
        const session = await findLiveSession(db, tokenHash, now);
        return session ? viewerOf(session.user, 'session', session.id) : null;
      }
      if (token.startsWith('api_')) {
        const apiToken = await findLiveApiToken(db, tokenHash, now);
        if (!apiToken) return null;
        if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS)
          await markApiTokenUsed(db, apiToken.id, now);
        return viewerOf(apiToken.user, 'apiToken', apiToken.id);
      }
      return null;
    },

    /** Throws RateLimitedError when the e-mail or the client address has failed too often lately. */
    async login(email: string, password: string, clientIp = 'unknown'): Promise<NewSession | null> {
      const normalized = normalizeEmail(email);
      await limiter.check(normalized, clientIp);
      const user = await findUserByEmail(db, normalized);
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !valid || user.disabledAt) {
        await limiter.recordFailure(normalized, clientIp);
        return null;
      }
      const token = newToken('ses');
      const expiresAt = new Date(Date.now() + options.sessionTtlMs);
      const session = await createSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
      return { token, expiresAt, viewer: viewerOf(user, 'session', session.id) };
    },

    logout(token: string): Promise<boolean> {
      return revokeSession(db, hashToken(token));
    },
  };
}
