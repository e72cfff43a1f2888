import type { Database } from '@ksp/db';
import type { ExplanationCache } from '../../src/explanation-cache';
import type { ResultsCache } from '../../src/results-cache';
import type { CompanyExplanationWithTree } from '../../src/schema/explanation-tree';
import type { Services } from '../../src/services';

/** Services without a database, for tests of the HTTP layer alone (no resolver there touches `db`). */
export function fakeServices(overrides: Partial<Services> = {}): Services {
  return {
    db: undefined as unknown as Database,
    results: undefined as unknown as ResultsCache,
    explanations: undefined as unknown as ExplanationCache<CompanyExplanationWithTree>,
    authenticate: async () => null,
    login: async () => null,
    logout: async () => false,
    ready: async () => true,
    close: async () => {},
    ...overrides,
  };
}
