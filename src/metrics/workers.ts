import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { QUEUE_NAMES, type QueueName } from '../queue';
import type { JobMetrics } from './index';

const isQueueName = (name: string): name is QueueName => (QUEUE_NAMES as readonly string[]).includes(name);

/**
 * Feeds job timings from BullMQ's own timestamps (enqueued, started, finished), so processors need no
 * timing code. A retry's wait counts from the first enqueue: it is how long the work has waited.
 */
export function instrumentWorkers(workers: readonly Worker[], metrics: JobMetrics): void {
  for (const worker of workers) {
    if (!isQueueName(worker.name)) continue;
    const queue = worker.name;
    const observe = (job: Job | undefined, outcome: 'completed' | 'failed' | 'retrying') => {
      if (!job?.processedOn) return;
      metrics.observeJob(queue, outcome, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
      metrics.observeWait(queue, (job.processedOn - (job.timestamp + (job.delay ?? 0))) / 1000);
    };
    worker.on('completed', (job) => observe(job, 'completed'));
    worker.on('failed', (job, err) => {
      const final = !job || err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      observe(job, final ? 'failed' : 'retrying');
    });
  }
}
