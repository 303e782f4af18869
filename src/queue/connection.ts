import IORedis, { type Redis } from 'ioredis';

/**
 * One ioredis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require
 * (blocking commands must wait through a Redis restart instead of failing).
 */
export function createRedisConnection(redisUrl: string, options: { connectionName?: string } = {}): Redis {
  return new IORedis(redisUrl, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: options.connectionName,
    // Keep reconnecting with a capped delay; /readyz reports the outage meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
}

/**
 * The web role's connection for request paths (presence, login counters, enqueues from actions,
 * /readyz, /metrics, bull-board). Unlike the worker's, it fails fast instead of waiting out an
 * outage: a command answers within `timeoutMs` or is rejected (a frozen Redis), and a command sent
 * while the connection is down is rejected at once (no offline queue), so a page never hangs on it.
 * It still reconnects by itself; the first command after Redis is back succeeds.
 */
export function createRequestRedisConnection(
  redisUrl: string,
  options: { connectionName?: string; timeoutMs: number },
): Redis {
  return new IORedis(redisUrl, {
    commandTimeout: options.timeoutMs,
    connectTimeout: Math.max(options.timeoutMs, 1000),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableReadyCheck: true,
    connectionName: options.connectionName,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** What ioredis rejects a command with when Redis is down, unreachable or not answering in time. */
const UNAVAILABLE_MESSAGES = [
  'Command timed out',
  "Stream isn't writeable",
  'Connection is closed',
  'Reached the max retries per request limit',
];

/**
 * True when an error means Redis could not be reached or did not answer (not that a command was
 * wrong): callers answer 503 or carry on without Redis, instead of a generic 500.
 */
export function isRedisUnavailableError(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown } | null;
  if (!e || typeof e.message !== 'string') return false;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  const message = e.message;
  return UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m));
}
