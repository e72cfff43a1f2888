import { z } from 'zod';
import { parseWebhookAllowList, type WebhookTargetPolicy } from './webhook-target-policy';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.string().default('development'),
  /** Run the dispatcher in this process; default on, except under NODE_ENV=test. */
  WEBHOOK_DISPATCHER: booleanFlag.optional(),
  WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(10).default(2_000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(6 * 3_600_000),
  /** Delivered and failed deliveries older than this are deleted; 0 keeps them forever. */
  WEBHOOK_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(30),
  /** Host names, addresses and CIDR ranges webhooks may reach although they are internal (on-premise receivers). */
  WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
});

export type WebhookConfig = {
  /** Whether `main` starts the dispatcher (deliveries are queued either way). */
  enabled: boolean;
  /** Pause between polls when there was nothing (more) to send. */
  intervalMs: number;
  /** Deliveries claimed per poll. */
  batchSize: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** Per request, connect to last body byte. */
  timeoutMs: number;
  backoff: { baseMs: number; maxMs: number };
  /** Finished deliveries are kept this many days (0: forever); pruned about once an hour. */
  retentionDays: number;
  /** Internal receivers the operator allows; everything else internal is refused (WEBHOOK_ALLOWED_HOSTS). */
  targets: WebhookTargetPolicy;
};

/** The webhook dispatcher's settings from the environment; throws listing every bad variable. */
export function readWebhookConfig(
  environment: Record<string, string | undefined> = process.env,
): WebhookConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid webhook configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const targets = parseWebhookAllowList(env.WEBHOOK_ALLOWED_HOSTS);
  return {
    enabled: env.WEBHOOK_DISPATCHER ?? env.NODE_ENV !== 'test',
    intervalMs: env.WEBHOOK_INTERVAL_MS,
    batchSize: env.WEBHOOK_BATCH_SIZE,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    backoff: { baseMs: env.WEBHOOK_BACKOFF_BASE_MS, maxMs: env.WEBHOOK_BACKOFF_MAX_MS },
    retentionDays: env.WEBHOOK_LOG_RETENTION_DAYS,
    targets,
  };
}
