/**
 * A redis-server of a test's own, on a free loopback port, for tests that must kill, freeze or
 * restart Redis. Never the shared Redis on 6379. Killed (SIGKILL) by stop(), thawed first if frozen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from '../../src/demo/services';
import { waitUntil } from './wait';

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: gone at once, as a crash would leave it. */
  kill: () => Promise<void>;
  /** SIGSTOP: the port still accepts connections, but nothing answers. */
  freeze: () => void;
  /** SIGCONT after freeze(). */
  thaw: () => void;
  /** A fresh, empty server on the same port (after kill()). */
  restart: () => Promise<void>;
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

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function exited(child: ChildProcess): Promise<void> {
  return gone(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess;
  let frozen = false;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitUntil(
      `redis-server on port ${port}`,
      async () => !gone(child) && (await accepts(port)),
      10_000,
    );
  };
  await start();
  const kill = async () => {
    if (frozen) child.kill('SIGCONT');
    frozen = false;
    child.kill('SIGKILL');
    await exited(child);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    freeze: () => {
      child.kill('SIGSTOP');
      frozen = true;
    },
    thaw: () => {
      child.kill('SIGCONT');
      frozen = false;
    },
    restart: start,
    stop: kill,
  };
}
