/**
 * Whether an error means "the database cannot be reached right now" (as opposed to a bad query or a bug):
 * refused or dropped connections, connect/query timeouts, the server shutting down or refusing connections,
 * a cancelled statement. The API answers those with 503 SERVICE_UNAVAILABLE; the client may retry.
 * Looks through Prisma's driver-adapter wrapping and `cause` chains, since each layer wraps the one below.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    if (looksUnavailable(current as Record<string, unknown>)) return true;
    const record = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
// SQLSTATE: 08xxx connection exceptions, 57P01-57P03 shutdown / cannot connect now, 57014 statement timeout.
const SQLSTATE = /^(08...|57P0[1-3]|57014|53300)$/;
// Prisma's own codes: can't reach server, timeouts, connection closed, pool timeout.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
// pg's messages for its own (code-less) errors.
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended|connect ECONNREFUSED|canceling statement due to statement timeout|terminating connection/i;

function looksUnavailable(error: Record<string, unknown>): boolean {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const originalCode = typeof error.originalCode === 'string' ? error.originalCode : undefined;
  if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (originalCode && SQLSTATE.test(originalCode)) return true;
  if (typeof error.kind === 'string' && ADAPTER_KINDS.has(error.kind)) return true;
  return typeof error.message === 'string' && MESSAGES.test(error.message);
}
