import { describe, expect, it } from 'vitest';
import { loginVerdict } from '../../src/auth/login-rate-limit';

const options = { windowMs: 60_000, maxPerEmail: 5, maxPerIp: 30, backoffMaxMs: 600_000 };
const now = new Date('2026-12-07T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const history = (account: number, latestAgoMs: number, address = 0, oldestAgoMs = 0) => ({
  account: { count: account, latest: account ? ago(latestAgoMs) : null },
  address: { count: address, oldest: address ? ago(oldestAgoMs) : null },
  deviceFailures: null,
});

describe('loginVerdict', () => {
  it('lets the first failures through, then backs off from the latest failure, doubling per failure up to the cap', () => {
    expect(loginVerdict(history(4, 0), options, now)).toEqual({ allowed: true, knownDevice: false });
    // 5 failures: 60 s · 2⁰ = 60 s from the latest (10 s ago) → 50 s left.
    expect(loginVerdict(history(5, 10_000), options, now)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(loginVerdict(history(5, 60_000), options, now)).toEqual({ allowed: true, knownDevice: false });
    // 6 failures: 120 s; 7: 240 s; 8: 480 s; 9: 960 s capped at 600 s.
    expect(loginVerdict(history(6, 60_000), options, now)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(loginVerdict(history(7, 0), options, now)).toEqual({ allowed: false, retryAfterSeconds: 240 });
    expect(loginVerdict(history(8, 0), options, now)).toEqual({ allowed: false, retryAfterSeconds: 480 });
    expect(loginVerdict(history(9, 0), options, now)).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(loginVerdict(history(500, 0), options, now)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('limits an address over the sliding window until its oldest failure leaves it', () => {
    expect(loginVerdict(history(0, 0, 29, 1_000), options, now)).toMatchObject({ allowed: true });
    // Oldest 45 s ago, window 60 s → 15 s.
    expect(loginVerdict(history(0, 0, 30, 45_000), options, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
    });
    // Both limits: the later one counts (account 5 failures, latest 1 s ago → 59 s).
    expect(loginVerdict(history(5, 1_000, 30, 45_000), options, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 59,
    });
  });

  it('a known device passes both limits until it has sent maxPerEmail wrong passwords itself', () => {
    const locked = history(50, 0, 100, 0);
    expect(loginVerdict({ ...locked, deviceFailures: 4 }, options, now)).toEqual({
      allowed: true,
      knownDevice: true,
    });
    expect(loginVerdict({ ...locked, deviceFailures: 5 }, options, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
  });
});
