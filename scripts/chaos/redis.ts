/**
 * A redis-server of the chaos run's own, on a free loopback port, without persistence: `kill -9`
 * loses everything, and restart() brings up an empty one on the same port. Never the shared 6379.
 */
import type { ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import IORedis from 'ioredis';
import { freePort } from '../../src/demo/services';
import { gone, killNow, spawnTracked } from './cleanup';
import { waitFor } from './wait';

export interface ChaosRedis {
  url: string;
  /** SIGKILL: gone at once, with all its data. */
  kill: () => Promise<void>;
  /** A fresh, empty server on the same port. */
  restart: () => Promise<void>;
  flushAll: () => Promise<void>;
  stop: () => Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startChaosRedis(): Promise<ChaosRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess;
  const start = async () => {
    child = spawnTracked(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(`redis-server on port ${port}`, async () => !gone(child) && (await accepts(port)), 10_000);
  };
  await start();
  return {
    url,
    kill: () => killNow(child),
    restart: start,
    flushAll: async () => {
      const client = new IORedis(url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    stop: () => killNow(child),
  };
}
