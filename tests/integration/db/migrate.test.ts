import { sql } from 'kysely';
import { createDb, migrateToLatest } from '../../../src/db';
import { runMigrate } from '../../../src/db/migrate-cli';
import { Client } from 'pg';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../../helpers/db';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('apply once, then are a no-op, also when run concurrently', async () => {
    const first = await migrateToLatest(t.db);
    expect(first.applied).toContain('0001_initial');
    const [a, b] = await Promise.all([migrateToLatest(t.db), migrateToLatest(t.db)]);
    expect(a.applied).toEqual([]);
    expect(b.applied).toEqual([]);
    expect((await runMigrate({ DATABASE_URL: t.url })).applied).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`.execute(
      t.db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'alerts',
        'api_tokens',
        'clinic_settings',
        'drafts',
        'events',
        'messages',
        'poll_cursors',
        'replies',
        'sessions',
        'users',
      ]),
    );
  });

  it('the CLI names a missing or malformed DATABASE_URL', async () => {
    await expect(runMigrate({})).rejects.toThrow(/DATABASE_URL/);
    await expect(runMigrate({ DATABASE_URL: 'mysql://x' })).rejects.toThrow(/DATABASE_URL/);
  });

  it('a second pool sees the migrated schema', async () => {
    const other = createDb(t.url);
    try {
      const count = await other
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(0);
    } finally {
      await other.destroy();
    }
  });

  it('survives the database dropping an idle pooled connection, and reports it', async () => {
    const errors: Error[] = [];
    const victim = createDb(t.url, {
      applicationName: 'idle-victim',
      onIdleConnectionError: (e) => errors.push(e),
    });
    try {
      await sql`select 1`.execute(victim);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'idle-victim'`.execute(
        t.db,
      );
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors.length).toBeGreaterThan(0);
      const again = await sql<{ one: number }>`select 1 as one`.execute(victim);
      expect(again.rows[0].one).toBe(1);
    } finally {
      await victim.destroy();
    }
  });

  it('the test helper drops its database, even with another pool still attached', async () => {
    const extra = await createTestDatabase();
    const other = createDb(extra.url);
    await sql`select 1`.execute(other);
    await extra.drop();
    await extra.drop();
    await other.destroy().catch(() => undefined);
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [extra.name]);
      expect(found.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
