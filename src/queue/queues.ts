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
  const entries = QUEUE_NAMES.map((name) => {
    const queue = new Queue(name, {
      connection,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS[name],
      ...failFast,
    });
    // BullMQ prints a queue's connection errors with console.error when nobody listens: six raw lines
    // per reconnect attempt during an outage. The shared connection's own 'error' listener (set by
    // whoever made it) reports the outage once, in the JSON log; a failed command still rejects.
    queue.on('error', () => undefined);
    return [name, queue];
  });
  return Object.fromEntries(entries) as Queues;
}

export interface EnqueueOptions {
  delayMs?: number;
  /** BullMQ priority: 1 runs first. See jobPriority(). */
  priority?: number;
}

/** Adds a job under its deterministic id, so enqueuing the same work twice runs it once. */
export async function enqueue<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  data: JobDataByQueue[Q],
  options: EnqueueOptions = {},
): Promise<void> {
  const target = queues[queue] as unknown as Queue<JobDataByQueue[Q]>;
  await target.add(queue as never, data as never, {
    jobId: jobIdFor(queue, data),
    delay: options.delayMs,
    ...(options.priority ? { priority: options.priority } : {}),
  });
}

/**
 * Emergencies first across a backlog: a job's priority from the message's urgency (known or
 * provisional). BullMQ runs lower numbers first and equal numbers in arrival order.
 */
export function jobPriority(urgency: string | null | undefined): number {
  switch (urgency) {
    case 'emergent':
      return 1;
    case 'urgent':
      return 2;
    case 'routine':
      return 3;
    default:
      return 4;
  }
}

export type RedriveOutcome = 'in_flight' | 'queued' | 'requeued' | 'failed';

/**
 * Makes sure the work has a live job: nothing when one is waiting, active or delayed; a new one when
 * there is none (Redis lost it) or the old one completed (its effect did not stick); 'failed' when
 * the job failed for good, for the caller to decide (a failed job keeps its id, so adding is a no-op).
 * One Redis read per call in the common case (the job hash), because reconciling a burst asks often.
 */
export async function redrive<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  data: JobDataByQueue[Q],
  options: EnqueueOptions = {},
): Promise<RedriveOutcome> {
  const job = await queues[queue].getJob(jobIdFor(queue, data));
  if (job) {
    if (!job.finishedOn) return 'in_flight';
    const state = await job.getState();
    if (state === 'failed') return 'failed';
    if (state !== 'completed' && state !== 'unknown') return 'in_flight';
    await job.remove().catch(() => undefined);
  }
  await enqueue(queues, queue, data, options);
  return job ? 'requeued' : 'queued';
}

/** Removes a job that failed for good, so the same id can run again. */
export async function removeFailedJob<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  data: JobDataByQueue[Q],
): Promise<void> {
  const job = await queues[queue].getJob(jobIdFor(queue, data));
  if (job && (await job.getState()) === 'failed') await job.remove();
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
