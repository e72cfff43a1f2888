import type { Database } from '@ksp/db';
import type { ResultsCache } from '../../src/results-cache';
import type { Services } from '../../src/services';

/** Services without a database, for tests of the HTTP layer alone (no resolver there touches `db`). */
export function fakeServices(overrides: Partial<Services> = {}): Services {
  return {
    db: undefined as unknown as Database,
    results: undefined as unknown as ResultsCache,
    authenticate: async () => null,
    login: async () => null,
    logout: async () => false,
    ready: async () => true,
    close: async () => {},
    ...overrides,
  };
}
