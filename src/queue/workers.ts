/**
 * The worker registry: one BullMQ Worker per queue that has a processor, each with its concurrency,
 * and one close() that stops taking jobs and waits for the ones in flight (graceful shutdown).
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactForLog } from '../privacy';
import type { QueueName } from './names';
import { withRedactedFailures } from './redact-failure';

/** `token` is the job lock token, for processors that move their job to delayed (rate limits). */
export type JobProcessor = (job: Job, token?: string) => Promise<unknown>;

export interface WorkerSpec {
  processor: JobProcessor;
  concurrency: number;
}

export interface StartWorkersOptions {
  /** Shared for commands; BullMQ opens its own blocking connection per worker from it. */
  connection: Redis;
  prefix: string;
  processors: Partial<Record<QueueName, WorkerSpec>>;
  logger: Logger;
  /**
   * How long a job's lock lasts without renewal, and how often stalled jobs are looked for. A killed
   * worker's jobs run again after about this long; BullMQ's default is 30 s.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface RunningWorkers {
  workers: Worker[];
  /** Stops fetching jobs, waits for active ones to finish (unless `force`), then closes. */
  close: (force?: boolean) => Promise<void>;
}

/** True when this run is the job's last chance: no retry follows a failure. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

function describe(err: unknown): { type: string; message: string } {
  const e = err as { name?: unknown; message?: unknown };
  return {
    type: typeof e?.name === 'string' ? e.name : 'Error',
    // Messages of our errors hold ids only; anything else (a driver error) is redacted to be sure.
    message: typeof e?.message === 'string' ? redactForLog(e.message).slice(0, 300) : '',
  };
}

export function startWorkers(options: StartWorkersOptions): RunningWorkers {
  const workers: Worker[] = [];
  for (const [name, spec] of Object.entries(options.processors) as [QueueName, WorkerSpec][]) {
    const log = options.logger.child({ queue: name });
    const worker = new Worker(name, withRedactedFailures(spec.processor), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: spec.concurrency,
      // Left out when not given: BullMQ refuses an explicit undefined.
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    worker.on('failed', (job, err) => {
      // By now attemptsMade counts this failure too.
      const final = !job || err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      log[final ? 'error' : 'warn'](
        { jobId: job?.id, attemptsMade: job?.attemptsMade, final, error: describe(err) },
        final ? 'job failed for good' : 'job failed; will retry',
      );
    });
    worker.on('error', (err) => log.error({ error: describe(err) }, 'worker error'));
    workers.push(worker);
  }
  return {
    workers,
    close: async (force = false) => {
      await Promise.all(workers.map((w) => w.close(force)));
    },
  };
}
