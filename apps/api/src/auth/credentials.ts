import {
  type CredentialUser,
  createKnownDevice,
  createSession,
  type Database,
  findKnownDevice,
  findLiveApiToken,
  findLiveSession,
  findUserByEmail,
  markApiTokenUsed,
  normalizeEmail,
  renewKnownDevice,
  revokeSession,
} from '@ksp/db';
import type { NewSession } from '../services';
import { DUMMY_PASSWORD_HASH } from './dummy-password-hash';
import { type LoginRateLimitOptions, loginRateLimit } from './login-rate-limit';
import { verifyPassword } from './password';
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

// API tokens record their last use at most once a minute: a write per request would cost more than the request.
const LAST_USED_GRANULARITY_MS = 60_000;

export type CredentialOptions = {
  sessionTtlMs: number;
  loginRateLimit: LoginRateLimitOptions;
  /** How long a device token from a successful sign-in keeps its device "known" (renewed on each success). */
  knownDeviceTtlMs: number;
};

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

    /**
     * One password verification, after the attempt was checked and recorded (RateLimitedError when the
     * account is in back-off or the address has failed too often, unless `deviceToken` is a known device of
     * this account). A success returns a device token: sent with later sign-ins, it makes this client known.
     */
    async login(
      email: string,
      password: string,
      clientIp = 'unknown',
      deviceToken: string | null = null,
    ): Promise<NewSession | null> {
      const normalized = normalizeEmail(email);
      const now = new Date();
      const user = await findUserByEmail(db, normalized);
      const device =
        user && deviceToken?.startsWith('dev_')
          ? await findKnownDevice(db, hashToken(deviceToken), user.id, now)
          : null;
      const attempt = await limiter.reserve(
        { email: normalized, ip: clientIp, knownDeviceId: device?.id ?? null },
        now,
      );
      const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
      if (!user || !valid || user.disabledAt) return null;
      await limiter.succeeded(attempt.attemptId);
      const deviceExpiresAt = new Date(now.getTime() + options.knownDeviceTtlMs);
      let issuedDeviceToken = deviceToken;
      if (device) await renewKnownDevice(db, device.id, deviceExpiresAt, now);
      else {
        issuedDeviceToken = newToken('dev');
        await createKnownDevice(db, {
          userId: user.id,
          tokenHash: hashToken(issuedDeviceToken),
          expiresAt: deviceExpiresAt,
        });
      }
      const token = newToken('ses');
      const expiresAt = new Date(now.getTime() + options.sessionTtlMs);
      const session = await createSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
      return {
        token,
        expiresAt,
        deviceToken: issuedDeviceToken as string,
        viewer: viewerOf(user, 'session', session.id),
      };
    },

    logout(token: string): Promise<boolean> {
      return revokeSession(db, hashToken(token));
    },
  };
}
