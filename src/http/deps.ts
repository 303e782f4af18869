import type { Redis } from 'ioredis';
import type { AppConfig } from '../config';
import { createDb } from '../db';
import type { Logger } from '../logging/logger';
import { createFhirClient } from '../portal/fhir-client';
import { closeQueues, createQueues, createRequestRedisConnection, type Queues } from '../queue';
import type { AppDeps } from './app';

export class MissingSettingError extends Error {
  override name = 'MissingSettingError';
}

/** /readyz answers within a couple of seconds, so its portal probe neither retries nor waits long. */
const PORTAL_PROBE_TIMEOUT_MS = 2000;

/** How long close() gives Redis to acknowledge QUIT before it drops the connection. */
const REDIS_QUIT_GRACE_MS = 1000;

export interface WebRedis {
  redis: Redis;
  queues: Queues;
  /** Never waits on a Redis that is down or frozen: QUIT when it answers, else a plain disconnect. */
  close: () => Promise<void>;
}

/**
 * The web role's Redis: one fail-fast connection (see createRequestRedisConnection) for presence,
 * login counters, /readyz, /metrics and the queues web actions add jobs to. The worker's own
 * connection waits through outages instead; the web must answer a person within seconds.
 */
export function createWebRedis(
  redisUrl: string,
  options: { prefix: string; timeoutMs: number; logger: Logger; connectionName?: string },
): WebRedis {
  const redis = createRequestRedisConnection(redisUrl, {
    connectionName: options.connectionName ?? 'web',
    timeoutMs: options.timeoutMs,
  });
  // ioredis emits an error on every failed reconnect: log the kind once per outage, never the URL.
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    options.logger.warn({ err: { type: err.name } }, 'redis unavailable: pages carry on without it');
  });
  redis.on('ready', () => {
    if (down) options.logger.info('redis available again');
    down = false;
  });
  const queues = createQueues(redis, options.prefix, { failFast: true });
  return {
    redis,
    queues,
    close: async () => {
      const quit = async () => {
        await closeQueues(queues);
        await redis.quit();
      };
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, REDIS_QUIT_GRACE_MS);
      });
      await Promise.race([quit().catch(() => undefined), grace]);
      clearTimeout(timer);
      redis.disconnect();
    },
  };
}

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
  const web = createWebRedis(REDIS_URL, {
    prefix: QUEUE_PREFIX,
    timeoutMs: config.env.REDIS_REQUEST_TIMEOUT_MS,
    logger,
  });
  const portal = PORTAL_FHIR_URL
    ? createFhirClient({ baseUrl: PORTAL_FHIR_URL, retries: 0, timeoutMs: PORTAL_PROBE_TIMEOUT_MS })
    : undefined;
  return {
    deps: { config, db, redis: web.redis, queues: web.queues, logger, portal },
    close: async () => {
      await web.close();
      await db.destroy();
    },
  };
}
