import {
  type Database,
  type LoginHistory,
  markLoginSucceeded,
  pruneLoginAttempts,
  reserveLoginAttempt,
} from '@ksp/db';
import { RateLimitedError } from '../http/service-errors';

export type LoginRateLimitOptions = {
  /** The per-address sliding window, and an account's first back-off. */
  windowMs: number;
  /** Failed logins an account may have before back-off starts (also what a known device may send). */
  maxPerEmail: number;
  /** Failed logins allowed per client address inside the window (one address may try many accounts). */
  maxPerIp: number;
  /** The longest back-off of an account; failures older than this are forgotten. */
  backoffMaxMs: number;
};

/** Failures are forgotten after a day at the latest (the table is pruned then). */
const PRUNE_AFTER_MS = 86_400_000;

export type LoginVerdict =
  | { allowed: true; knownDevice: boolean }
  | { allowed: false; retryAfterSeconds: number };

/**
 * The sign-in rule (docs/api.md, "Sign-in limits"). A known device that has not itself sent too many wrong
 * passwords is let through: guesses by others cannot lock the owner out. Anyone else is refused while
 *  - the account is in back-off: after `maxPerEmail` failures (since its last success), for
 *    `min(backoffMax, window · 2^(failures − maxPerEmail))` from the latest failure, and
 *  - the address has `maxPerIp` failures in the sliding window, until the oldest leaves it.
 */
export function loginVerdict(history: LoginHistory, options: LoginRateLimitOptions, now: Date): LoginVerdict {
  if (history.deviceFailures !== null && history.deviceFailures < options.maxPerEmail)
    return { allowed: true, knownDevice: true };
  const freeAt: number[] = [];
  const { account, address } = history;
  if (account.count >= options.maxPerEmail && account.latest) {
    const doublings = Math.min(account.count - options.maxPerEmail, 30);
    const backoffMs = Math.min(options.backoffMaxMs, options.windowMs * 2 ** doublings);
    freeAt.push(account.latest.getTime() + backoffMs);
  }
  if (address.count >= options.maxPerIp && address.oldest)
    freeAt.push(address.oldest.getTime() + options.windowMs);
  const waitMs = Math.max(0, ...freeAt) - now.getTime();
  if (waitMs <= 0) return { allowed: true, knownDevice: false };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Limits password guessing. `reserve` checks and records the attempt atomically in the database before the
 * password is verified (so concurrent guesses count against each other, across replicas) and throws
 * RateLimitedError with the seconds to wait; `succeeded` settles the attempt once the password was right.
 */
export function loginRateLimit(db: Database, options: LoginRateLimitOptions) {
  return {
    async reserve(
      key: { email: string; ip: string; knownDeviceId: string | null },
      now = new Date(),
    ): Promise<{ attemptId: string; knownDevice: boolean }> {
      let knownDevice = false;
      const { attemptId } = await reserveLoginAttempt(
        db,
        key,
        {
          account: new Date(now.getTime() - Math.min(options.backoffMaxMs, PRUNE_AFTER_MS)),
          address: new Date(now.getTime() - options.windowMs),
        },
        (history) => {
          const verdict = loginVerdict(history, options, now);
          if (!verdict.allowed)
            throw new RateLimitedError(
              `Too many failed sign-ins. Try again in ${verdict.retryAfterSeconds} seconds.`,
              verdict.retryAfterSeconds,
            );
          knownDevice = verdict.knownDevice;
        },
        now,
      );
      // Cheap housekeeping now and then: rows older than a day are never counted again.
      if (Math.random() < 0.05) await pruneLoginAttempts(db, new Date(now.getTime() - PRUNE_AFTER_MS));
      return { attemptId, knownDevice };
    },

    succeeded(attemptId: string): Promise<void> {
      return markLoginSucceeded(db, attemptId);
    },
  };
}
