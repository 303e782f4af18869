/**
 * PostgreSQL unreachable or going away, as pg reports it: the connection could not be made, was
 * cut, or the server is shutting down or starting up. Not a failing query (a constraint, bad SQL).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** SQLSTATE class 08 (connection exception) and the shutdown/startup states of class 57. */
const UNAVAILABLE_SQLSTATES = /^(08\d{3}|57P0[1-3])$/;

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

export function isDatabaseUnavailableError(err: unknown): boolean {
  const e = err as { code?: unknown; syscall?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.test(e.code)) return true;
    // A socket that could not reach the server: pg hands the net error on as it is.
    if (CONNECTION_CODES.has(e.code) && typeof e.syscall === 'string') return true;
  }
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m));
}
