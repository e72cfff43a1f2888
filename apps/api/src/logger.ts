import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; request logs carry `requestId` so one request's lines can be found together. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ksp-api' }, redact: ['req.headers.authorization', '*.password'] });
}
