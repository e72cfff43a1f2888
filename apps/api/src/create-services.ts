import type { Database } from '@ksp/db';
import { credentials } from './auth/credentials';
import type { ApiConfig } from './config';
import { ResultsCache } from './results-cache';
import type { Services } from './services';

/** Wires the database into what the server and the resolvers use. */
export function createServices(db: Database, config: ApiConfig): Services {
  return {
    db,
    results: new ResultsCache(db),
    ...credentials(db, {
      sessionTtlMs: config.sessionTtlMs,
      loginRateLimit: config.loginRateLimit,
      knownDeviceTtlMs: config.knownDeviceTtlMs,
    }),
    async ready() {
      await db.prisma.$queryRaw`select 1`;
      return true;
    },
    close: () => db.close(),
  };
}
