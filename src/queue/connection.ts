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
