import type { JobsOptions } from 'bullmq';
import type { QueueName } from './names';

const base: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are evidence of nothing the events table doesn't already hold; keep Redis small.
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Retries with exponential backoff; sends try longer because a patient is waiting on them. */
export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  poll: { ...base, attempts: 1, removeOnFail: { age: 3600, count: 100 } },
  triage: base,
  draft: base,
  send: { ...base, attempts: 12 },
  alert: { ...base, attempts: 12 },
  escalate: base,
};
