/**
 * Shared setup of the pipeline tests: a fresh database, a queue prefix, the seeded sandbox portal on
 * 127.0.0.1, and helpers to post patient messages and wait for states (polling with a deadline,
 * never fixed sleeps: this machine is shared and slow at times).
 */
import { Writable } from 'node:stream';
import IORedis from 'ioredis';
import pino, { type Logger } from 'pino';
import { loadPrompts } from '../../../src/drafting/prompts';
import { DEFAULT_PROMPTS_DIR } from '../../../src/config/prompts-dir';
import type { PipelineDeps } from '../../../src/messages/pipeline-deps';
import {
  startPipeline,
  type PipelineSettings,
  type RunningPipeline,
} from '../../../src/messages/pipeline-runtime';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { startSeededSandbox, type RunningSandbox } from '../../../src/portal/sandbox';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import { createQueues, createRedisConnection, closeQueues, type Queues } from '../../../src/queue';
import type { Db } from '../../../src/db';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

export interface PipelineFixture {
  database: TestDatabase;
  db: Db;
  sandbox: RunningSandbox;
  prefix: string;
  redis: IORedis;
  queues: Queues;
  /** Lines the code under test logged, to check no patient text reached them. */
  logLines: string[];
  logger: Logger;
  patientIds: string[];
  close: () => Promise<void>;
}

export async function createPipelineFixture(): Promise<PipelineFixture> {
  const database = await createTestDatabase();
  const sandbox = await startSeededSandbox({ seed: 7, patients: 12, messages: 0 });
  const prefix = uniqueQueuePrefix();
  const redis = createRedisConnection(testRedisUrl());
  const queues = createQueues(redis, prefix);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const patientIds = sandbox.context.store.list('Patient').map((p) => p.resource.id as string);
  return {
    database,
    db: database.db,
    sandbox,
    prefix,
    redis,
    queues,
    logLines,
    logger,
    patientIds,
    close: async () => {
      await Promise.all(
        Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined)),
      );
      await closeQueues(queues);
      redis.disconnect();
      await sandbox.close();
      await database.drop();
    },
  };
}

/** The whole pipeline against the fixture's database, queues and sandbox: templates, fast polling. */
export function startFixturePipeline(
  f: PipelineFixture,
  overrides: Partial<PipelineSettings> = {},
): Promise<RunningPipeline> {
  return startPipeline({
    databaseUrl: f.database.url,
    redisUrl: testRedisUrl(),
    queuePrefix: f.prefix,
    portalFhirUrl: f.sandbox.fhirBaseUrl,
    pollIntervalMs: 200,
    llm: { model: 'none', timeoutMs: 1000, maxRetries: 0 },
    logger: f.logger,
    portalTimeoutMs: 3000,
    ...overrides,
  });
}

/** What the pipeline's use cases need, for tests that call them directly (no workers). */
export function fixtureDeps(f: PipelineFixture): PipelineDeps {
  return {
    db: f.db,
    queues: f.queues,
    logger: f.logger,
    chart: createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, timeoutMs: 3000, retries: 1, backoffMs: 50 }),
    model: null,
    prompts: loadPrompts(DEFAULT_PROMPTS_DIR),
  };
}

/** A patient writes in, exactly as a portal stores it: POST /Communication with the Patient as sender. */
export async function postPatientMessage(
  sandbox: RunningSandbox,
  patientId: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await fetch(`${sandbox.fhirBaseUrl}/Communication`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify({ ...patientMessage(patientId, text), ...extra }),
  });
  if (res.status !== 201)
    throw new Error(`sandbox refused the message: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Plants a resource without validation (a buggy portal), through the sandbox's admin route. */
export async function plantRaw(sandbox: RunningSandbox, resource: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${sandbox.origin}/_admin/resources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(resource),
  });
  if (res.status !== 201) throw new Error(`plant failed: HTTP ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

export async function setFaults(sandbox: RunningSandbox, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandbox.origin}/_admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (res.status !== 200) throw new Error(`fault switch refused: HTTP ${res.status}`);
}

/** Polls `probe` until it returns a value other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A probe that throws fails the wait at once (e.g. a child process that exited).
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function eventCount(db: Db, action: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
