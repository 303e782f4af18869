/**
 * The whole product running for a browser test, as `npm run demo` runs it but on fresh, private
 * state: a new PostgreSQL database, a Redis queue prefix of its own, the sandbox portal seeded with
 * the synthetic clinic, the pipeline worker (templates, fast polling) and the web app listening on
 * 127.0.0.1 with APP_BASE_URL = its own address. Users of every role have known passwords.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { hashPassword } from '../../src/auth/login';
import { loadConfig } from '../../src/config';
import type { Db, UserRole } from '../../src/db';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logging/logger';
import { startPipeline, type RunningPipeline } from '../../src/messages/pipeline-runtime';
import { createFhirClient } from '../../src/portal/fhir-client';
import { startSeededSandbox, type RunningSandbox } from '../../src/portal/sandbox';
import { generateClinic, generateMessages, patientMessage } from '../../src/portal/sandbox/synthetic';
import { closeQueues, createQueues, createRedisConnection, type Queues } from '../../src/queue';
import { createTestDatabase, type TestDatabase } from './db';
import { testRedisUrl, uniqueQueuePrefix } from './redis';
import { waitUntil } from './wait';

export { waitUntil } from './wait';

export interface InboxUser {
  userId: string;
  email: string;
  password: string;
  role: UserRole;
  displayName: string;
}

export interface InboxServerOptions {
  /** Realistic synthetic patient messages posted before the test starts (sent over the last hours). */
  messages?: number;
  seed?: number;
  patients?: number;
  /** The scheduled poll's interval; default 200 ms. */
  pollIntervalMs?: number;
  /** Push intake: the worker subscribes to the sandbox's notifications for the web's /portal/notify. */
  push?: boolean;
}

export interface PortalReply {
  id: string;
  text: string;
  identifier: string | undefined;
}

export interface InboxServer {
  baseUrl: string;
  db: Db;
  sandbox: RunningSandbox;
  queues: Queues;
  /** One user per role, plus a second staff member for collision tests. */
  users: Record<UserRole, InboxUser> & { staff2: InboxUser };
  patientIds: string[];
  /** Portal ids of the synthetic messages posted at start (options.messages). */
  seededPortalIds: string[];
  /** Lines the web app logged (warnings and up). */
  webLogs: string[];
  /** Lines the pipeline worker logged (warnings and up), to explain a message that never got ready. */
  workerLogs: string[];
  /** What the web app logged at level error or fatal (a 500 behind a page, say). */
  webErrors: () => string[];
  /** A patient writes in through the portal; returns the portal's Communication id. */
  postMessage: (text: string, options?: { patientIndex?: number; sent?: Date }) => Promise<string>;
  /** Waits until the pipeline has polled, triaged and drafted that portal message; returns its row. */
  waitForReady: (portalId: string, timeoutMs?: number) => Promise<{ id: string; urgency: string | null }>;
  /** The Communications on the portal that answer the patient's message. */
  repliesTo: (portalId: string) => PortalReply[];
  /** True when no send job is waiting, delayed or running. */
  sendQueueIdle: () => Promise<boolean>;
  /** The channel secret, when started with push. */
  pushSecret?: string;
  close: () => Promise<void>;
}

const PEOPLE: { key: UserRole | 'staff2'; role: UserRole; name: string }[] = [
  { key: 'staff', role: 'staff', name: 'Sam Rivera' },
  { key: 'staff2', role: 'staff', name: 'Alex Chen' },
  { key: 'nurse', role: 'nurse', name: 'Nora Patel' },
  { key: 'manager', role: 'manager', name: 'Maya Brooks' },
  { key: 'admin', role: 'admin', name: 'Adam Ortiz' },
];

