/**
 * The README's first command on a machine with no database or Redis configured: the demo starts an
 * embedded PostgreSQL (here in a temporary folder instead of .data/) and a redis-server of its own,
 * serves the API, and on Ctrl-C (SIGINT to its whole process group, as a terminal sends it) stops
 * both cleanly, without warnings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
let workDir: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';

function exitCode(): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'inbox-demo-'));
  // When run as root the cluster belongs to a postgres user, which must be able to reach it.
  chmodSync(workDir, 0o755);
  // What `npm run demo` runs (npm itself would not pass SIGTERM on to it).
  child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      DEMO_DATA_DIR: path.join(workDir, 'postgres'),
      PORT: '0',
      DEMO_MESSAGE_INTERVAL_MS: '0',
      APP_BASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, as a terminal's foreground job has, so Ctrl-C can be sent to it.
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
});

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await exitCode();
  }
  rmSync(workDir, { recursive: true, force: true });
});

async function printedLines(count: number): Promise<string[]> {
  for (;;) {
    const lines = stdout.split('\n').filter((l) => l !== '');
    if (lines.length >= count) return lines;
    if (child.exitCode !== null) throw new Error(`demo exited with ${child.exitCode}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** /readyz once it answers 200: a busy machine may need a moment after start-up. */
async function readyBody(base: string): Promise<{ checks: Record<string, { state: string }> }> {
  for (;;) {
    const res = await request(base).get('readyz');
    if (res.status === 200) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it('runs on an embedded PostgreSQL and its own redis-server, then stops both on Ctrl-C without a warning', async () => {
  const lines = await printedLines(10);
  const inbox = lines[0].slice('Inbox: '.length);
  const token = lines.find((l) => l.startsWith('API token staff: '))!.slice('API token staff: '.length);

  const ready = { body: await readyBody(inbox) };
  expect(ready.body.checks.database.state).toBe('ok');
  expect(ready.body.checks.redis.state).toBe('ok');
  await request(inbox).get('api/messages').set('Authorization', `Bearer ${token}`).expect(200);
  expect(existsSync(path.join(workDir, 'postgres', 'postmaster.pid'))).toBe(true);

  // The owner's password is random for this data directory, readable by this user only; the fixed
  // one of old demos opens nothing; web and worker run as the unprivileged app role.
  const passwordFile = path.join(workDir, 'postgres.password');
  expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  const password = readFileSync(passwordFile, 'utf8').trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  const port = Number(readFileSync(path.join(workDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const connect = async (user: string, pw: string) => {
    const client = new Client({ host: '127.0.0.1', port, user, password: pw, database: 'inbox_demo' });
    await client.connect();
    return client;
  };
  await expect(connect('postgres', 'demo')).rejects.toThrow(/password authentication failed/);
  const owner = await connect('postgres', password);
  try {
    const app = await owner.query(
      `select distinct a.usename, r.rolsuper from pg_stat_activity a join pg_roles r on r.rolname = a.usename
       where a.application_name in ('web', 'worker')`,
    );
    expect(app.rows).toEqual([{ usename: 'inbox_demo_app', rolsuper: false }]);
    const rights = await owner.query(
      `select has_table_privilege('inbox_demo_app', 'events', 'DELETE') as del,
              has_table_privilege('inbox_demo_app', 'events', 'INSERT') as ins`,
    );
    expect(rights.rows[0]).toEqual({ del: false, ins: true });
  } finally {
    await owner.end();
  }

  // Ctrl-C: the terminal signals the whole foreground process group (the demo, and the embedded
  // PostgreSQL it started), not the demo alone.
  const before = stderr.length;
  process.kill(-child.pid!, 'SIGINT');
  expect(await exitCode()).toBe(0);
  expect(stderr.slice(before)).not.toMatch(
    /connection lost|stopped unexpectedly|did not finish|"level":(40|50|60)/,
  );
  // PostgreSQL removes its pid file on a clean shutdown.
  expect(existsSync(path.join(workDir, 'postgres', 'postmaster.pid'))).toBe(false);
});
