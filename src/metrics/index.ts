/**
 * Prometheus metrics. Each process builds its own Registry (never prom-client's global default), so
 * tests and the one-process demo can hold several apps without names clashing. Labels are fixed
 * vocabularies (queue names, statuses, urgencies, outcomes): never ids, text or anything a patient wrote.
 */
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueName } from '../queue';

export { Registry } from 'prom-client';
export { registerStateMetrics, type StateMetricsDeps } from './state';
export { startMetricsServer, type MetricsServer } from './server';
export { instrumentWorkers } from './workers';

export function createMetricsRegistry(options: { role: string }): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ role: options.role });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export type JobOutcome = 'completed' | 'failed' | 'retrying';

export interface JobMetrics {
  /** Call when a processor settles: how long it ran, and how it ended. */
  observeJob(queue: QueueName, outcome: JobOutcome, seconds: number): void;
  /** Seconds a job waited in its queue before a worker took it (enqueue → start). */
  observeWait(queue: QueueName, seconds: number): void;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Worker-side job timings. Registered once per registry; the worker calls observeJob from its
 * processors' completion and failure hooks.
 */
export function createJobMetrics(registry: Registry): JobMetrics {
  const duration = new Histogram({
    name: 'inbox_job_duration_seconds',
    help: 'Time a queue processor spent on one job attempt',
    labelNames: ['queue', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'inbox_job_wait_seconds',
    help: 'Time a job waited in its queue before a worker started it',
    labelNames: ['queue'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return {
    observeJob: (queue, outcome, seconds) => duration.observe({ queue, outcome }, Math.max(0, seconds)),
    observeWait: (queue, seconds) => wait.observe({ queue }, Math.max(0, seconds)),
  };
}
