import { createDatabase, type Database } from '@ksp/db';
import { inject } from 'vitest';
import type { ApiProcess } from './api-process';

/** The two API processes and the database every file shares (started once by global-setup.ts). */
export type SharedCluster = {
  databaseUrl: string;
  urls: string[];
  pids: number[];
  /** Companies enrolled by the seed, with the editions they take part in. */
  companies: { key: string; editionKeys: string[] }[];
  evaluationCounts: Record<string, number>;
};

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: SharedCluster;
  }
}

/** Settings of the shared processes (tests rely on them: introspection on, no request limit, small login limits). */
export const CLUSTER_ENV = {
  RATE_LIMIT_MAX: '0',
  GRAPHQL_INTROSPECTION: 'true',
  LOGIN_MAX_FAILURES_PER_EMAIL: '3',
  LOGIN_MAX_FAILURES_PER_IP: '12',
  LOGIN_WINDOW_MS: '4000',
  LOG_LEVEL: 'warn',
  // The access matrix aliases every field of a union member (same-named fields of different types must not
  // clash), up to ~90 per document; the default 15 fits real clients (the admin app uses at most 2).
  GRAPHQL_MAX_ALIASES: '200',
};

export function sharedCluster(): SharedCluster & { connect(): Promise<Database> } {
  const cluster = inject('cluster');
  return { ...cluster, connect: () => createDatabase({ url: cluster.databaseUrl, poolSize: 4 }) };
}

export function describeProcesses(processes: ApiProcess[]): string {
  return processes.map((p) => `${p.name} (pid ${p.child.pid})`).join(', ');
}
