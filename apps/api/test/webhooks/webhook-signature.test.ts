import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/webhooks/retry-delay';
import { readWebhookConfig } from '../../src/webhooks/webhook-config';
import { newWebhookSecret, secretPreview } from '../../src/webhooks/webhook-secret';
import { signWebhook, verifyWebhookSignature } from '../../src/webhooks/webhook-signature';

const SECRET = 'whsec_example_secret_for_tests';
const BODY = '{"event":"editionPublished","data":{"editionKey":"KSP25"}}';
const T = 1_700_000_000;
const AT_T = T * 1000;

describe('webhook signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    // Reference value from: printf '%s' "1700000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
    expect(signWebhook(SECRET, BODY, T)).toBe(
      't=1700000000,v1=a0ef2a75129381490d2deff9f04a614954c0894b66b8b57ffce3715ac0918f82',
    );
  });

  it('verifies the right body and secret within the tolerance, and nothing else', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: AT_T })).toBe(true);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: AT_T + 299_000 })).toBe(true);
    expect(verifyWebhookSignature(header, `${BODY} `, SECRET, { now: AT_T })).toBe(false);
    expect(verifyWebhookSignature(header, BODY, `${SECRET}x`, { now: AT_T })).toBe(false);
    // Replayed six minutes later: refused even though the HMAC matches.
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: AT_T + 360_000 })).toBe(false);
    // The timestamp is signed: changing it breaks the signature.
    expect(
      verifyWebhookSignature(header.replace('t=1700000000', 't=1700000001'), BODY, SECRET, { now: AT_T }),
    ).toBe(false);
    expect(verifyWebhookSignature(undefined, BODY, SECRET)).toBe(false);
    expect(verifyWebhookSignature('v1=abc', BODY, SECRET, { now: AT_T })).toBe(false);
    expect(verifyWebhookSignature('t=1700000000,v1=zz', BODY, SECRET, { now: AT_T })).toBe(false);
  });

  it('accepts any matching v1 among several (receiver-side rotation)', () => {
    const good = signWebhook(SECRET, BODY, T).split(',')[1];
    expect(verifyWebhookSignature(`t=${T},v1=${'0'.repeat(64)},${good}`, BODY, SECRET, { now: AT_T })).toBe(
      true,
    );
  });

  it('generates distinct secrets and previews only their start', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
    expect(secretPreview(a)).toBe(`${a.slice(0, 10)}…`);
    expect(secretPreview('short-secret')).toBe('shor…');
  });
});

describe('retry delay', () => {
  const backoff = { baseMs: 1_000, maxMs: 60_000 };
  it('doubles per attempt with equal jitter in the upper half of the window, capped', () => {
    // attempt 1: window 1000 → 500…1000
    expect(retryDelayMs(1, backoff, () => 0)).toBe(500);
    expect(retryDelayMs(1, backoff, () => 1)).toBe(1_000);
    // attempt 3: window 1000·2² = 4000 → 2000…4000; random 0.25 → 2000 + 0.25·2000 = 2500
    expect(retryDelayMs(3, backoff, () => 0.25)).toBe(2_500);
    // attempt 10: 1000·2⁹ = 512000, capped at 60000 → 30000…60000
    expect(retryDelayMs(10, backoff, () => 0)).toBe(30_000);
    expect(retryDelayMs(10, backoff, () => 1)).toBe(60_000);
  });
});

describe('webhook config', () => {
  it('has defaults, is off under NODE_ENV=test unless asked, and rejects bad values', () => {
    expect(readWebhookConfig({})).toEqual({
      enabled: true,
      intervalMs: 2_000,
      batchSize: 20,
      maxAttempts: 10,
      timeoutMs: 10_000,
      backoff: { baseMs: 30_000, maxMs: 21_600_000 },
      retentionDays: 30,
      targets: expect.objectContaining({ entries: [] }),
    });
    expect(readWebhookConfig({ NODE_ENV: 'test' }).enabled).toBe(false);
    expect(readWebhookConfig({ NODE_ENV: 'test', WEBHOOK_DISPATCHER: 'true' }).enabled).toBe(true);
    expect(readWebhookConfig({ WEBHOOK_DISPATCHER: 'false', WEBHOOK_MAX_ATTEMPTS: '3' })).toMatchObject({
      enabled: false,
      maxAttempts: 3,
    });
    expect(() => readWebhookConfig({ WEBHOOK_MAX_ATTEMPTS: '0', WEBHOOK_INTERVAL_MS: 'soon' })).toThrow(
      /WEBHOOK_MAX_ATTEMPTS[\s\S]*WEBHOOK_INTERVAL_MS|WEBHOOK_INTERVAL_MS[\s\S]*WEBHOOK_MAX_ATTEMPTS/,
    );
  });
});
