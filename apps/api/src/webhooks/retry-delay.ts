export type BackoffOptions = { baseMs: number; maxMs: number };

/**
 * How long to wait after failed attempt number `attempt` (1, 2, …): exponential, `baseMs · 2^(attempt−1)`
 * capped at `maxMs`, then "equal jitter": a random point in the upper half of that window. The jitter spreads
 * retries of many deliveries that failed together (a receiver outage), the lower bound keeps the back-off growing.
 */
export function retryDelayMs(
  attempt: number,
  { baseMs, maxMs }: BackoffOptions,
  random = Math.random,
): number {
  const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(window / 2 + random() * (window / 2));
}
