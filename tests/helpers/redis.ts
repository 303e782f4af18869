import { randomBytes } from 'node:crypto';

/** Redis for integration tests: TEST_REDIS_URL, else the local server. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A queue prefix of its own per test file, so files running in parallel never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `test-${randomBytes(5).toString('hex')}`;
}
