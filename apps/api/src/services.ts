import type { Database } from '@ksp/db';
import type { Viewer } from './auth/viewer';
import type { ExplanationCache } from './explanation-cache';
import type { ResultsCache } from './results-cache';
import type { CompanyExplanationWithTree } from './schema/explanation-tree';

export type NewSession = {
  token: string;
  expiresAt: Date;
  /** Marks this client as a known device of the account at its next sign-in (see docs/api.md). */
  deviceToken: string;
  viewer: Viewer;
};

/** What the server needs from the outside world; built once per process (or per test) in `createServices`. */
export type Services = {
  db: Database;
  /** Computed edition results, cached by data version. */
  results: ResultsCache;
  /** Companies' explanations with their trees, cached by the edition's data version. */
  explanations: ExplanationCache<CompanyExplanationWithTree>;
  /** The viewer a bearer token belongs to, or null if it is unknown, expired or revoked. */
  authenticate(token: string): Promise<Viewer | null>;
  /**
   * A new session for valid credentials of an active user, else null; RateLimitedError after too many
   * failures, unless `deviceToken` is a known device of the account.
   */
  login(
    email: string,
    password: string,
    clientIp?: string,
    deviceToken?: string | null,
  ): Promise<NewSession | null>;
  /** Revokes the session the token belongs to; false if it was not a live session token. */
  logout(token: string): Promise<boolean>;
  /** True when the database answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
};
