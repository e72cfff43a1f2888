import type { PGlite } from '@electric-sql/pglite';
import type { Client, ClientConfig } from 'pg';

/** What a listener reports: each payload, and whether its LISTEN is in effect. */
export interface NotificationHandlers {
  onNotify(payload: string): void;
  /**
   * True once LISTEN is in effect (again, after a reconnect), false as soon as the connection is known to be
   * lost. Notifications sent while it was false were missed: whoever relies on them must check for themselves.
   */
  onListening?(listening: boolean): void;
}

export interface NotificationListener {
  close(): Promise<void>;
}

/** A channel name as LISTEN takes it: a plain lower-case identifier (notifications from pg_notify use the same text). */
function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel))
    throw new Error(`a notification channel is a plain lower-case identifier (got "${channel}")`);
}

/**
 * PGlite: the database runs in this process, so every write comes through it and LISTEN never breaks.
 * Notifications are delivered when the writing transaction commits.
 */
export function pgliteListener(
  pglite: PGlite,
  channel: string,
  handlers: NotificationHandlers,
): NotificationListener {
  checkChannel(channel);
  const unlisten = pglite
    .listen(channel, (payload) => handlers.onNotify(payload))
    .then(
      (stop) => {
        handlers.onListening?.(true);
        return stop;
      },
      () => undefined,
    );
  return {
    close: async () => {
      const stop = await unlisten;
      handlers.onListening?.(false);
      if (stop && !pglite.closed) await stop().catch(() => undefined);
    },
  };
}

export interface PgListenerOptions {
  /** How long to wait before connecting again after the connection was lost (default 1 s). */
  retryMs?: number;
  /**
   * A `SELECT 1` on the listening connection this often (default 5 s), with `query_timeout` set: a
   * connection cut without a FIN (network partition) is noticed within about twice this, not after TCP's
   * keep-alive minutes, and `onListening(false)` is reported.
   */
  heartbeatMs?: number;
}

/**
 * PostgreSQL: one dedicated connection outside the pool (a pooled connection is handed to other queries and
 * its LISTEN would end with it). It reconnects after losing the connection, reporting the gap through
 * `onListening`, until closed.
 */
export function pgListener(
  pg: { Client: new (config: ClientConfig) => Client },
  config: ClientConfig,
  channel: string,
  handlers: NotificationHandlers,
  options: PgListenerOptions = {},
): NotificationListener {
  checkChannel(channel);
  const retryMs = options.retryMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  let closed = false;
  let current: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lost = (client: Client) => {
    if (current !== client) return;
    current = undefined;
    clearInterval(heartbeat);
    handlers.onListening?.(false);
    client.end().catch(() => undefined);
    if (!closed) {
      retry = setTimeout(connect, retryMs);
      retry.unref();
    }
  };

  function connect() {
    if (closed) return;
    const client = new pg.Client({ ...config, query_timeout: heartbeatMs, keepAlive: true });
    current = client;
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', (message) => {
      if (message.channel === channel && current === client) handlers.onNotify(message.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${channel}`))
      .then(() => {
        if (current !== client) return;
        handlers.onListening?.(true);
        heartbeat = setInterval(() => {
          client.query('SELECT 1').catch(() => lost(client));
        }, heartbeatMs);
        heartbeat.unref();
      })
      .catch(() => lost(client));
  }

  connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const client = current;
      current = undefined;
      if (client) {
        handlers.onListening?.(false);
        // Ending waits for the server to close the socket, which a cut network never does: at most 1 s.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          client.end().catch(() => undefined),
          new Promise((resolve) => {
            timer = setTimeout(resolve, 1_000);
            timer.unref();
          }),
        ]);
        clearTimeout(timer);
      }
    },
  };
}
