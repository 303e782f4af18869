/**
 * One scenario's world: a fresh database in the run's PostgreSQL (migrated), a fresh sandbox portal,
 * the fake Slack (and, when asked, the fake model) in this process, a queue prefix of its own on the
 * run's Redis, and the worker processes. The chaos process keeps its own pool and queues to approve
 * replies and measure, and tolerates the faults it causes (their errors are expected).
 */
import type { Redis } from 'ioredis';
import path from 'node:path';
import { createDb, migrateToLatest, type Db } from '../../src/db';
import { closeQueues, createQueues, createRedisConnection, type Queues } from '../../src/queue';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/helpers/fake-openai';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../../tests/helpers/fake-slack';
import type { ChaosOptions } from './options';
import type { PrivatePostgres } from './postgres';
import type { ChaosRedis } from './redis';
import { startChaosSandbox, type ChaosSandbox } from './sandbox';
import { Traffic } from './traffic';
import { startWorkers, type WorkerSet } from './workers';

export interface RunServices {
  pg: PrivatePostgres;
  redis: ChaosRedis;
  logDir: string;
  options: ChaosOptions;
}

export interface Stage {
  name: string;
  db: Db;
  queues: Queues;
  sandbox: ChaosSandbox;
  slack: FakeSlack;
  model?: FakeOpenAI;
  workers: WorkerSet;
  traffic: Traffic;
  /** users.id of the person approving replies. */
  nurseId: string;
  close: () => Promise<void>;
}

/** Answers both model calls the pipeline makes: a second opinion (urgency) and a draft (body). */
export const MODEL_ANSWER = {
  json: {
    urgency: 'routine',
    rationale: 'Nothing in the message calls for a higher level.',
    body: 'Thank you for your message. A nurse will look at it today and reply here.',
  },
};

export async function openStage(
  services: RunServices,
  index: number,
  name: string,
  withModel = false,
): Promise<Stage> {
  const dbName = `chaos_${index}_${name.replace(/[^a-z0-9]/g, '_')}`;
  const url = await services.pg.createDatabase(dbName);
  // The chaos process's own pool; a database restart breaks its idle connections, which is expected.
  const db = createDb(url, { applicationName: 'chaos', maxConnections: 5, onIdleConnectionError: () => {} });
  await migrateToLatest(db);
  const nurseId = (
    await db
      .insertInto('users')
      .values({ email: 'chaos-nurse@example.test', display_name: 'Chaos Nurse', role: 'nurse' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const sandbox = await startChaosSandbox({
    patients: services.options.patients,
    logFile: path.join(services.logDir, `${index}-${name}-sandbox.log`),
  });
  const slack = await startFakeSlack();
  const model = withModel ? await startFakeOpenAI() : undefined;
  model?.setDefault(MODEL_ANSWER);
  const connection: Redis = createRedisConnection(services.redis.url, { connectionName: 'chaos' });
  connection.on('error', () => undefined);
  const prefix = `chaos-${index}`;
  const queues = createQueues(connection, prefix);
  const workers = await startWorkers({
    count: services.options.workers,
    logDir: services.logDir,
    label: `${index}-${name}`,
    env: {
      DATABASE_URL: url,
      REDIS_URL: services.redis.url,
      PORTAL_FHIR_URL: sandbox.fhirBaseUrl,
      POLL_INTERVAL_MS: String(services.options.pollMs),
      QUEUE_PREFIX: prefix,
      SLACK_API_URL: slack.url,
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      ...(model ? { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'chaos-fake-key' } : {}),
    },
  });
  return {
    name,
    db,
    queues,
    sandbox,
    slack,
    model,
    workers,
    traffic: new Traffic(sandbox),
    nurseId,
    close: async () => {
      await workers.stopAll();
      await closeQueues(queues).catch(() => undefined);
      connection.disconnect();
      await db.destroy().catch(() => undefined);
      await slack.close();
      await model?.close();
      await sandbox.stop();
    },
  };
}
