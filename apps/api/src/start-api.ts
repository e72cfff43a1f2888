// The API on an open database. main.ts imports this module while the database is opening: loading it (Fastify,
// Apollo, the GraphQL schema, built as the module loads) then overlaps PGlite's start-up.
import type { Database } from '@ksp/db';
import type { ApiConfig } from './config';
import { createServices } from './create-services';
import type { Logger } from './logger';
import { schema } from './schema';
import { type ApiServer, createApiServer } from './server';
import { createWebhookDispatcher, readWebhookConfig, type WebhookDispatcher } from './webhooks';

export type RunningApi = {
  server: ApiServer;
  url: string;
  /** Sends queued webhook deliveries; null when WEBHOOK_DISPATCHER=false. */
  dispatcher: WebhookDispatcher | null;
};

/** Wires the services, starts listening, then starts the webhook dispatcher (safe in every replica). */
export async function startApi(db: Database, config: ApiConfig, logger: Logger): Promise<RunningApi> {
  const server = await createApiServer({
    config,
    logger,
    services: createServices(db, config, logger),
    schema,
  });
  const url = await server.listen();
  const webhooks = readWebhookConfig();
  const dispatcher = webhooks.enabled ? createWebhookDispatcher(db, webhooks, logger) : null;
  dispatcher?.start();
  return { server, url, dispatcher };
}
