/**
 * A PostgreSQL cluster of the chaos run's own: initdb into a temp dir, pg_ctl on a free loopback
 * port, `-m immediate` stops for crash-like restarts. Run as the `postgres` OS user when we are root
 * (PostgreSQL refuses root). Never the shared server on 5432.
 */
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/demo/services';
import { makeTempDir, onCleanup, runSync } from './cleanup';

export interface PrivatePostgres {
  port: number;
  /** URL of a database in this cluster. */
  urlFor: (database: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** pg_ctl stop -m immediate: every backend dies at once, as in a crash (recovery on next start). */
  crash: () => void;
  start: () => void;
  stop: () => void;
}

/** The newest PostgreSQL under /usr/lib/postgresql that has initdb. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL found under ${root} (bin/initdb)`);
  return path.join(root, versions[0], 'bin');
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = findPostgresBin();
  const asRoot = userInfo().uid === 0;
  const dir = makeTempDir('chaos-pg-');
  if (asRoot) {
    const uid = Number(runSync('id', ['-u', 'postgres'], 'id -u postgres').trim());
    const gid = Number(runSync('id', ['-g', 'postgres'], 'id -g postgres').trim());
    chownSync(dir, uid, gid);
  }
  const as = (program: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  runSync(
    ...as('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']),
    'initdb',
  );
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    // Durability is not what is measured here; a crash restart still runs recovery.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  let running = false;
  const start = () => {
    runSync(
      ...as('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', serverOptions]),
      'pg_ctl start',
    );
    running = true;
  };
  const stopWith = (mode: 'immediate' | 'fast') => {
    if (!running) return;
    runSync(...as('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', dataDir]), `pg_ctl stop -m ${mode}`);
    running = false;
  };
  start();
  onCleanup(() => stopWith('immediate'));
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlFor,
    createDatabase: async (name: string) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
      const client = new Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    crash: () => stopWith('immediate'),
    start,
    stop: () => stopWith('fast'),
  };
}
