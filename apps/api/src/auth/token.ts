import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer token: 32 random bytes, base64url. Session, API and device tokens carry a prefix so logs and users
 * can tell them apart (a device token only marks a known device at sign-in; it authenticates nothing).
 */
export function newToken(prefix: 'ses' | 'api' | 'dev'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256 digest: a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token in `Authorization: Bearer <token>`, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}
