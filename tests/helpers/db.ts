/**
 * A fresh PostgreSQL database per test file: create, migrate, hand back, drop.
 * Server: TEST_DATABASE_ADMIN_URL, else postgres://postgres@127.0.0.1:5432/postgres (trust auth).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb, migrateToLatest, type Db } from '../../src/db';

export interface TestDatabase {
  db: Db;
  /** Connection URL of the fresh database, for code that builds its own pool (web, worker, CLIs). */
  url: string;
  name: string;
  /** Closes `db` and drops the database (also disconnecting any other pool still attached). */
  drop: () => Promise<void>;
}

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function urlForDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE copies template1 and fails while anyone else is connected to it: retry briefly. */
async function createDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `inbox_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(name);
  const url = urlForDatabase(adminDatabaseUrl(), name);
  const db = createDb(url, { applicationName: 'jest', maxConnections: 8 });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await db.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db);
    } catch (err) {
      await drop();
      throw err;
    }
  }
  return { db, url, name, drop };
}
