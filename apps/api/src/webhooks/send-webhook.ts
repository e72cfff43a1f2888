import type { ClaimedDelivery } from '@ksp/db';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export type SendResult =
  | { ok: true; statusCode: number; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; durationMs: number };

/** How much of a failing receiver's response body is kept in the delivery log. */
const ERROR_BODY_BYTES = 512;

export type SendOptions = { timeoutMs: number; fetch?: typeof fetch; now?: () => number };

/**
 * POSTs one delivery: the stored body byte for byte, signed, with the event id for the receiver's dedupe.
 * A 2xx is success; anything else (other status, redirect, timeout, network error) is a failed attempt.
 * Redirects are not followed: the signature is meant for the URL the admin registered.
 */
export async function sendWebhook(delivery: ClaimedDelivery, options: SendOptions): Promise<SendResult> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    const response = await (options.fetch ?? fetch)(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'KSP-Webhooks/1',
        'x-ksp-event': delivery.event,
        'x-ksp-event-id': delivery.eventId,
        'x-ksp-delivery-id': delivery.id,
        'x-ksp-delivery-attempt': String(delivery.attempt),
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.body, Math.floor(now() / 1000)),
      },
      body: delivery.body,
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { ok: true, statusCode: response.status, durationMs: elapsed() };
    }
    const excerpt = await readExcerpt(response);
    return {
      ok: false,
      statusCode: response.status,
      error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFetchError(error), durationMs: elapsed() };
  }
}

async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body that breaks off is still a failed attempt; the status says enough.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES).toString('utf8').trim();
}

/** fetch wraps the real cause (ECONNREFUSED, a timeout) in a generic "fetch failed". */
function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${error.message}: ${cause.code}`;
    if (cause?.message) return `${error.message}: ${cause.message}`;
    return error.message;
  }
  return String(error);
}
