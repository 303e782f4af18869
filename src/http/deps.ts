import type { AppConfig } from '../config';
import { createDb } from '../db';
import type { Logger } from '../logging/logger';
import { createFhirClient } from '../portal/fhir-client';
import { closeQueues, createQueues, createRedisConnection } from '../queue';
import type { AppDeps } from './app';

export class MissingSettingError extends Error {
  override name = 'MissingSettingError';
}

/** /readyz answers within a couple of seconds, so its portal probe neither retries nor waits long. */
const PORTAL_PROBE_TIMEOUT_MS = 2000;

/**
 * The web process's dependencies, built from config. `close()` releases them in reverse order;
 * the caller stops the HTTP server first so no request is left using them.
 */
export function buildWebDeps(
  config: AppConfig,
  logger: Logger,
): { deps: AppDeps; close: () => Promise<void> } {
  const { DATABASE_URL, REDIS_URL, PORTAL_FHIR_URL, QUEUE_PREFIX } = config.env;
  if (!DATABASE_URL)
    throw new MissingSettingError('DATABASE_URL is not set; the web process needs PostgreSQL');
  if (!REDIS_URL) throw new MissingSettingError('REDIS_URL is not set; the web process needs Redis');
  const db = createDb(DATABASE_URL, {
    applicationName: 'web',
    onIdleConnectionError: (err) => logger.warn({ err: { type: err.name } }, 'database connection lost'),
  });
  const redis = createRedisConnection(REDIS_URL, { connectionName: 'web' });
  // ioredis emits an error on every failed reconnect; log the kind once per event, never the URL.
  redis.on('error', (err: Error) => logger.warn({ err: { type: err.name } }, 'redis connection error'));
  const queues = createQueues(redis, QUEUE_PREFIX);
  const portal = PORTAL_FHIR_URL
    ? createFhirClient({ baseUrl: PORTAL_FHIR_URL, retries: 0, timeoutMs: PORTAL_PROBE_TIMEOUT_MS })
    : undefined;
  return {
    deps: { config, db, redis, queues, logger, portal },
    close: async () => {
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
      await db.destroy();
    },
  };
}
