import type { Database } from '@ksp/db';
import { credentials } from './auth/credentials';
import type { ApiConfig } from './config';
import { ResultsCache } from './results-cache';
import type { Services } from './services';

/** Wires the database into what the server and the resolvers use. */
export function createServices(db: Database, config: ApiConfig): Services {
  const results = new ResultsCache(db);
  return {
    db,
    results,
    ...credentials(db, {
      sessionTtlMs: config.sessionTtlMs,
      loginRateLimit: config.loginRateLimit,
      knownDeviceTtlMs: config.knownDeviceTtlMs,
    }),
    async ready() {
      await db.prisma.$queryRaw`select 1`;
      return true;
    },
    close: async () => {
      await results.close();
      await db.close();
    },
  };
}
