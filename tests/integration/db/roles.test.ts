/**
 * The least-privilege app role (src/db/roles.ts), proven against a real PostgreSQL role: connected
 * as the role the web and worker use, nothing can change, remove or hide an audit event.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Client } from 'pg';
import { recordEvent, verifyChain } from '../../../src/audit';
import { describeMigrate, runMigrate } from '../../../src/db/migrate-cli';
import { checkAppRole } from '../../../src/db/roles';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (err: { code?: string }) => err.code,
  );

describe('the app role', () => {
  it('is a real, unprivileged PostgreSQL login role that owns nothing', async () => {
    const who = await sql<{ user: string; superuser: string }>`
      select current_user as user, current_setting('is_superuser') as superuser`.execute(t.db);
    expect(who.rows[0]).toEqual({ user: t.appRole, superuser: 'off' });
    expect(await checkAppRole(t.ownerDb, t.appRole)).toEqual([]);
  });

  it('reads and appends events', async () => {
    await recordEvent(t.db, { actor: 'user:1', action: 'message.viewed' });
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 1 });
  });

  it('cannot update, delete or truncate events (42501: insufficient privilege)', async () => {
    await recordEvent(t.db, { actor: 'a', action: 'kept' });
    expect(await code(sql`update events set actor = 'mallory'`.execute(t.db))).toBe('42501');
    expect(await code(sql`delete from events`.execute(t.db))).toBe('42501');
    expect(await code(sql`truncate events`.execute(t.db))).toBe('42501');
    const rows = await t.ownerDb.selectFrom('events').select('actor').execute();
    expect(rows.map((r) => r.actor)).not.toContain('mallory');
  });

  it('cannot disable, drop or replace the append-only trigger, nor switch triggers off', async () => {
    expect(await code(sql`alter table events disable trigger events_no_update_delete`.execute(t.db))).toBe(
      '42501',
    );
    expect(await code(sql`alter table events disable trigger all`.execute(t.db))).toBe('42501');
    expect(await code(sql`drop trigger events_no_update_delete on events`.execute(t.db))).toBe('42501');
    expect(
      await code(
        sql`create or replace function events_forbid_change() returns trigger language plpgsql
              as $$ begin return old; end; $$`.execute(t.db),
      ),
    ).toBe('42501');
    expect(await code(sql`set session_replication_role = replica`.execute(t.db))).toBe('42501');
    expect(await code(sql`drop table events`.execute(t.db))).toBe('42501');
    expect(await code(sql`create table my_events (id int)`.execute(t.db))).toBe('42501');
    const triggers = await sql<{ tgname: string; tgenabled: string }>`
      select tgname, tgenabled from pg_trigger where tgrelid = 'events'::regclass and not tgisinternal
      order by tgname`.execute(t.ownerDb);
    expect(triggers.rows.filter((r) => r.tgname.startsWith('events_no'))).toEqual([
      { tgname: 'events_no_truncate', tgenabled: 'O' },
      { tgname: 'events_no_update_delete', tgenabled: 'O' },
    ]);
  });

  it('still works the rest of the schema (the product runs as this role in every integration test)', async () => {
    await t.db.insertInto('poll_cursors').values({ name: 'x' }).execute();
    await t.db.updateTable('poll_cursors').set({ last_id: 'y' }).where('name', '=', 'x').execute();
    await t.db.deleteFrom('poll_cursors').where('name', '=', 'x').execute();
    expect(await code(sql`select * from kysely_migration`.execute(t.db))).toBe('42501');
  });

  it('checkAppRole names a superuser and the owner as unfit', async () => {
    const superuser = await checkAppRole(t.ownerDb, new URL(adminDatabaseUrl()).username);
    expect(superuser.join('; ')).toMatch(/superuser/);
    expect(superuser.join('; ')).toMatch(/owns/);
    expect(await checkAppRole(t.ownerDb, 'no_such_role_here')).toEqual([
      'role no_such_role_here does not exist',
    ]);
  });
});

describe('npm run migrate', () => {
  it('creates the app role named by DATABASE_URL, grants it and checks it; a second run finds it', async () => {
    const extra = await createTestDatabase({ migrate: false });
    const role = `inbox_t_${randomBytes(4).toString('hex')}`;
    const appUrl = new URL(extra.ownerUrl);
    appUrl.username = role;
    appUrl.password = 'app-secret-1';
    try {
      const first = await runMigrate({ DATABASE_OWNER_URL: extra.ownerUrl, DATABASE_URL: appUrl.toString() });
      expect(first.applied).toContain('0008_security_controls');
      expect(first.appRole).toEqual({ name: role, created: true });
      expect(describeMigrate(first)[1]).toBe(
        `app role ${role} created; reads and appends events, cannot change them, owns nothing`,
      );
      const second = await runMigrate({
        DATABASE_OWNER_URL: extra.ownerUrl,
        DATABASE_URL: appUrl.toString(),
      });
      expect(second).toEqual({ applied: [], appRole: { name: role, created: false }, warnings: [] });
      const attrs = await sql<{ rolsuper: boolean; rolcanlogin: boolean; has_password: boolean }>`
        select rolsuper, rolcanlogin, rolpassword is not null as has_password from pg_authid
        where rolname = ${role}`.execute(extra.ownerDb);
      expect(attrs.rows[0]).toEqual({ rolsuper: false, rolcanlogin: true, has_password: true });
      const asApp = new Client({ connectionString: appUrl.toString() });
      await asApp.connect();
      try {
        await asApp.query(`insert into poll_cursors (name) values ('ok')`);
        await expect(asApp.query('delete from events')).rejects.toMatchObject({ code: '42501' });
      } finally {
        await asApp.end();
      }
    } finally {
      await extra.drop();
      const admin = new Client({ connectionString: adminDatabaseUrl() });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
    }
  });

  it('refuses a superuser as the app role, and one role for both in production', async () => {
    await expect(runMigrate({ DATABASE_OWNER_URL: t.ownerUrl, DATABASE_URL: t.ownerUrl })).rejects.toThrow(
      /app role check failed: .*superuser/,
    );
    const single = await runMigrate({ DATABASE_URL: t.ownerUrl });
    expect(single.warnings[0]).toMatch(/DATABASE_OWNER_URL is not set/);
    await expect(runMigrate({ DATABASE_URL: t.ownerUrl, NODE_ENV: 'production' })).rejects.toThrow(
      /DATABASE_OWNER_URL is not set/,
    );
  });
});
