import { z } from 'zod';

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
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).default(12),
  /** The built admin app served at `/`; unset means no static files. */
  ADMIN_DIST_DIR: z.string().optional(),
});

export type ApiConfig = {
  production: boolean;
  port: number;
  host: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  introspection: boolean;
  limits: { depth: number; complexity: number; breadth: number };
  bodyLimitBytes: number;
  sessionTtlMs: number;
  adminDistDir: string | undefined;
};

/** Reads the API's settings from environment variables; throws listing every bad variable. */
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
    },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    adminDistDir: env.ADMIN_DIST_DIR,
  };
}
