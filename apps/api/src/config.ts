import { z } from 'zod';
import { parseWebhookAllowList, type WebhookTargetPolicy } from './webhooks/webhook-target-policy';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Introspection is on outside production unless switched off; the admin app's codegen reads schema.graphql instead. */
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(1).default(50_000),
  GRAPHQL_MAX_BREADTH: z.coerce.number().int().min(1).default(400),
  /** Lexical tokens per document (the admin app's largest query has about 200; GraphiQL's introspection about 300). */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(3000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).default(12),
  /** Requests per client address per window on /graphql (per process); 0 switches the limit off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
  /** Sign-in limits (docs/api.md): failures per account before back-off, per address in the window (in the database). */
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  /** The per-address window and an account's first back-off; each further failure doubles the back-off. */
  LOGIN_WINDOW_MS: z.coerce.number().int().min(1000).default(900_000),
  /** Longest back-off of an account (at most a day: older failures are pruned). */
  LOGIN_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(6 * 3_600_000),
  /** How long a device stays known after its last successful sign-in. */
  LOGIN_DEVICE_TTL_DAYS: z.coerce.number().min(0.0001).default(90),
  /** Behind a reverse proxy: take the client address from the first X-Forwarded-For entry. */
  TRUST_PROXY: booleanFlag.default(false),
  /** How long /ready waits for the database before it answers "not ready". */
  READY_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  /** The built admin app served at `/`; unset means no static files. */
  ADMIN_DIST_DIR: z.string().optional(),
  /** Internal webhook receivers allowed although private/loopback (docs/webhooks.md); the dispatcher reads it too. */
  WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
});

export type ApiConfig = {
  production: boolean;
  port: number;
  host: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  introspection: boolean;
  limits: { depth: number; complexity: number; breadth: number; tokens: number };
  bodyLimitBytes: number;
  sessionTtlMs: number;
  rateLimit: { max: number; windowMs: number };
  loginRateLimit: { windowMs: number; maxPerEmail: number; maxPerIp: number; backoffMaxMs: number };
  knownDeviceTtlMs: number;
  trustProxy: boolean;
  readyTimeoutMs: number;
  adminDistDir: string | undefined;
  /** Which webhook URLs an admin may register (refused: internal addresses not in WEBHOOK_ALLOWED_HOSTS). */
  webhookTargets: WebhookTargetPolicy;
};

/**
 * Reads the API's settings from environment variables; throws listing every bad variable. Secrets (the
 * database URL with its password) are read only from the environment, by @ksp/db, never from files here.
 */
export function readConfig(environment: Record<string, string | undefined> = process.env): ApiConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid API configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  return {
    production,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    introspection: env.GRAPHQL_INTROSPECTION ?? !production,
    limits: {
      depth: env.GRAPHQL_MAX_DEPTH,
      complexity: env.GRAPHQL_MAX_COMPLEXITY,
      breadth: env.GRAPHQL_MAX_BREADTH,
      tokens: env.GRAPHQL_MAX_TOKENS,
    },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
    loginRateLimit: {
      windowMs: env.LOGIN_WINDOW_MS,
      maxPerEmail: env.LOGIN_MAX_FAILURES_PER_EMAIL,
      maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      backoffMaxMs: env.LOGIN_BACKOFF_MAX_MS,
    },
    knownDeviceTtlMs: env.LOGIN_DEVICE_TTL_DAYS * 86_400_000,
    trustProxy: env.TRUST_PROXY,
    readyTimeoutMs: env.READY_TIMEOUT_MS,
    adminDistDir: env.ADMIN_DIST_DIR,
    webhookTargets: parseWebhookAllowList(env.WEBHOOK_ALLOWED_HOSTS),
  };
}
