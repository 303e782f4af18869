/**
 * The web app over real dependencies: a fresh PostgreSQL database, Redis under a queue prefix of
 * its own, and a sandbox portal on a free port. Log lines are kept in memory for assertions.
 */
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import { createApiToken } from '../../../src/auth/api-tokens';
import { loadConfig } from '../../../src/config';
import type { Db, UserRole } from '../../../src/db';
import { createApp, type AppDeps } from '../../../src/http/app';
import { createLogger } from '../../../src/logging/logger';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { startSandboxServer, type RunningSandbox } from '../../../src/portal/sandbox';
import { closeQueues, createQueues, createRedisConnection, type Queues } from '../../../src/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

export interface WebFixture {
  database: TestDatabase;
  db: Db;
  redis: Redis;
  queues: Queues;
  sandbox: RunningSandbox;
  logs: string[];
  deps: AppDeps;
  app: Express;
  /** Another app over the same dependencies with some of them swapped (e.g. a broken Redis). */
  appWith: (overrides: Partial<AppDeps>) => Express;
  close: () => Promise<void>;
}

export async function createWebFixture(env: Record<string, string> = {}): Promise<WebFixture> {
  const database = await createTestDatabase();
  const redis = createRedisConnection(testRedisUrl(), { connectionName: 'jest-web' });
  // /readyz reports Redis as failing until the connection is ready; on a loaded machine the first
  // test could otherwise ask before the client has connected.
  if (redis.status !== 'ready') await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const queues = createQueues(redis, uniqueQueuePrefix());
  const sandbox = await startSandboxServer({});
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    role: 'web',
    destination: { write: (line: string) => logs.push(line) },
  });
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const deps: AppDeps = {
    config,
    db: database.db,
    redis,
    queues,
    logger,
    // Generous, so a loaded CI machine never turns a healthy dependency into a timeout.
    portal: createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0, timeoutMs: 10_000 }),
    readinessTimeoutMs: 10_000,
  };
  return {
    database,
    db: database.db,
    redis,
    queues,
    sandbox,
    logs,
    deps,
    app: createApp(deps),
    appWith: (overrides) => createApp({ ...deps, ...overrides }),
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
      await closeQueues(queues);
      await redis.quit();
      await sandbox.close();
      await database.drop();
    },
  };
}

let emailCounter = 0;

/** A user of the given role with a fresh API token. */
export async function userWithToken(
  db: Db,
  role: UserRole,
  options: { expiresAt?: Date } = {},
): Promise<{ userId: string; token: string; tokenId: string }> {
  emailCounter += 1;
  const user = await db
    .insertInto('users')
    .values({
      email: `${role}-${emailCounter}-${Date.now()}@example.test`,
      display_name: `Test ${role}`,
      role,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await createApiToken(db, user.id, 'jest', options);
  return { userId: user.id, token: created.token, tokenId: created.id };
}

let portalCounter = 0;

/** A message row as the pipeline would leave it; returns its id. */
export async function insertMessage(
  db: Db,
  fields: {
    status?: 'new' | 'triaged' | 'ready' | 'sending' | 'sent' | 'closed';
    urgency?: 'emergent' | 'urgent' | 'routine' | 'non_clinical' | null;
    receivedAt: string;
    body?: string;
    subject?: string;
  },
): Promise<string> {
  portalCounter += 1;
  const row = await db
    .insertInto('messages')
    .values({
      portal_id: `web-${portalCounter}-${Date.now()}`,
      patient_ref: 'Patient/p1',
      body: fields.body ?? 'Can I get a refill of my lisinopril?',
      subject: fields.subject ?? 'Refill',
      received_at: fields.receivedAt,
      status: fields.status ?? 'ready',
      urgency: fields.urgency === undefined ? 'routine' : fields.urgency,
      category: fields.urgency === null ? null : 'medication',
      needs_reply: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
