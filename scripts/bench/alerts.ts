/**
 * Urgent alerts end to end, on a real PostgreSQL and Redis with the fake Slack Web API
 * (tests/helpers/fake-slack.ts, a real HTTP server):
 * - latency: a patient's POST of an emergent or urgent message to the sandbox portal → the fake Slack
 *   receiving its chat.postMessage, p50/p95 (goal: p95 under POLL_INTERVAL_MS + 1 s);
 * - baseline, same messages, same run: the POST → the message's `message.ingested` event (the poll
 *   alone), so the ratio shows what triage, the chart read and the post add;
 * - push (FHIR R4 Subscription, rest-hook → /portal/notify → an immediate poll) next to poll-only,
 *   the same messages in the same run, each mode on its own database, queues and sandbox
 *   (goal: push p95 under 1 s, whatever the poll interval).
 * Services as in ./pipeline.ts (BENCH_DATABASE_ADMIN_URL / BENCH_REDIS_URL). Size: --alerts-messages N
 * (default 30). Messages arrive one at a time, spread over the poll cycle.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { sql } from 'kysely';
import { FAKE_BOT_TOKEN, startFakeSlack } from '../../tests/helpers/fake-slack';
import { createDb, migrateToLatest, type Db } from '../../src/db';
import { createLogger } from '../../src/logging/logger';
import { startPipeline, type RunningPipeline } from '../../src/messages/pipeline-runtime';
import { portalNotifyHandler } from '../../src/portal/push';
import { startSeededSandbox } from '../../src/portal/sandbox';
import { patientMessage } from '../../src/portal/sandbox/synthetic';
import { closeQueues, createQueues, createRedisConnection } from '../../src/queue';
import type { BenchLine, BenchSection } from '../bench';
import { percentile, scratchDatabase } from '../bench-support';

const TEXTS = [
  'I have crushing chest pain and my left arm is numb',
  'I have had a fever of 101 since yesterday and feel awful',
  'My face is drooping on one side and my speech is slurred',
  'I am having trouble breathing since this morning',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postMessage(fhirBaseUrl: string, patientId: string, text: string): Promise<string> {
  const res = await fetch(`${fhirBaseUrl}/Communication`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(patientMessage(patientId, text)),
  });
  if (res.status !== 201) throw new Error(`sandbox refused the message: HTTP ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** portal id → message id, once every message is ingested. */
async function messageIds(
  db: Db,
  portalIds: string[],
): Promise<Map<string, { id: string; ingested: number }>> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .innerJoin('messages', 'messages.id', 'events.message_id')
      .select(['messages.portal_id', 'messages.id', sql<Date>`min(events.at)`.as('at')])
      .where('events.action', '=', 'message.ingested')
      .where('messages.portal_id', 'in', portalIds)
      .groupBy(['messages.portal_id', 'messages.id'])
      .execute();
    if (rows.length === portalIds.length) {
      return new Map(rows.map((r) => [r.portal_id, { id: r.id, ingested: r.at.getTime() }]));
    }
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${portalIds.length} ingested`);
    await sleep(100);
  }
}

interface ModeResult {
  /** POST → Slack chat.postMessage, and POST → ingested, each sorted. */
  latencies: number[];
  ingest: number[];
}

/** The web's /portal/notify alone (what push needs of the web role), on a free loopback port. */
async function startNotifyEndpoint(redisUrl: string, prefix: string, secret: string) {
  const connection = createRedisConnection(redisUrl, { connectionName: 'bench-notify' });
  const queues = createQueues(connection, prefix);
  const app = express();
  app.post('/portal/notify', portalNotifyHandler({ secret, queues, logger: pino({ level: 'silent' }) }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal/notify`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeQueues(queues);
      await connection.quit();
    },
  };
}

