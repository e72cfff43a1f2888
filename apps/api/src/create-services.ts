import type { Database } from '@ksp/db';
import { credentials } from './auth/credentials';
import type { ApiConfig } from './config';
import { ExplanationCache } from './explanation-cache';
import type { Logger } from './logger';
import { ResultsCache } from './results-cache';
import { flatten } from './schema/explanation-tree';
import type { Services } from './services';

/** Wires the database into what the server and the resolvers use. */
export function createServices(db: Database, config: ApiConfig, logger?: Logger): Services {
  const results = new ResultsCache(db, {
    onListening: (listening) =>
      listening
        ? logger?.info('listening for data-version notifications: cached results are kept current by them')
        : logger?.warn(
            'not listening for data-version notifications: cached results are checked against the database until it listens again',
          ),
  });
  return {
    db,
    results,
    explanations: new ExplanationCache(
      (editionKey) => results.dataVersion(editionKey),
      (explanation) => flatten(explanation.root).length,
    ),
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
