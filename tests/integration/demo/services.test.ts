import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import IORedis from 'ioredis';
import { DemoSetupError, ensurePostgres, ensureRedis } from '../../../src/demo/services';

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Pids of the processes listening on a loopback port (ss ships with iproute2). */
function serverPids(port: number): number[] {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  return [...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
}

describe('demo services', () => {
  it('uses the given URLs as they are, starting nothing', async () => {
    const pg = await ensurePostgres('postgres://db.example:5432/x', () => undefined);
    const redis = await ensureRedis('redis://cache.example:6379');
    expect(pg).toMatchObject({ url: 'postgres://db.example:5432/x', started: false });
    expect(redis).toMatchObject({ url: 'redis://cache.example:6379', started: false });
  });

  it('starts a redis-server from the PATH on a free loopback port, and stops it', async () => {
    const redis = await ensureRedis(undefined);
    expect(redis.started).toBe(true);
    const port = Number(new URL(redis.url).port);
    const client = new IORedis(redis.url, { maxRetriesPerRequest: 0 });
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
    } finally {
      client.disconnect();
    }
    await redis.stop();
    expect(await portAccepts(port)).toBe(false);
  });

  it('stops at once a redis-server that already died, and says how it ended', async () => {
    const redis = await ensureRedis(undefined);
    const port = Number(new URL(redis.url).port);
    const [pid] = serverPids(port);
    process.kill(pid, 'SIGKILL');
    expect(await redis.exited).toBe('signal SIGKILL');
    // Before the fix this waited for an exit event that had already come and gone: for ever.
    await redis.stop();
    expect(await portAccepts(port)).toBe(false);
  });

  it('names how to install Redis when no redis-server can be found', async () => {
    const attempt = ensureRedis(undefined, 'redis-server-not-installed-here');
    await expect(attempt).rejects.toBeInstanceOf(DemoSetupError);
    await expect(attempt).rejects.toThrow(
      /set REDIS_URL.*install redis-server.*apt-get install redis-server/,
    );
  });
});