async function measure(
  mode: 'poll' | 'push',
  n: number,
  pollMs: number,
  redisUrl: string,
): Promise<ModeResult> {
  const scratch = await scratchDatabase();
  const db = createDb(scratch.url, { applicationName: 'bench', maxConnections: 4 });
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const sandbox = await startSeededSandbox({ seed: 1, patients: 50, messages: 0, port: 0 });
  const slack = await startFakeSlack();
  const secret = randomBytes(24).toString('hex');
  const notify = mode === 'push' ? await startNotifyEndpoint(redisUrl, prefix, secret) : undefined;
  let pipeline: RunningPipeline | undefined;
  try {
    await migrateToLatest(db);
    pipeline = await startPipeline({
      databaseUrl: scratch.url,
      redisUrl,
      queuePrefix: prefix,
      portalFhirUrl: sandbox.fhirBaseUrl,
      pollIntervalMs: pollMs,
      llm: { model: 'templates-only', timeoutMs: 1000, maxRetries: 0 },
      logger: createLogger({ level: 'error', role: 'bench', destination: pino.destination(2) }),
      alerts: {
        slack: { botToken: FAKE_BOT_TOKEN, urgentChannel: 'CURGENT', apiUrl: slack.url },
        appBaseUrl: 'http://127.0.0.1:3000',
        escalateAfterMs: { emergent: 600_000, urgent: 600_000 },
        escalationLimit: 1,
        ownerReminderMs: 600_000,
      },
      portalPush: notify ? { endpoint: notify.url, secret } : undefined,
    });
    if (mode === 'push') {
      const deadline = Date.now() + 30_000;
      while (sandbox.context.subscriptions.list.length === 0) {
        if (Date.now() > deadline) throw new Error('the worker did not subscribe');
        await sleep(50);
      }
    }
    const patients = sandbox.context.store.list('Patient').map((p) => p.resource.id as string);
    const posted = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const t = Date.now();
      posted.set(
        await postMessage(sandbox.fhirBaseUrl, patients[i % patients.length], TEXTS[i % TEXTS.length]),
        t,
      );
      await sleep(Math.floor(Math.random() * (pollMs / 2)));
    }
    const ids = await messageIds(db, [...posted.keys()]);
    const deadline = Date.now() + 120_000;
    const received = new Map<string, number>();
    while (received.size < n) {
      for (const c of slack.callsTo('chat.postMessage')) {
        const id = (c.args.metadata as { event_payload?: { message_id?: string } } | undefined)?.event_payload
          ?.message_id;
        if (id && c.status === 200 && !received.has(id)) received.set(id, c.at);
      }
      if (Date.now() > deadline) throw new Error(`only ${received.size} of ${n} alerts reached Slack`);
      await sleep(50);
    }
    const latencies: number[] = [];
    const ingest: number[] = [];
    for (const [portalId, t0] of posted) {
      const m = ids.get(portalId)!;
      latencies.push(received.get(m.id)! - t0);
      ingest.push(m.ingested - t0);
    }
    return { latencies: latencies.sort((a, b) => a - b), ingest: ingest.sort((a, b) => a - b) };
  } finally {
    await pipeline?.close();
    await notify?.close();
    const connection = createRedisConnection(redisUrl, { connectionName: 'bench-cleanup' });
    const queues = createQueues(connection, prefix);
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
    await connection.quit();
    await slack.close();
    await sandbox.close();
    await db.destroy();
    await scratch.drop();
  }
}

export const section: BenchSection = {
  name: 'alerts',
  async run(args: string[]): Promise<BenchLine[]> {
    const at = args.indexOf('--alerts-messages');
    const n = at >= 0 ? Number(args[at + 1]) : 30;
    if (!Number.isInteger(n) || n < 1) throw new Error('--alerts-messages must be a positive integer');
    const pollMs = Number(process.env.POLL_INTERVAL_MS ?? 1000);
    const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const poll = await measure('poll', n, pollMs, redisUrl);
    const push = await measure('push', n, pollMs, redisUrl);
    console.log(
      `alerts: ${n} emergent/urgent messages one at a time, poll-only then push; POLL_INTERVAL_MS=${pollMs}; fake Slack`,
    );
    return [
      {
        metric: 'poll-only: patient POST → Slack chat.postMessage, p50',
        value: percentile(poll.latencies, 50),
        unit: 'ms',
        baseline: { name: 'POST → ingested, p50', value: percentile(poll.ingest, 50) },
      },
      {
        metric: 'poll-only: patient POST → Slack chat.postMessage, p95',
        value: percentile(poll.latencies, 95),
        unit: 'ms',
        baseline: { name: 'POST → ingested, p95', value: percentile(poll.ingest, 95) },
        target: { max: pollMs + 1000 },
      },
      {
        metric: 'push: patient POST → Slack chat.postMessage, p50',
        value: percentile(push.latencies, 50),
        unit: 'ms',
        baseline: { name: 'poll-only, p50', value: percentile(poll.latencies, 50) },
      },
      {
        metric: 'push: patient POST → Slack chat.postMessage, p95',
        value: percentile(push.latencies, 95),
        unit: 'ms',
        baseline: { name: 'poll-only, p95', value: percentile(poll.latencies, 95) },
        target: { max: 1000 },
      },
    ];
  },
};
