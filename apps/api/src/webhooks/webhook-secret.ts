import { randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, base64url, with a prefix so it is recognisable in a secrets store. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Enough of a secret to tell which one is configured, without revealing it. */
export function secretPreview(secret: string): string {
  return `${secret.slice(0, Math.min(10, Math.floor(secret.length / 3)))}…`;
}