async function createUsers(db: Db): Promise<InboxServer['users']> {
  const users = {} as InboxServer['users'];
  for (const person of PEOPLE) {
    const email = `${person.key}@clinic.test`;
    const password = `pw-${person.key}-correct-horse`;
    const row = await db
      .insertInto('users')
      .values({
        email,
        display_name: person.name,
        role: person.role,
        password_hash: await hashPassword(password),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[person.key] = { userId: row.id, email, password, role: person.role, displayName: person.name };
  }
  return users;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startInboxServer(options: InboxServerOptions = {}): Promise<InboxServer> {
  const seed = options.seed ?? 1;
  const patients = options.patients ?? 40;
  const database: TestDatabase = await createTestDatabase();
  const cleanup: (() => Promise<unknown>)[] = [() => database.drop()];
  const closeAll = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    const sandbox = await startSeededSandbox({ seed, patients, messages: 0, port: 0, host: '127.0.0.1' });
    cleanup.push(() => sandbox.close());
    const prefix = uniqueQueuePrefix();
    const workerLogs: string[] = [];
    const workerLogger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          workerLogs.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    // The web listener first: with push, the worker tells the portal its address.
    const server = createServer();
    const port = await listen(server);
    const baseUrl = `http://127.0.0.1:${port}`;
    const pollIntervalMs = options.pollIntervalMs ?? 200;
    const pushSecret = options.push ? randomBytes(24).toString('hex') : undefined;
    const portalPush = pushSecret ? { endpoint: `${baseUrl}/portal/notify`, secret: pushSecret } : undefined;

    const pipeline: RunningPipeline = await startPipeline({
      databaseUrl: database.url,
      redisUrl: testRedisUrl(),
      queuePrefix: prefix,
      portalFhirUrl: sandbox.fhirBaseUrl,
      pollIntervalMs,
      llm: { model: 'none', timeoutMs: 1000, maxRetries: 0 },
      logger: workerLogger,
      portalTimeoutMs: 5000,
      portalPush,
      // The schedule and the subscription are asserted at least this often, whatever the interval.
      maintenanceIntervalMs: Math.min(pollIntervalMs, 1000),
    });
    cleanup.push(() => pipeline.close());

    const redis = createRedisConnection(testRedisUrl(), { connectionName: 'jest-browser-web' });
    const queues = createQueues(redis, prefix);
    cleanup.push(async () => {
      await Promise.all(
        Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined)),
      );
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
    });

    const shutdown: { begin?: () => void } = {};
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          // As the web process stops: event streams end first, then the connections.
          shutdown.begin?.();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const webLogs: string[] = [];
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      APP_BASE_URL: baseUrl,
      POLL_INTERVAL_MS: String(pollIntervalMs),
      ...(portalPush
        ? { PORTAL_PUSH_ENDPOINT: portalPush.endpoint, PORTAL_PUSH_SECRET: portalPush.secret }
        : {}),
      QUEUE_PREFIX: prefix,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      PORTAL_FHIR_URL: sandbox.fhirBaseUrl,
    });
    const app = createApp({
      config,
      db: database.db,
      redis,
      queues,
      logger: createLogger({
        level: 'warn',
        role: 'web',
        destination: { write: (line: string) => webLogs.push(line) },
      }),
      portal: createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0, timeoutMs: 5000 }),
      readinessTimeoutMs: 10_000,
    });
    server.on('request', app);
    shutdown.begin = (app.locals as { beginShutdown?: () => void }).beginShutdown;

    const users = await createUsers(database.db);
    const patientIds = sandbox.context.store.list('Patient').map((p) => p.resource.id as string);

    const postMessage: InboxServer['postMessage'] = async (text, opts = {}) => {
      const patientId = patientIds[(opts.patientIndex ?? 0) % patientIds.length]!;
      return postCommunication(sandbox, { ...patientMessage(patientId, text, opts.sent ?? new Date()) });
    };

    const seededPortalIds: string[] = [];
    if (options.messages) {
      // The demo's generator, for the same clinic the sandbox holds, sent over the last few hours.
      const clinic = generateClinic({ seed, patients });
      const now = Date.now();
      for (let n = 0; n < options.messages; n++) {
        const [message] = generateMessages({ seed: 7919 + n, count: 1, clinic, now: new Date(now) });
        const { id: _id, meta: _meta, ...communication } = message!.communication;
        const sent = new Date(now - (options.messages - n) * 17 * 60_000);
        seededPortalIds.push(
          await postCommunication(sandbox, { ...communication, sent: sent.toISOString() }),
        );
      }
    }

    const waitForReady: InboxServer['waitForReady'] = (portalId, timeoutMs = 60_000) =>
      waitUntil(
        `message ${portalId} to be ready`,
        async () =>
          (await database.db
            .selectFrom('messages')
            .select(['id', 'urgency'])
            .where('portal_id', '=', portalId)
            .where('status', '=', 'ready')
            .executeTakeFirst()) ?? undefined,
        timeoutMs,
      ).catch((err: Error) => {
        throw withWorkerLogs(err, workerLogs);
      });

    const repliesTo = (portalId: string): PortalReply[] =>
      sandbox.context.store
        .list('Communication')
        .map((s) => s.resource as Record<string, unknown>)
        .filter((c) =>
          ((c.inResponseTo as { reference?: string }[] | undefined) ?? []).some(
            (r) => r.reference === `Communication/${portalId}`,
          ),
        )
        .map((c) => ({
          id: c.id as string,
          text: ((c.payload as { contentString?: string }[] | undefined) ?? [])[0]?.contentString ?? '',
          identifier: ((c.identifier as { value?: string }[] | undefined) ?? [])[0]?.value,
        }));

    const sendQueueIdle = async () => {
      const counts = await queues.send.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    };

    return {
      baseUrl,
      db: database.db,
      sandbox,
      queues,
      users,
      patientIds,
      seededPortalIds,
      webLogs,
      workerLogs,
      webErrors: () => webLogs.filter((line) => /"level":(50|60)\b/.test(line)),
      postMessage,
      waitForReady,
      repliesTo,
      sendQueueIdle,
      pushSecret,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

async function postCommunication(
  sandbox: RunningSandbox,
  resource: Record<string, unknown>,
): Promise<string> {
  const res = await fetch(`${sandbox.fhirBaseUrl}/Communication`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(resource),
  });
  if (res.status !== 201)
    throw new Error(`sandbox refused the message: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Waits until every given portal message is ready; returns their rows in the same order. */
export async function allReady(server: InboxServer, portalIds: string[], timeoutMs = 60_000) {
  return waitUntil(
    `${portalIds.length} messages to be ready`,
    async () => {
      const rows = await server.db
        .selectFrom('messages')
        .select(['id', 'portal_id', 'status', 'urgency'])
        .where('portal_id', 'in', portalIds)
        .execute();
      return rows.length === portalIds.length && rows.every((r) => r.status === 'ready') ? rows : undefined;
    },
    timeoutMs,
  ).catch((err: Error) => {
    throw withWorkerLogs(err, server.workerLogs);
  });
}

/** A wait that timed out says what the worker last complained about. */
function withWorkerLogs(err: Error, workerLogs: string[]): Error {
  if (workerLogs.length > 0) err.message += `; the worker's last warnings:\n${workerLogs.slice(-5).join('')}`;
  return err;
}
