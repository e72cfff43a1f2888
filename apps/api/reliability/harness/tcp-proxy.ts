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
  /**
   * Cuts the network in the middle of a transaction: once a client sends a statement containing `pattern`
   * (e.g. `INSERT INTO "Evaluation"`) for the `occurrence`-th time and the server has answered it, that
   * connection's next message (the next statement of the transaction, or its COMMIT) is not forwarded and
   * everything is cut as by `cut()`. Resolves when the cut has happened.
   */
  cutAfter(pattern: string, occurrence?: number): Promise<void>;
  /** The network is back: held connections are dropped (clients reconnect) and new ones are forwarded. */
  restore(): void;
  close(): Promise<void>;
};

/** A TCP proxy in front of the database, so a test can cut the network without stopping the shared server. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let down = false;
  let accepted = 0;
  let tripwire: { pattern: string; remaining: number; tripped: () => void } | null = null;
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
    // Forwarded by hand rather than piped, so the tripwire can hold back a message and cut.
    let tail = '';
    let armed: 'no' | 'sent' | 'answered' = 'no';
    client.on('data', (chunk: Buffer) => {
      if (armed === 'answered' && tripwire) {
        const { tripped } = tripwire;
        tripwire = null;
        proxy.cut();
        tripped();
        return;
      }
      if (tripwire && armed === 'no') {
        // The statement's text can straddle two chunks: look at the end of the previous one too.
        const text = tail + chunk.toString('latin1');
        tail = text.slice(-tripwire.pattern.length);
        if (text.includes(tripwire.pattern) && --tripwire.remaining === 0) armed = 'sent';
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (armed === 'sent') armed = 'answered';
      client.write(chunk);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: TcpProxy = {
    port,
    accepted: () => accepted,
    cutAfter(pattern, occurrence = 1) {
      return new Promise<void>((tripped) => {
        tripwire = { pattern, remaining: occurrence, tripped };
      });
    },
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
  return proxy;
}
