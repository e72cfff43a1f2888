import { createConnection, createServer, type Socket } from 'node:net';

export type TcpProxy = {
  port: number;
  /** Connections forwarded so far. */
  accepted(): number;
  /**
   * Network cut: open connections are destroyed at once, and new ones are accepted but get no answer
   * (a black hole, the hard case: the client only notices through its own time limits).
   */
  cut(): void;
  /** The network is back: held connections are dropped (clients reconnect) and new ones are forwarded. */
  restore(): void;
  close(): Promise<void>;
};

/** A TCP proxy in front of the database, so a test can cut the network without stopping the shared server. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let down = false;
  let accepted = 0;
  const open = new Set<Socket>();
  const held = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      held.add(client);
      client.on('error', () => {});
      client.on('close', () => held.delete(client));
      return;
    }
    accepted++;
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    accepted: () => accepted,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
      for (const socket of held) socket.destroy();
    },
    async close() {
      for (const socket of [...open, ...held]) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
