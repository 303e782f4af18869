/** The live hub on its own: lazy ticker, heartbeats, stopping when the last client leaves. */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLiveHub, type LiveClient } from '../../../src/inbox/live/hub';
import { createLogger } from '../../../src/logging/logger';
import { createRedisConnection } from '../../../src/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testRedisUrl } from '../../helpers/redis';
import { addMessage } from './list-fixture';

let database: TestDatabase;
let redis: Redis;
const logs: string[] = [];
const logger = createLogger({
  level: 'debug',
  role: 'web',
  destination: { write: (l: string) => logs.push(l) },
});

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createRedisConnection(testRedisUrl(), { connectionName: 'jest-live-hub' });
});

afterAll(async () => {
  await redis.quit();
  await database.drop();
});

function recorder() {
  const seen: { kind: 'event' | 'comment'; name: string; data?: unknown }[] = [];
  const client: LiveClient = {
    send: (name, data) => seen.push({ kind: 'event', name, data }),
    comment: (text) => seen.push({ kind: 'comment', name: text }),
  };
  return { seen, client };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('ticks only while someone listens; heartbeats as comments; tells every client', async () => {
  const hub = createLiveHub({
    db: database.db,
    redis,
    prefix: `hub-${randomBytes(4).toString('hex')}`,
    logger,
    intervalMs: 100,
    heartbeatMs: 150,
  });
  const one = recorder();
  const two = recorder();
  const offOne = hub.subscribe(one.client);
  const offTwo = hub.subscribe(two.client);
  expect(hub.clientCount()).toBe(2);
  await sleep(400);
  expect(one.seen.some((s) => s.kind === 'comment' && s.name === 'ping')).toBe(true);
  await addMessage(database.db, { receivedAt: new Date().toISOString() });
  await sleep(400);
  for (const r of [one, two]) {
    expect(r.seen.filter((s) => s.name === 'list')).toHaveLength(1);
    expect(r.seen.filter((s) => s.name === 'message')).toHaveLength(1);
  }
  offOne();
  offTwo();
  expect(hub.clientCount()).toBe(0);
  // Stopped: nothing more is read or sent, even when things change.
  const before = one.seen.length;
  await addMessage(database.db, { receivedAt: new Date().toISOString() });
  await sleep(400);
  expect(one.seen.length).toBe(before);
  hub.close();
});

test('a failing tick is logged without detail and the stream goes on', async () => {
  // Any use of this database throws an error whose message holds PHI.
  const broken = new Proxy(
    {},
    {
      get() {
        throw new Error('Patient Jane Doe');
      },
    },
  );
  const hub = createLiveHub({
    db: broken as unknown as typeof database.db,
    redis,
    prefix: `hub-${randomBytes(4).toString('hex')}`,
    logger,
    intervalMs: 100,
  });
  const r = recorder();
  const off = hub.subscribe(r.client);
  await sleep(300);
  off();
  hub.close();
  const warned = logs.filter((l) => l.includes('inbox live tick failed'));
  expect(warned.length).toBeGreaterThan(0);
  expect(warned.join('\n')).not.toContain('Jane');
});
