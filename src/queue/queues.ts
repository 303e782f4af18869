import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QUEUE_NAMES, jobIdFor, type JobDataByQueue, type QueueName } from './names';

export type Queues = { [Q in QueueName]: Queue<JobDataByQueue[Q]> };

/**
 * The queues, sharing one connection. `prefix` separates deployments (and test files) on one Redis.
 * `failFast` (the web role, over createRequestRedisConnection): the queues neither wait for Redis to
 * be ready nor ask its version first, so an add while Redis is down fails at once instead of waiting.
 */
export function createQueues(
  connection: Redis,
  prefix = 'inbox',
  options: { failFast?: boolean } = {},
): Queues {
  const failFast = options.failFast ? { skipWaitingForReady: true, skipVersionCheck: true } : {};
  const entries = QUEUE_NAMES.map((name) => [
    name,
    new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS[name], ...failFast }),
  ]);
  return Object.fromEntries(entries) as Queues;
}

/** Adds a job under its deterministic id, so enqueuing the same work twice runs it once. */
export async function enqueue<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  data: JobDataByQueue[Q],
  options: { delayMs?: number } = {},
): Promise<void> {
  const target = queues[queue] as unknown as Queue<JobDataByQueue[Q]>;
  await target.add(queue as never, data as never, { jobId: jobIdFor(queue, data), delay: options.delayMs });
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** Waiting + active + delayed jobs per queue, for /metrics and /readyz. */
export async function queueDepths(queues: Queues): Promise<Record<QueueName, number>> {
  const pairs = await Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const counts = await queues[name].getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return [name, Object.values(counts).reduce((a, b) => a + b, 0)] as const;
    }),
  );
  return Object.fromEntries(pairs) as Record<QueueName, number>;
}
