import { readConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { schema } from '../../src/schema';
import { createApiServer } from '../../src/server';
import type { Services } from '../../src/services';
import { graphqlClient } from './graphql-client';

/** Starts the real HTTP server on a free port. */
export async function startServer(services: Services, environment: Record<string, string> = {}) {
  const config = readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment });
  const server = await createApiServer({ config, logger: createLogger(config.logLevel), services, schema });
  const url = await server.listen(0, '127.0.0.1');
  return { url, server, gql: graphqlClient(url), close: () => server.close() };
}
