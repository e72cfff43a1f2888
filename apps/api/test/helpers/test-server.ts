import type { DatabaseKind } from '@ksp/db';
import { createSeededTestDatabase } from '@ksp/db/testing';
import { readConfig } from '../../src/config';
import { createServices } from '../../src/create-services';
import { createLogger } from '../../src/logger';
import { schema } from '../../src/schema';
import { createApiServer } from '../../src/server';
import type { Services } from '../../src/services';
import { graphqlClient } from './graphql-client';
import { PASSWORD, type TestDataOptions, testDataSeed, USERS } from './test-data';

/** The API's configuration in tests: silent unless TEST_LOG names a level (CI sets `error`). */
const testConfig = (environment: Record<string, string> = {}) =>
  readConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG ?? 'silent', ...environment });

/** Starts the real HTTP server on a free port. */
export async function startServer(services: Services, environment: Record<string, string> = {}) {
  const config = testConfig(environment);
  const server = await createApiServer({ config, logger: createLogger(config.logLevel), services, schema });
  const url = await server.listen(0, '127.0.0.1');
  return { url, server, gql: graphqlClient(url), close: () => server.close() };
}

/**
 * The real server on a fresh test database with the test data (in-memory PGlite, or PostgreSQL via TEST_DATABASE_URL);
 * `environment` adds settings (e.g. WEBHOOK_ALLOWED_HOSTS for a receiver on loopback).
 */
export async function startServerWithDatabase(
  kind: DatabaseKind = 'pglite',
  options: TestDataOptions = {},
  environment: Record<string, string> = {},
) {
  // The test data is written once per run into a template (per kind and options); each file gets a clone.
  const { db, seeded } = await createSeededTestDatabase(kind, testDataSeed(options));
  const config = testConfig(environment);
  const app = await startServer(createServices(db, config), environment);
  const tokens: Record<keyof typeof USERS, string> = {
    admin: '',
    analyst: '',
    observer: '',
    otherObserver: '',
  };
  for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
    const result = await app.gql(
      'mutation($email: EmailAddress!, $password: String!) { login(email: $email, password: $password) { ... on Session { token } } }',
      { email: USERS[role], password: PASSWORD },
    );
    tokens[role] = result.data?.login.token;
  }
  return { ...app, db, tokens, seeded };
}
