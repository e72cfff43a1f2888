import { type Database, pruneLoginAttempts, recentLoginFailures, recordLoginFailure } from '@ksp/db';
import { RateLimitedError } from '../http/service-errors';

export type LoginRateLimitOptions = {
  /** Length of the sliding window. */
  windowMs: number;
  /** Failed logins allowed per e-mail address inside the window. */
  maxPerEmail: number;
  /** Failed logins allowed per client address inside the window (one address may try many accounts). */
  maxPerIp: number;
};

/**
 * Limits password guessing: failures are counted per e-mail and per client address over a sliding window,
 * in the database so every API replica shares the count. Over the limit, login answers RATE_LIMITED with
 * the seconds until the oldest failure leaves the window — before the password is even checked.
 */
export function loginRateLimit(db: Database, options: LoginRateLimitOptions) {
  return {
    async check(email: string, ip: string, now = new Date()): Promise<void> {
      const since = new Date(now.getTime() - options.windowMs);
      const recent = await recentLoginFailures(db, { email, ip }, since);
      const over = [
        recent.byEmail.count >= options.maxPerEmail ? recent.byEmail.oldest : null,
        recent.byIp.count >= options.maxPerIp ? recent.byIp.oldest : null,
      ].filter((oldest): oldest is Date => oldest !== null);
      if (over.length === 0) return;
      const freeAt = Math.max(...over.map((oldest) => oldest.getTime() + options.windowMs));
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      throw new RateLimitedError(
        `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
        retryAfterSeconds,
      );
    },

    async recordFailure(email: string, ip: string, now = new Date()): Promise<void> {
      await recordLoginFailure(db, { email, ip, at: now });
      // Cheap housekeeping on the failure path only: rows older than a day are never counted again.
      if (Math.random() < 0.05) await pruneLoginAttempts(db, new Date(now.getTime() - 86_400_000));
    },
  };
}
