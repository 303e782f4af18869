/** Presence in Redis: heartbeat entries per message, expiry, departure, and keys under the prefix. */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  clearPresence,
  markPresence,
  presenceChangedSince,
  presenceFor,
  presenceKey,
} from '../../../src/inbox/presence';
import { createRedisConnection } from '../../../src/queue';
import { testRedisUrl } from '../../helpers/redis';

let redis: Redis;
const prefix = `presence-${randomBytes(5).toString('hex')}`;
const m1 = '11111111-1111-4111-8111-111111111111';
const m2 = '22222222-2222-4222-8222-222222222222';
const sam = { userId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Sam Rivera' };
const alex = { userId: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Alex Chen' };

beforeAll(() => {
  redis = createRedisConnection(testRedisUrl(), { connectionName: 'jest-presence' });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

test('who is on each message, replying before viewing; every requested id answers', async () => {
  await markPresence(redis, prefix, m1, { ...sam, mode: 'viewing' });
  await markPresence(redis, prefix, m1, { ...alex, mode: 'replying' });
  const map = await presenceFor(redis, prefix, [m1, m2]);
  expect(map.get(m1)!.map((p) => [p.name, p.mode])).toEqual([
    ['Alex Chen', 'replying'],
    ['Sam Rivera', 'viewing'],
  ]);
  expect(map.get(m1)![0].userId).toBe(alex.userId);
  expect(Date.parse(map.get(m1)![0].at)).toBeGreaterThan(Date.now() - 5000);
  expect(map.get(m2)).toEqual([]);
  // A heartbeat in another mode replaces the person's entry rather than adding one.
  await markPresence(redis, prefix, m1, { ...sam, mode: 'replying' });
  expect(
    (await presenceFor(redis, prefix, [m1])).get(m1)!.filter((p) => p.userId === sam.userId),
  ).toHaveLength(1);
});

test('leaving removes only that person', async () => {
  await clearPresence(redis, prefix, m1, alex.userId);
  expect((await presenceFor(redis, prefix, [m1])).get(m1)!.map((p) => p.name)).toEqual(['Sam Rivera']);
  await clearPresence(redis, prefix, m1, sam.userId);
  expect((await presenceFor(redis, prefix, [m1])).get(m1)).toEqual([]);
});

test('an entry nobody refreshes expires; a longer one keeps the key alive', async () => {
  // Expiries long enough for a loaded machine to read both entries before the short one lapses.
  await markPresence(redis, prefix, m2, { ...sam, mode: 'viewing' }, 1500);
  await markPresence(redis, prefix, m2, { ...alex, mode: 'viewing' }, 10_000);
  expect((await presenceFor(redis, prefix, [m2])).get(m2)).toHaveLength(2);
  await new Promise((resolve) => setTimeout(resolve, 1700));
  expect((await presenceFor(redis, prefix, [m2])).get(m2)!.map((p) => p.name)).toEqual(['Alex Chen']);
  // The expired field was deleted, and the hash itself carries the longest expiry.
  expect(await redis.hkeys(presenceKey(prefix, m2))).toEqual([alex.userId]);
  expect(await redis.pttl(presenceKey(prefix, m2))).toBeGreaterThan(5000);
  // With only short entries, Redis drops the whole key on its own.
  const m3 = '33333333-3333-4333-8333-333333333333';
  await markPresence(redis, prefix, m3, { ...sam, mode: 'viewing' }, 100);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await redis.exists(presenceKey(prefix, m3))).toBe(0);
  expect((await presenceFor(redis, prefix, [m3])).get(m3)).toEqual([]);
});

test('the index names messages with live entries, and ones expired since a given time', async () => {
  const before = Date.now();
  const m4 = '44444444-4444-4444-8444-444444444444';
  await markPresence(redis, prefix, m4, { ...sam, mode: 'viewing' }, 100);
  expect(await presenceChangedSince(redis, prefix, Date.now())).toContain(m4);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await presenceChangedSince(redis, prefix, Date.now())).not.toContain(m4);
  expect(await presenceChangedSince(redis, prefix, before)).toContain(m4);
});

test('keys live under the prefix and hold ids, names and modes only', async () => {
  await markPresence(redis, prefix, m1, { ...sam, mode: 'viewing' });
  const keys = await redis.keys(`${prefix}:presence:*`);
  expect(keys.sort()).toEqual(
    [`${prefix}:presence:${m1}`, `${prefix}:presence:${m2}`, `${prefix}:presence:index`].sort(),
  );
  const stored = JSON.parse((await redis.hget(presenceKey(prefix, m1), sam.userId))!);
  expect(Object.keys(stored).sort()).toEqual(['at', 'exp', 'mode', 'name']);
});
