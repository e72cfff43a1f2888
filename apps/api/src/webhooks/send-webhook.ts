import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ClaimedDelivery } from '@ksp/db';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import {
  checkWebhookTarget,
  type ResolvedAddress,
  type Resolver,
  type WebhookTargetPolicy,
} from './webhook-target-policy';

export type SendResult =
  | { ok: true; statusCode: number; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; durationMs: number };

export type SendOptions = {
  timeoutMs: number;
  /** Which addresses may be called (see webhook-target-policy.ts). */
  targets: WebhookTargetPolicy;
  /** The DNS resolver; tests replace it to play a rebinding name server. */
  resolve?: Resolver;
  now?: () => number;
};

/**
 * POSTs one delivery: the stored body byte for byte, signed, with the event id for the receiver's dedupe.
 * A 2xx is success; anything else (other status, redirect, timeout, network error, a refused address) is a
 * failed attempt. Redirects are not followed: the signature is meant for the URL the admin registered.
 * The host is resolved and checked first, and the connection goes to that checked address.
 * The log keeps the status and a short fixed reason, never the receiver's answer: an admin must not be able
 * to read internal services through the delivery log.
 */
export async function sendWebhook(delivery: ClaimedDelivery, options: SendOptions): Promise<SendResult> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const target = await untilAborted(
      checkWebhookTarget(delivery.url, options.targets, options.resolve),
      signal,
    );
    if (!target.ok) return { ok: false, statusCode: null, error: target.reason, durationMs: elapsed() };
    const statusCode = await post(target.url, target.address, signal, delivery.body, {
      'content-type': 'application/json',
      'user-agent': 'KSP-Webhooks/1',
      'x-ksp-event': delivery.event,
      'x-ksp-event-id': delivery.eventId,
      'x-ksp-delivery-id': delivery.id,
      'x-ksp-delivery-attempt': String(delivery.attempt),
      [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.body, Math.floor(now() / 1000)),
    });
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, durationMs: elapsed() };
    return { ok: false, statusCode, error: `HTTP ${statusCode}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeNetworkError(error), durationMs: elapsed() };
  }
}

/** The DNS lookup counts against the timeout too. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** One POST without a connection pool, to `address` when given (a checked DNS answer), else to the IP literal. */
function post(
  url: URL,
  address: ResolvedAddress | null,
  signal: AbortSignal,
  body: string,
  headers: OutgoingHttpHeaders,
): Promise<number> {
  // net.connect asks for every address when it may try several families; answer with the checked one only.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (!address) return callback(new Error('no checked address'), '', 4);
    if (lookupOptions.all)
      return (callback as (error: null, all: ResolvedAddress[]) => void)(null, [address]);
    callback(null, address.address, address.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: false,
        signal,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        ...(address ? { lookup: pinned } : {}),
      },
      (response) => {
        // Only the status counts; the body is neither read nor kept.
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
};

/** A short fixed reason per kind of failure; the error's own text may carry what the receiver said. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ABORT_ERR') return 'timed out';
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (/^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(code)) return 'TLS error';
  return 'network error';
}
