/**
 * A worker process for the crash test: the real pipeline, started the way src/worker.ts starts it,
 * with short job locks so a killed worker's jobs are taken over within seconds. Settings come from
 * the environment the test gives it; it prints `worker-ready` once running.
 */
import pino from 'pino';
import { startPipeline } from '../../../src/messages/pipeline-runtime';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

startPipeline({
  databaseUrl: need('CHILD_DATABASE_URL'),
  redisUrl: need('CHILD_REDIS_URL'),
  queuePrefix: need('CHILD_QUEUE_PREFIX'),
  portalFhirUrl: need('CHILD_PORTAL_FHIR_URL'),
  pollIntervalMs: 200,
  llm: { model: 'none', timeoutMs: 1000, maxRetries: 0 },
  logger: pino({ level: 'info' }),
  portalTimeoutMs: 3000,
  concurrency: { triage: 2, draft: 2, send: 1 },
  lockDurationMs: 2000,
  stalledIntervalMs: 1000,
}).then(
  (pipeline) => {
    process.stdout.write('worker-ready\n');
    process.once('SIGTERM', () => void pipeline.close().then(() => process.exit(0)));
  },
  (err: unknown) => {
    console.error(`child worker failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
