import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runUserCommand } from '../../../src/auth/user-cli';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { eventsOf } from './auth-fixture';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

describe('npm run user:add', () => {
  it('creates a user with a generated password, printed once, stored as argon2id', async () => {
    const { stdout } = await run(
      'npm',
      [
        'run',
        '-s',
        'user:add',
        '--',
        '--email',
        'Ana.Ruiz@Clinic.test',
        '--name',
        'Ana Ruiz',
        '--role',
        'nurse',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url } },
    );
    const password = /^Password \(shown once\): (\S+)$/m.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(stdout).toMatch(/^Created nurse ana\.ruiz@clinic\.test \(/m);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ana.ruiz@clinic.test')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'nurse', display_name: 'Ana Ruiz', disabled_at: null });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(password);
    expect((await eventsOf(t.db, 'auth.user_created')).at(-1)).toMatchObject({ actor: 'cli:user' });
  }, 60_000);

  it('fails with a clear message and exit code 1 on a bad role, printing no password', async () => {
    const failed = await run(
      'npm',
      [
        'run',
        '-s',
        'user:add',
        '--',
        '--email',
        'x@clinic.test',
        '--name',
        'X',
        '--role',
        'doctor',
        '--password',
        'a-secret-value-1',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url } },
    ).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('role must be one of staff, nurse, manager, admin');
    expect(failed?.stderr).not.toContain('a-secret-value-1');
  }, 60_000);

  it('validates email, name, role and password length, and refuses a duplicate email', async () => {
    await expect(
      runUserCommand(t.db, ['add', '--email', 'nope', '--name', 'N', '--role', 'staff']),
    ).rejects.toThrow('email must be an email address');
    await expect(
      runUserCommand(t.db, ['add', '--email', 'a@clinic.test', '--role', 'staff']),
    ).rejects.toThrow('--name and --role are required');
    await expect(
      runUserCommand(t.db, [
        'add',
        '--email',
        'a@clinic.test',
        '--name',
        'A',
        '--role',
        'staff',
        '--password',
        'short',
      ]),
    ).rejects.toThrow('password must be at least 12 characters');
    await expect(runUserCommand(t.db, ['add', '--name', 'A', '--role', 'staff'])).rejects.toThrow(
      '--email is required',
    );
    await expect(runUserCommand(t.db, ['add', '--email', 'a@clinic.test', '--bogus'])).rejects.toThrow(
      /bogus/,
    );
    const lines = await runUserCommand(t.db, [
      'add',
      '--email',
      'a@clinic.test',
      '--name',
      'A',
      '--role',
      'staff',
      '--password',
      'a-long-enough-password',
    ]);
    expect(lines).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('a-long-enough-password');
    await expect(
      runUserCommand(t.db, ['add', '--email', 'A@clinic.test', '--name', 'A', '--role', 'staff']),
    ).rejects.toThrow('already exists');
  });

  it('disables, enables and unlocks by email', async () => {
    await runUserCommand(t.db, ['add', '--email', 'b@clinic.test', '--name', 'B', '--role', 'manager']);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'b@clinic.test')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('sessions')
      .values({ id: 'h'.repeat(64), user_id: user.id, data: '{}', expires_at: new Date(Date.now() + 60_000) })
      .execute();
    expect(await runUserCommand(t.db, ['disable', '--email', 'B@clinic.test'])).toEqual([
      'Disabled B@clinic.test',
    ]);
    const disabled = await t.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(disabled.disabled_at).toBeInstanceOf(Date);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    await runUserCommand(t.db, ['enable', '--email', 'b@clinic.test']);
    await t.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 600_000), failed_login_count: 3 })
      .where('id', '=', user.id)
      .execute();
    await runUserCommand(t.db, ['unlock', '--email', 'b@clinic.test']);
    const after = await t.db
      .selectFrom('users')
      .select(['disabled_at', 'locked_until', 'failed_login_count'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ disabled_at: null, locked_until: null, failed_login_count: 0 });
    await expect(runUserCommand(t.db, ['disable', '--email', 'ghost@clinic.test'])).rejects.toThrow(
      'no user with email',
    );
    await expect(runUserCommand(t.db, ['remove', '--email', 'b@clinic.test'])).rejects.toThrow(
      'unknown command',
    );
  });
});
