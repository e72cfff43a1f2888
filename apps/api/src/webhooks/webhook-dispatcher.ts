import { claimDueDeliveries, type Database, pruneWebhookDeliveries, recordDeliveryResult } from '@ksp/db';
import type { Logger } from '../logger';
import { retryDelayMs } from './retry-delay';
import { sendWebhook } from './send-webhook';
import type { WebhookConfig } from './webhook-config';
import type { Resolver } from './webhook-target-policy';

export type DispatchRound = { claimed: number; delivered: number; retried: number; failed: number };

export interface WebhookDispatcher {
  /** One poll: claim due deliveries, send them in parallel, record every result. */
  runOnce(): Promise<DispatchRound>;
  /** Deletes finished deliveries older than `retentionDays` (no-op when 0); returns how many. */
  prune(): Promise<number>;
  /** Polls every `intervalMs` (at once again while batches come back full) until `stop`; prunes hourly. */
  start(): void;
  /** Stops polling and waits for the round in flight, so no claimed delivery is left unrecorded on shutdown. */
  stop(): Promise<void>;
}

export type DispatcherDependencies = {
  /** The DNS resolver (tests play a name server with it). */
  resolve?: Resolver;
  random?: () => number;
  now?: () => number;
};

/** Extra lease beyond the request timeout, for recording the result. */
const LEASE_MARGIN_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The delivery loop of one API process. Any number of processes may run one against the same database:
 * claims use FOR UPDATE SKIP LOCKED and a lease, so each due delivery goes to one of them.
 */
export function createWebhookDispatcher(
  db: Pick<Database, 'sql'>,
  config: Omit<WebhookConfig, 'enabled'>,
  logger: Logger,
  dependencies: DispatcherDependencies = {},
): WebhookDispatcher {
  const now = dependencies.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let prunedAt = Number.NEGATIVE_INFINITY;

  async function runOnce(): Promise<DispatchRound> {
    const claimed = await claimDueDeliveries(db.sql, {
      limit: config.batchSize,
      leaseMs: config.timeoutMs + LEASE_MARGIN_MS,
    });
    const round: DispatchRound = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
    await Promise.all(
      claimed.map(async (delivery) => {
        const sent = await sendWebhook(delivery, {
          timeoutMs: config.timeoutMs,
          targets: config.targets,
          resolve: dependencies.resolve,
          now,
        });
        const giveUp = !sent.ok && delivery.attempt >= config.maxAttempts;
        const retryAt =
          sent.ok || giveUp
            ? null
            : new Date(now() + retryDelayMs(delivery.attempt, config.backoff, dependencies.random));
        const recorded = await recordDeliveryResult(db.sql, delivery, sent.ok ? sent : { ...sent, retryAt });
        const log = {
          deliveryId: delivery.id,
          eventId: delivery.eventId,
          event: delivery.event,
          attempt: delivery.attempt,
        };
        if (!recorded) logger.warn(log, 'webhook result dropped: the claim was taken over');
        else if (sent.ok) {
          round.delivered++;
          logger.debug({ ...log, status: sent.statusCode }, 'webhook delivered');
        } else if (giveUp) {
          round.failed++;
          logger.warn({ ...log, error: sent.error }, 'webhook failed: no attempts left');
        } else {
          round.retried++;
          logger.info({ ...log, error: sent.error, retryAt }, 'webhook attempt failed; will retry');
        }
      }),
    );
    return round;
  }

  async function prune(): Promise<number> {
    if (config.retentionDays <= 0) return 0;
    const pruned = await pruneWebhookDeliveries(db.sql, new Date(now() - config.retentionDays * DAY_MS));
    if (pruned > 0)
      logger.info({ pruned, retentionDays: config.retentionDays }, 'old webhook deliveries deleted');
    return pruned;
  }

  async function poll() {
    try {
      if (now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now();
        await prune();
      }
      let round: DispatchRound;
      do round = await runOnce();
      while (!stopped && round.claimed === config.batchSize);
    } catch (error) {
      // The database may be briefly unreachable; the next poll tries again.
      logger.error({ err: error }, 'webhook dispatch round failed');
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = poll().finally(() => {
        running = undefined;
        schedule();
      });
    }, config.intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    prune,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
