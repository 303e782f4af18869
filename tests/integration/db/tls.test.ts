/**
 * TLS to PostgreSQL (sslmode=verify-full) and Redis (rediss://), against private servers started
 * here on free ports with a throwaway CA (tests/helpers/tls.ts): a PostgreSQL that refuses
 * unencrypted connections, and a Redis that listens on TLS only. What this proves: the product's
 * own connection code (createDb, migrations, createRedisConnection) encrypts, checks the server's
 * certificate against the CA it is told to trust, and checks the host name; a wrong CA or a host
 * name the certificate does not name is refused. It does not prove anything about a managed
 * service's own TLS settings.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  copyFileSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '../../../src/db';
import { freePort } from '../../../src/demo/services';
import { createTestPki, type TestPki } from '../../helpers/tls';

jest.setTimeout(60_000);

/** The server binaries of the machine's PostgreSQL (Debian keeps them out of the PATH). */
const PG_BIN = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
const ROOT = path.resolve(__dirname, '../../..');
const asRoot = userInfo().uid === 0;

let pki: TestPki;
let pgDir: string;
let pgPort: number;
let redisPort: number;
let redis: ChildProcess;

/** PostgreSQL refuses to run as root: the system's postgres user runs it then. */
function runAsServerUser(command: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const done = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 30_000 });
  if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr || done.stdout}`);
}

beforeAll(async () => {
  pki = createTestPki();
  pgDir = mkdtempSync(path.join(tmpdir(), 'pg-tls-'));
  const data = path.join(pgDir, 'data');
  if (asRoot)
    chownSync(
      pgDir,
      Number(spawnSync('id', ['-u', 'postgres']).stdout),
      Number(spawnSync('id', ['-g', 'postgres']).stdout),
    );
  runAsServerUser(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-N']);
  const cert = path.join(data, 'server.crt');
  const key = path.join(data, 'server.key');
  copyFileSync(pki.serverCert, cert);
  copyFileSync(pki.serverKey, key);
  chmodSync(key, 0o600);
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout);
    chownSync(cert, uid, gid);
    chownSync(key, uid, gid);
  }
  pgPort = await freePort();
  appendFileSync(
    path.join(data, 'postgresql.conf'),
    `\nport = ${pgPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${pgDir}'\n` +
      `ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\nfsync = off\n`,
  );
  // TLS or nothing: a plain TCP connection is rejected by the server itself.
  writeFileSync(
    path.join(data, 'pg_hba.conf'),
    'hostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n',
  );
  runAsServerUser(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', path.join(pgDir, 'log'), '-w', 'start']);

  redisPort = await freePort();
  redis = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--tls-port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--tls-cert-file',
      pki.serverCert,
      '--tls-key-file',
      pki.serverKey,
      '--tls-ca-cert-file',
      pki.caCert,
      '--tls-auth-clients',
      'no',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
});

afterAll(async () => {
  redis?.kill('SIGTERM');
  try {
    runAsServerUser(`${PG_BIN}/pg_ctl`, ['-D', path.join(pgDir, 'data'), '-m', 'immediate', 'stop']);
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(pki.dir, { recursive: true, force: true });
  }
});

const pgUrl = (host: string, params: string) => `postgres://postgres@${host}:${pgPort}/postgres?${params}`;

const failureOf = async (url: string): Promise<string> => {
  const db = createDb(url, { maxConnections: 1 });
  try {
    await sql`select 1`.execute(db);
    return 'connected';
  } catch (err) {
    return String((err as Error).message);
  } finally {
    await db.destroy();
  }
};

describe('PostgreSQL over TLS (sslmode=verify-full)', () => {
  it('connects, encrypted, and runs the migrations through it', async () => {
    const db = createDb(pgUrl('localhost', `sslmode=verify-full&sslrootcert=${pki.caCert}`), {
      maxConnections: 2,
    });
    try {
      const ssl = await sql<{ ssl: boolean; version: string }>`
        select ssl, version from pg_stat_ssl where pid = pg_backend_pid()`.execute(db);
      expect(ssl.rows[0].ssl).toBe(true);
      expect(ssl.rows[0].version).toMatch(/^TLSv1\.[23]$/);
      const { applied } = await migrateToLatest(db);
      expect(applied).toContain('0008_security_controls');
    } finally {
      await db.destroy();
    }
  });

  it('refuses a server whose certificate a different CA signed', async () => {
    expect(await failureOf(pgUrl('localhost', `sslmode=verify-full&sslrootcert=${pki.otherCaCert}`))).toMatch(
      /self[- ]signed|unable to (get|verify)/i,
    );
  });

  it('refuses a host name the certificate does not name (verify-full checks it)', async () => {
    expect(await failureOf(pgUrl('127.0.0.1', `sslmode=verify-full&sslrootcert=${pki.caCert}`))).toMatch(
      /IP: 127\.0\.0\.1 is not in the cert's list|does not match|altnames/i,
    );
  });

  it('the server refuses a connection without TLS', async () => {
    expect(await failureOf(pgUrl('localhost', 'sslmode=disable'))).toMatch(
      /no encryption|pg_hba\.conf rejects/,
    );
  });
});

describe('Redis over TLS (rediss://)', () => {
  const probe = (url: string, ca?: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (ca) env.NODE_EXTRA_CA_CERTS = ca;
    else delete env.NODE_EXTRA_CA_CERTS;
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/integration/db/tls-redis-probe.ts', url],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 },
    );
    return run.stdout.trim();
  };

  it('connects through createRedisConnection with the CA added to Node’s trust store (the server has no plain port)', () => {
    expect(probe(`rediss://localhost:${redisPort}`, pki.caCert)).toBe('PONG');
  });

  it('refuses an untrusted certificate and a host name the certificate does not name', () => {
    expect(probe(`rediss://localhost:${redisPort}`, pki.otherCaCert)).toMatch(
      /^ERROR (SELF_SIGNED|UNABLE_TO|DEPTH_ZERO)/,
    );
    expect(probe(`rediss://127.0.0.1:${redisPort}`, pki.caCert)).toMatch(
      /^ERROR ERR_TLS_CERT_ALTNAME_INVALID/,
    );
  });
});
