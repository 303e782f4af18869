/**
 * The pipeline end to end, on a real PostgreSQL and Redis, drafting from templates:
 * - latency: a patient's POST to the sandbox portal → the message's `message.ready` event, p50/p95,
 *   for messages arriving one at a time (goal: p95 under POLL_INTERVAL_MS + 1 s);
 * - rate: a burst of messages from first ingest to last ready, in messages/s, next to a chain of
 *   no-op BullMQ jobs of the same length (triage → draft) with the same concurrency, same Redis, same run.
 * Services: BENCH_DATABASE_ADMIN_URL (else TEST_DATABASE_ADMIN_URL, else the local postgres) gets a
 * scratch database, dropped afterwards; BENCH_REDIS_URL (else REDIS_URL, else local) a scratch prefix.
 * Sizes: --pipeline-messages N (burst, default 300), --pipeline-latency N (default 40).
 * The run waits until every message is ready (nothing lost or stuck); messages whose step failed and
 * waited out retries are counted on their own line and left out of the figures.
 */
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { sql } from 'kysely';
import pino from 'pino';
import { createDb, migrateToLatest, type Db } from '../../src/db';
import { createLogger } from '../../src/logging/logger';
import { startPipeline, type RunningPipeline } from '../../src/messages/pipeline-runtime';
import { createFhirClient, type FhirClient } from '../../src/portal/fhir-client';
import { startSeededSandbox } from '../../src/portal/sandbox';
import { generateClinic, type SyntheticClinic } from '../../src/portal/sandbox/synthetic';
import { nextDemoMessage } from '../../src/demo/messages';
import { closeQueues, createQueues, createRedisConnection, DEFAULT_JOB_OPTIONS } from '../../src/queue';
import type { BenchLine, BenchSection } from '../bench';
import { percentile, scratchDatabase } from '../bench-support';

const CONCURRENCY = { triage: 8, draft: 4 };

function argNumber(args: string[], flag: string, fallback: number): number {
  const at = args.indexOf(flag);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every portal id has a `message.ready` event; returns each one's event time. */
async function readyTimes(db: Db, portalIds: string[]): Promise<Map<string, number>> {
  const deadline = Date.now() + 120_000 + portalIds.length * 200;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .innerJoin('messages', 'messages.id', 'events.message_id')
      .select(['messages.portal_id', sql<Date>`min(events.at)`.as('at')])
      .where('events.action', '=', 'message.ready')
      .where('messages.portal_id', 'in', portalIds)
      .groupBy('messages.portal_id')
      .execute();
    if (rows.length === portalIds.length) return new Map(rows.map((r) => [r.portal_id, r.at.getTime()]));
    if (Date.now() > deadline)
      throw new Error(`only ${rows.length} of ${portalIds.length} messages reached ready`);
    await sleep(100);
  }
}

/**
 * Portal ids whose triage or draft step failed. Such a message reaches ready only after its retries'
 * backoff (minutes), which measures the retry policy rather than the pipeline: it is counted and
 * printed, and left out of the figures.
 */
async function failedSteps(db: Db, portalIds: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('messages', 'messages.id', 'events.message_id')
    .select('messages.portal_id')
    .distinct()
    .where('events.action', 'in', ['message.triage_failed', 'draft.failed'])
    .where('messages.portal_id', 'in', portalIds)
    .execute();
  return new Set(rows.map((r) => r.portal_id));
}

function reportFailures(phase: string, failed: Set<string>, total: number): void {
  if (failed.size > 0) console.log(`pipeline ${phase}: ${failed.size} of ${total} failed a step (left out)`);
}

async function measureLatency(
  db: Db,
  portal: FhirClient,
  clinic: SyntheticClinic,
  n: number,
  pollMs: number,
) {
  const posted = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const at = Date.now();
    const created = await portal.create(nextDemoMessage(clinic, 50_000 + i));
    posted.set(created.resource.id!, at);
    // Spread arrivals across the poll cycle, as real messages would be.
    await sleep(Math.floor(Math.random() * (pollMs / 2)));
  }
  const ids = [...posted.keys()];
  const ready = await readyTimes(db, ids);
  const failed = await failedSteps(db, ids);
  reportFailures('latency', failed, n);
  return ids
    .filter((id) => !failed.has(id))
    .map((id) => ready.get(id)! - posted.get(id)!)
    .sort((a, b) => a - b);
}

