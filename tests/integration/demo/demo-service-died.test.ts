/**
 * `npm run demo` when a service it started dies under it: SIGTERM (what Ctrl-C amounts to) still
 * completes the shutdown promptly, and the embedded PostgreSQL is stopped, not left running. Each
 * case runs its own demo on its own embedded PostgreSQL (a temporary folder) and redis-server.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { waitUntil } from '../../helpers/wait';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../../..');
/** Generous for a loaded machine; without the fix the demo never exits at all. */
const SHUTDOWN_BOUND_MS = 30_000;

interface Demo {
  child: ChildProcess;
  workDir: string;
  dataDir: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Its redis-server, once started: killed by afterAll should the demo itself be killed. */
  redisPid?: number;
}

const running: Demo[] = [];

function startDemo(): Demo {
  const workDir = mkdtempSync(path.join(tmpdir(), 'inbox-demo-died-'));
  // When run as root the cluster belongs to a postgres user, which must be able to reach it.
  chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'postgres');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      DEMO_DATA_DIR: dataDir,
      PORT: '0',
      POLL_INTERVAL_MS: '300',
      DEMO_MESSAGE_INTERVAL_MS: '200',
      APP_BASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const demo: Demo = { child, workDir, dataDir, stdout: () => out, stderr: () => err, exit };
  running.push(demo);
  return demo;
}

/** The Inbox URL, once the demo has printed its lines and answers readiness. */
async function started(demo: Demo): Promise<string> {
  const lines = await waitUntil(
    'the demo to print its logins',
    () => {
      if (demo.child.exitCode !== null) throw new Error(`demo exited early: ${demo.stderr()}`);
      const printed = demo.stdout().split('\n').filter(Boolean);
      return printed.length >= 10 ? printed : undefined;
    },
    150_000,
  );
  const inbox = lines[0]!.slice('Inbox: '.length);
  await waitUntil(
    'the demo to be ready',
    async () => (await request(inbox).get('readyz')).status === 200,
    60_000,
  );
  return inbox;
}

/** The demo's own children by program name (redis-server, postgres). */
function childPids(parent: number, program: string): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(parent), '-x', program], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** The postmaster's pid, from the first line of postmaster.pid (there while PostgreSQL runs). */
function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then the time until the demo process exited. */
async function stopWithSigterm(demo: Demo): Promise<{ ms: number; code: number | null }> {
  const before = Date.now();
  demo.child.kill('SIGTERM');
  const bound = new Promise<'hung'>((resolve) =>
    setTimeout(() => resolve('hung'), SHUTDOWN_BOUND_MS).unref(),
  );
  const outcome = await Promise.race([demo.exit, bound]);
  if (outcome === 'hung')
    throw new Error(`the demo did not exit within ${SHUTDOWN_BOUND_MS} ms: ${demo.stderr()}`);
  return { ms: Date.now() - before, code: outcome.code };
}

afterAll(async () => {
  for (const demo of running) {
    if (demo.child.exitCode === null && demo.child.signalCode === null) {
      demo.child.kill('SIGKILL');
      await demo.exit;
    }
    if (demo.redisPid && alive(demo.redisPid)) process.kill(demo.redisPid, 'SIGKILL');
    // A postgres this test could not get stopped must not outlive it.
    if (existsSync(path.join(demo.dataDir, 'postmaster.pid'))) {
      const pid = postmasterPid(demo.dataDir);
      if (alive(pid)) process.kill(pid, 'SIGQUIT');
    }
    rmSync(demo.workDir, { recursive: true, force: true });
  }
});

/** The demo's own log line saying a service died; fails at once, with its errors, if it exited instead. */
async function noticed(demo: Demo, text: string): Promise<void> {
  await waitUntil(`the demo to log "${text}"`, () => {
    if (demo.child.exitCode !== null || demo.child.signalCode !== null) {
      const errors = demo
        .stderr()
        .split('\n')
        .filter((l) => !l.includes('"level":40'))
        .slice(-30);
      throw new Error(
        `the demo exited (${demo.child.exitCode ?? demo.child.signalCode}):\n${errors.join('\n')}`,
      );
    }
    return demo.stderr().includes(text);
  });
}

it('stops promptly, PostgreSQL included, after its redis-server was killed', async () => {
  const demo = startDemo();
  await started(demo);
  [demo.redisPid] = childPids(demo.child.pid!, 'redis-server');
  expect(demo.redisPid).toBeGreaterThan(0);
  const postgresPid = postmasterPid(demo.dataDir);
  expect(alive(postgresPid)).toBe(true);

  process.kill(demo.redisPid!, 'SIGKILL');
  await noticed(demo, "the demo's redis-server stopped unexpectedly");

  const { ms } = await stopWithSigterm(demo);
  expect(ms).toBeLessThan(SHUTDOWN_BOUND_MS);
  // PostgreSQL was shut down (it removes its pid file when it stops cleanly), not left running.
  expect(existsSync(path.join(demo.dataDir, 'postmaster.pid'))).toBe(false);
  expect(alive(postgresPid)).toBe(false);
  expect(demo.stderr()).toContain('demo stopped; not cleanly: worker (redis-server had already stopped)');
});

it('stops promptly after its embedded PostgreSQL was killed, leaving no process behind', async () => {
  const demo = startDemo();
  await started(demo);
  [demo.redisPid] = childPids(demo.child.pid!, 'redis-server');
  const postgresPid = postmasterPid(demo.dataDir);

  process.kill(postgresPid, 'SIGKILL');
  // Also proves the demo survives it: a database connection lost mid-transaction used to crash it.
  await noticed(demo, "the demo's PostgreSQL stopped unexpectedly");

  const { ms } = await stopWithSigterm(demo);
  expect(ms).toBeLessThan(SHUTDOWN_BOUND_MS);
  expect(alive(postgresPid)).toBe(false);
  expect(alive(demo.redisPid!)).toBe(false);
});
