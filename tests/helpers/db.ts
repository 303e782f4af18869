/**
 * A fresh PostgreSQL database per test file: create, migrate, hand back, drop.
 * Server: TEST_DATABASE_ADMIN_URL, else postgres://postgres@127.0.0.1:5432/postgres (trust auth).
 *
 * As in production, the schema is owned by the migrating role (here the admin) and the product runs
 * as a separate least-privilege app role (src/db/roles.ts): `db` and `url` connect as that role, so
 * every integration test exercises the rights the app really has. `ownerDb` / `ownerUrl` are the
 * owner's, for tests that must do what the app cannot (migrations, tampering with the audit log).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb, migrateToLatest, type Db } from '../../src/db';
import { ensureAppRole, grantAppRole } from '../../src/db/roles';

export interface TestDatabase {
  /** The app role's pool (the owner's when created with `migrate: false`: nothing is granted yet). */
  db: Db;
  /** Connection URL of the fresh database as `db` connects, for code that builds its own pool. */
  url: string;
  /** The owner (admin) role's pool and URL. */
  ownerDb: Db;
  ownerUrl: string;
  /** The app role's name (cluster-wide, shared by every test database). */
  appRole: string;
  name: string;
  /** Closes the pools and drops the database (also disconnecting any other pool still attached). */
  drop: () => Promise<void>;
}

/** One login role for every test database on the server; trust auth, so no password. */
export const TEST_APP_ROLE = 'inbox_test_app';

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function urlForDatabase(adminUrl: string, name: string, user?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
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

let appRoleReady: Promise<unknown> | undefined;

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `inbox_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(name);
  const ownerUrl = urlForDatabase(adminDatabaseUrl(), name);
  const ownerDb = createDb(ownerUrl, { applicationName: 'jest-owner', maxConnections: 4 });
  const migrate = options.migrate !== false;
  const url = migrate ? urlForDatabase(adminDatabaseUrl(), name, TEST_APP_ROLE) : ownerUrl;
  let db: Db = ownerDb;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (db !== ownerDb) await db.destroy();
    await ownerDb.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  if (migrate) {
    try {
      await migrateToLatest(ownerDb);
      appRoleReady ??= ensureAppRole(ownerDb, { name: TEST_APP_ROLE });
      await appRoleReady;
      await grantAppRole(ownerDb, TEST_APP_ROLE);
      db = createDb(url, { applicationName: 'jest', maxConnections: 8 });
    } catch (err) {
      await drop();
      throw err;
    }
  }
  return { db, url, ownerDb, ownerUrl, appRole: TEST_APP_ROLE, name, drop };
}
