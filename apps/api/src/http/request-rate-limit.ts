/**
 * Requests per client address over a sliding window (the previous fixed window, weighted by how much of it
 * still overlaps, plus the current one). Kept in process memory: it protects this process from a flood and
 * costs no database round trip; with N replicas a client gets N times the budget, which is fine for flood
 * protection (login guessing has its own limit in the database, see auth/login-rate-limit.ts).
 */
export function requestRateLimit(options: { max: number; windowMs: number }) {
  const clients = new Map<string, { windowStart: number; current: number; previous: number }>();

  function forget(now: number) {
    for (const [key, entry] of clients)
      if (now - entry.windowStart >= 2 * options.windowMs) clients.delete(key);
  }

  return {
    /** Counts one request; returns 0 when allowed, else the whole seconds to wait. */
    take(clientKey: string, now = Date.now()): number {
      if (options.max <= 0) return 0;
      if (clients.size > 10_000) forget(now);
      const windowStart = now - (now % options.windowMs);
      let entry = clients.get(clientKey);
      if (!entry || windowStart - entry.windowStart >= 2 * options.windowMs) {
        entry = { windowStart, current: 0, previous: 0 };
        clients.set(clientKey, entry);
      } else if (entry.windowStart !== windowStart) {
        entry.previous = entry.current;
        entry.current = 0;
        entry.windowStart = windowStart;
      }
      const overlap = 1 - (now - windowStart) / options.windowMs;
      if (entry.previous * overlap + entry.current >= options.max) {
        return Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
      }
      entry.current++;
      return 0;
    },
  };
}
