import type { AuthScopes, Viewer } from './auth/viewer';
import type { ApiConfig } from './config';
import type { Logger } from './logger';
import type { Services } from './services';

/** Per-request GraphQL context: small and plain; data access goes through `services`. */
export type Context = {
  requestId: string;
  /** The client's address (X-Forwarded-For only with TRUST_PROXY), for rate limits. */
  clientIp?: string;
  viewer: Viewer | null;
  /** The raw bearer token, kept so `logout` can revoke the session it belongs to. */
  token: string | null;
  log: Logger;
  config: ApiConfig;
  services: Services;
};

export type { AuthScopes };
