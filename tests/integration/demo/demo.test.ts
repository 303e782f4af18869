/**
 * `npm run demo`'s entry as a real child process against the test PostgreSQL and Redis: it prints
 * the lines DESIGN.md promises, serves health, readiness and the API with a printed token, processes
 * the waiting and newly arriving demo messages, and exits cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import argon2 from 'argon2';
import request from 'supertest';
import { closeQueues, createQueues, createRedisConnection } from '../../../src/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const ROLES = ['staff', 'nurse', 'manager', 'admin'];

let database: TestDatabase;
let child: ChildProcess;
let stdout = '';
let stderr = '';
const prefix = uniqueQueuePrefix();

/** Resolves once the demo has printed `count` lines; fails if it exits first. */
function waitForLines(count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const lines = stdout.split('\n').filter((l) => l !== '');
      if (lines.length >= count) resolve(lines);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      check();
    });
    child.once('exit', (code) => reject(new Error(`demo exited with ${code} before printing: ${stderr}`)));
  });
}

function exitCode(): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  // What `npm run demo` runs (npm itself would not pass SIGTERM on to it).
  child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      PORT: '0',
      POLL_INTERVAL_MS: '300',
      DEMO_MESSAGE_INTERVAL_MS: '150',
      APP_BASE_URL: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
});

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await exitCode();
  }
  const connection = createRedisConnection(testRedisUrl(), { connectionName: 'jest-demo-cleanup' });
  const queues = createQueues(connection, prefix);
  await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
  await closeQueues(queues);
  await connection.quit();
  await database.drop();
});

/** /readyz once it answers 200: a busy machine may need a moment after start-up. */
async function readyBody(base: string): Promise<{ checks: Record<string, { state: string }> }> {
  for (;;) {
    const res = await request(base).get('readyz');
    if (res.status === 200) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('npm run demo', () => {
  let lines: string[];
  let inbox: string;

  it('prints the inbox URL, the sandbox FHIR URL, and a login and API token per role, one per line', async () => {
    lines = await waitForLines(2 + ROLES.length * 2);
    expect(lines[0]).toMatch(/^Inbox: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(/^Sandbox FHIR: http:\/\/127\.0\.0\.1:\d+\/fhir\/R4$/);
    for (const role of ROLES) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^Login ${role}: ${role}@\\S+ \\S{12,}$`)),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^API token ${role}: idt_[A-Za-z0-9_-]{43}$`)),
      );
    }
    inbox = lines[0].slice('Inbox: '.length);
  });

  it('stores the printed passwords as argon2id hashes', async () => {
    const login = lines.find((l) => l.startsWith('Login manager: '))!.split(' ');
    const [email, password] = [login[2], login[3]];
    const user = await database.db
      .selectFrom('users')
      .select(['password_hash', 'role'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('manager');
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(password);
    expect(await argon2.verify(user.password_hash!, password)).toBe(true);
  });

  it('has subscribed to the sandbox, so new messages are pushed to its /portal/notify', async () => {
    const fhir = lines[1]!.slice('Sandbox FHIR: '.length);
    const res = await fetch(`${fhir}/Subscription?url=${encodeURIComponent(`${inbox}portal/notify`)}`);
    const bundle = (await res.json()) as { total: number; entry: { resource: { status: string } }[] };
    expect(bundle.total).toBe(1);
    expect(bundle.entry[0]!.resource.status).toBe('active');
    // Without the run's secret the endpoint refuses.
    expect((await fetch(`${inbox}portal/notify`, { method: 'POST' })).status).toBe(401);
  });

  it('serves /healthz and /readyz', async () => {
    await request(inbox).get('healthz').expect(200);
    const ready = await readyBody(inbox);
    expect(ready.checks.portal.state).toBe('ok');
  });

  it('answers the API with a printed token, and the waiting and new demo messages reach ready', async () => {
    const token = lines.find((l) => l.startsWith('API token nurse: '))!.slice('API token nurse: '.length);
    await request(inbox).get('api/messages').expect(401);
    // 25 messages wait in the portal at start; more than that ready means generated ones arrived too.
    let ready: { id: string }[] = [];
    while (ready.length <= 25) {
      const res = await request(inbox)
        .get('api/messages?status=ready&limit=200')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      ready = res.body.items;
      if (ready.length <= 25) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const detail = await request(inbox)
      .get(`api/messages/${ready[0].id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(detail.body.message.urgency).toEqual(expect.any(String));
    expect(detail.body.message.triageReasons).toEqual(expect.any(Array));
  });

  it('exits cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exitCode()).toBe(0);
    expect(stderr).not.toMatch(/did not stop cleanly|failed to start/);
  });
});
