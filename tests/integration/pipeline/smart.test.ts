/**
 * A portal that requires SMART Backend Services (as Epic and Oracle Health do for back-end apps):
 * configured through the environment, the worker polls, reads charts and sends replies with tokens.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { ConfigError, loadConfig } from '../../../src/config';
import { approveReply } from '../../../src/messages/approve';
import { startPipeline, type RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { loadSmartAuth } from '../../../src/portal/portal-auth';
import { startSeededSandbox, type RunningSandbox } from '../../../src/portal/sandbox';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import { closeQueues, createQueues, createRedisConnection, type Queues } from '../../../src/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';
import pino from 'pino';
import { waitFor } from './fixture';

jest.setTimeout(90_000);

describe('pipeline against a portal that requires SMART Backend Services', () => {
  let database: TestDatabase;
  let sandbox: RunningSandbox;
  let pipeline: RunningPipeline;
  let queues: Queues;
  let redis: ReturnType<typeof createRedisConnection>;
  let keyDir: string;
  let env: NodeJS.ProcessEnv;
  const prefix = uniqueQueuePrefix();

  beforeAll(async () => {
    const keys = await generateKeyPair('RS384', { extractable: true });
    keyDir = mkdtempSync(path.join(tmpdir(), 'smart-key-'));
    const keyFile = path.join(keyDir, 'inbox.pem');
    writeFileSync(keyFile, await exportPKCS8(keys.privateKey), { mode: 0o600 });
    sandbox = await startSeededSandbox({
      seed: 11,
      patients: 6,
      messages: 0,
      smart: {
        clients: [
          {
            clientId: 'inbox-worker',
            jwks: { keys: [{ ...(await exportJWK(keys.publicKey)), alg: 'RS384' }] },
          },
        ],
      },
    });
    database = await createTestDatabase();
    redis = createRedisConnection(testRedisUrl());
    queues = createQueues(redis, prefix);
    env = {
      PORTAL_SMART_CLIENT_ID: 'inbox-worker',
      PORTAL_SMART_TOKEN_URL: sandbox.tokenUrl,
      PORTAL_SMART_PRIVATE_KEY_FILE: keyFile,
      PORTAL_SMART_SCOPE: 'system/*.read system/Communication.write',
    };
    const config = loadConfig(env);
    pipeline = await startPipeline({
      databaseUrl: database.url,
      redisUrl: testRedisUrl(),
      queuePrefix: prefix,
      portalFhirUrl: sandbox.fhirBaseUrl,
      pollIntervalMs: 200,
      llm: config.llm,
      logger: pino({ level: 'silent' }),
      portalAuth: loadSmartAuth(config.portalSmart!),
      portalTimeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await pipeline?.close();
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined)));
    await closeQueues(queues);
    redis?.disconnect();
    await sandbox?.close();
    await database?.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('refuses half a SMART configuration, naming what is missing', () => {
    expect(() => loadConfig({ PORTAL_SMART_CLIENT_ID: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORTAL_SMART_CLIENT_ID: 'x' })).toThrow(/PORTAL_SMART_TOKEN_URL/);
  });

  it('the portal refuses calls without a token', async () => {
    const res = await fetch(`${sandbox.fhirBaseUrl}/Communication`);
    expect(res.status).toBe(401);
  });

  it('polls, reads the chart, drafts, and sends one reply, all with tokens', async () => {
    const portal = createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      auth: loadSmartAuth(loadConfig(env).portalSmart!),
    });
    const patientId = sandbox.context.store.list('Patient')[0]!.resource.id as string;
    const created = await portal.create(
      patientMessage(patientId, 'Can I get a copy of my vaccine records for work?'),
    );
    const portalId = (created.resource as { id?: string }).id!;
    const ready = await waitFor('the message to be ready', async () => {
      const m = await database.db
        .selectFrom('messages')
        .selectAll()
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return m?.status === 'ready' ? m : undefined;
    });
    // The chart was read with a token: no chart_unavailable flag, and the draft used chart facts.
    expect(ready.flags).not.toContain('chart_unavailable');
    const draft = await database.db
      .selectFrom('drafts')
      .selectAll()
      .where('message_id', '=', ready.id)
      .executeTakeFirstOrThrow();
    const author = await database.db
      .insertInto('users')
      .values({ email: 'staff@example.test', display_name: 'Staff', role: 'staff' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await approveReply(database.db, queues, {
      messageId: ready.id,
      author: author.id,
      body: draft.body,
      draftId: draft.id,
      expectedVersion: ready.version,
    });
    await waitFor('the reply to be sent', async () => {
      const m = await database.db
        .selectFrom('messages')
        .select('status')
        .where('id', '=', ready.id)
        .executeTakeFirst();
      return m?.status === 'sent';
    });
    const replies = sandbox.context.store
      .list('Communication')
      .filter(
        (c) =>
          (c.resource.inResponseTo as { reference: string }[] | undefined)?.[0]?.reference ===
          `Communication/${portalId}`,
      );
    expect(replies).toHaveLength(1);
  });
});