async function measureRate(db: Db, portal: FhirClient, clinic: SyntheticClinic, n: number): Promise<number> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: Math.min(25, n - i) }, (_, k) =>
      nextDemoMessage(clinic, 90_000 + i + k),
    );
    const created = await Promise.all(batch.map((m) => portal.create(m)));
    ids.push(...created.map((c) => c.resource.id!));
  }
  const ready = await readyTimes(db, ids);
  const failed = await failedSteps(db, ids);
  reportFailures('burst', failed, n);
  const first = await db
    .selectFrom('events')
    .innerJoin('messages', 'messages.id', 'events.message_id')
    .select(sql<Date>`min(events.at)`.as('at'))
    .where('events.action', '=', 'message.ingested')
    .where('messages.portal_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const ok = ids.filter((id) => !failed.has(id));
  const seconds = (Math.max(...ok.map((id) => ready.get(id)!)) - first.at.getTime()) / 1000;
  return ok.length / seconds;
}

/** n chains of two no-op jobs (stage a enqueues stage b), with the pipeline's concurrency and job options. */
async function noopChainRate(redisUrl: string, n: number): Promise<number> {
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const connection = createRedisConnection(redisUrl, { connectionName: 'bench-noop' });
  const a = new Queue('a', { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS.triage });
  const b = new Queue('b', { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS.draft });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const wa = new Worker('a', async (job) => b.add('b', job.data, { jobId: `b-${job.data.i}` }), {
    connection,
    prefix,
    concurrency: CONCURRENCY.triage,
  });
  const wb = new Worker('b', async () => undefined, { connection, prefix, concurrency: CONCURRENCY.draft });
  wb.on('completed', () => {
    if (++done === n) finished();
  });
  try {
    await Promise.all([wa.waitUntilReady(), wb.waitUntilReady()]);
    const start = performance.now();
    for (let i = 0; i < n; i++) await a.add('a', { i }, { jobId: `a-${i}` });
    await allDone;
    return n / ((performance.now() - start) / 1000);
  } finally {
    await Promise.all([wa.close(), wb.close()]);
    await Promise.all([a.obliterate({ force: true }), b.obliterate({ force: true })]);
    await Promise.all([a.close(), b.close()]);
    await connection.quit();
  }
}

/** The pipeline's queues are closed with it; fresh handles remove the scratch prefix's keys. */
async function obliterateAll(redisUrl: string, prefix: string): Promise<void> {
  const connection = createRedisConnection(redisUrl, { connectionName: 'bench-cleanup' });
  const queues = createQueues(connection, prefix);
  await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
  await closeQueues(queues);
  await connection.quit();
}

export const section: BenchSection = {
  name: 'pipeline',
  async run(args: string[]): Promise<BenchLine[]> {
    const burst = argNumber(args, '--pipeline-messages', 300);
    const latencyN = argNumber(args, '--pipeline-latency', 40);
    const pollMs = Number(process.env.POLL_INTERVAL_MS ?? 1000);
    const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const database = await scratchDatabase();
    const db = createDb(database.url, { applicationName: 'bench', maxConnections: 4 });
    const prefix = `bench-${randomBytes(5).toString('hex')}`;
    const sandbox = await startSeededSandbox({ seed: 1, patients: 300, messages: 0, port: 0 });
    let pipeline: RunningPipeline | undefined;
    try {
      await migrateToLatest(db);
      pipeline = await startPipeline({
        databaseUrl: database.url,
        redisUrl,
        queuePrefix: prefix,
        portalFhirUrl: sandbox.fhirBaseUrl,
        pollIntervalMs: pollMs,
        llm: { model: 'templates-only', timeoutMs: 1000, maxRetries: 0 },
        // Errors only, to stderr: stdout carries the figures.
        logger: createLogger({ level: 'error', role: 'bench', destination: pino.destination(2) }),
        concurrency: CONCURRENCY,
      });
      const portal = createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0 });
      const clinic = generateClinic({ seed: 1, patients: 300 });
      const latencies = await measureLatency(db, portal, clinic, latencyN, pollMs);
      const rate = await measureRate(db, portal, clinic, burst);
      const baseline = await noopChainRate(redisUrl, burst);
      console.log(
        `pipeline: ${latencyN} single messages, then a burst of ${burst}; POLL_INTERVAL_MS=${pollMs}; templates`,
      );
      return [
        { metric: 'patient POST → ready, p50', value: percentile(latencies, 50), unit: 'ms' },
        {
          metric: 'patient POST → ready, p95',
          value: percentile(latencies, 95),
          unit: 'ms',
          target: { max: pollMs + 1000 },
        },
        {
          metric: 'sustained rate, first ingest → last ready',
          value: rate,
          unit: 'messages/s',
          baseline: { name: 'chain of 2 no-op BullMQ jobs, same Redis and concurrency', value: baseline },
        },
      ];
    } finally {
      await pipeline?.close();
      await obliterateAll(redisUrl, prefix);
      await sandbox.close();
      await db.destroy();
      await database.drop();
    }
  },
};
