import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { hashSessionId } from '../../../src/auth/session-store';
import type { WebFixture } from '../web/web-fixture';
import {
  createAuthFixture,
  csrfFromPage,
  eventsOf,
  loggedIn,
  sessionCookie,
  startLogin,
  userWithPassword,
} from './auth-fixture';

let fx: WebFixture;

beforeAll(async () => {
  // The account's own lock at 5 in a row; the per-(account, address) limit (login-limits.test.ts)
  // set above it so these tests see the account lock from one address.
  fx = await createAuthFixture({ LOGIN_ACCOUNT_MAX_FAILURES: '5', LOGIN_MAX_FAILURES: '12' });
});

afterAll(async () => {
  await fx.close();
});

const GENERIC = /^Email or password is wrong\. Too many wrong passwords lock the account for 15 minutes\.$/;

describe('the login page', () => {
  it('is plain accessible HTML with labels and a CSRF field, and escapes what it echoes', async () => {
    const { agent, csrf } = await startLogin(fx.app);
    expect(csrf).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/); // csrf-csrf's HMAC-signed double-submit token
    const page = await agent.get('/login').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<label for="email">');
    expect(page.text).toContain('<label for="password">');
    expect(page.text).not.toContain('<script');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const failed = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: '"><script>alert(1)</script>', password: 'x' })
      .expect(401);
    expect(failed.text).not.toContain('<script>alert(1)');
    expect(failed.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(failed.text).not.toMatch(/name="password"[^>]*value=/);
  });
});

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie with a new id, and stores only its hash', async () => {
    const user = await userWithPassword(fx.db, 'nurse');
    const { agent, csrf } = await startLogin(fx.app);
    const before = await fx.db.selectFrom('sessions').select(['id', 'user_id']).execute();
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: user.email.toUpperCase(), password: user.password })
      .expect(303)
      .expect('Location', '/');
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    const sid = decodeURIComponent(cookie!.split(';')[0].split('=')[1]).slice(2).split('.')[0];
    const rows = await fx.db.selectFrom('sessions').select(['id', 'user_id']).execute();
    const mine = rows.find((r) => r.user_id === user.userId);
    expect(mine?.id).toBe(hashSessionId(sid));
    expect(JSON.stringify(rows)).not.toContain(sid);
    // No session exists before login (nothing to fix a session to); login makes the only one.
    expect(before.filter((r) => r.user_id === null)).toEqual([]);
    expect(rows.filter((r) => r.user_id === null)).toEqual([]);

    const me = await agent.get('/api/session').expect(200);
    expect(me.body).toMatchObject({ user: { id: user.userId, role: 'nurse' }, via: 'session' });
    expect(me.body.permissions).toContain('messages.approve');
    const logins = await eventsOf(fx.db, 'auth.login');
    expect(logins.map((e) => e.actor)).toContain(`user:${user.userId}`);
  });

  it('answers JSON logins with the CSRF token for scripts in the page', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent, csrf } = await startLogin(fx.app);
    const res = await agent
      .post('/login')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(200);
    expect(res.body.user).toEqual({ id: user.userId, role: 'staff' });
    expect(res.body.csrfToken).not.toBe(csrf);
    await agent.get('/api/messages').expect(200);
  });

  it('gives one generic message for a wrong password and an unknown email, taking comparable time', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent, csrf } = await startLogin(fx.app);
    const attempt = async (email: string) => {
      const started = process.hrtime.bigint();
      const res = await agent
        .post('/login')
        .send({ _csrf: csrf, email, password: 'not-the-password' })
        .expect(401);
      return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const wrong = await attempt(user.email);
    const unknown = await attempt('nobody@clinic.test');
    expect(wrong.res.body.error.message).toMatch(GENERIC);
    expect(unknown.res.body.error.message).toBe(wrong.res.body.error.message);
    expect(unknown.res.body.error.code).toBe(wrong.res.body.error.code);
    // Both paths run one argon2id verification; without the dummy hash the unknown email would answer
    // in a few milliseconds instead of tens.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
    const failures = await eventsOf(fx.db, 'auth.login_failed');
    const reasons = failures.map((e) => (e.data as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['wrong_password', 'unknown_user']));
    expect(JSON.stringify(failures)).not.toContain('nobody@clinic.test');
    expect(JSON.stringify(failures)).not.toContain('not-the-password');
    expect(fx.logs.join('\n')).not.toContain('not-the-password');
  });

  it('refuses a login without the form CSRF token', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent } = await startLogin(fx.app);
    const res = await agent.post('/login').send({ email: user.email, password: user.password }).expect(403);
    expect(res.body.error.code).toBe('csrf');
    const bare = await request(fx.app)
      .post('/login')
      .type('form')
      .send({ _csrf: 'forged', email: user.email, password: user.password })
      .expect(403);
    // The page again, with a fresh login token in its own cookie, and still no session.
    expect(sessionCookie(bare.headers['set-cookie'], 'inbox.login-csrf')).toBeDefined();
    expect(sessionCookie(bare.headers['set-cookie'])).toBeUndefined();
    expect(csrfFromPage(bare.text)).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/);
  });

  it('rejects malformed input with a clear message and keeps the email', async () => {
    const { agent, csrf } = await startLogin(fx.app);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, email: 'a@b.test' }).expect(400);
    expect(res.text).toContain('Enter your email and password.');
    expect(res.text).toContain('value="a@b.test"');
  });
});

describe('lockout', () => {
  it('locks an account after 5 wrong passwords for 15 minutes, even against the right password', async () => {
    const user = await userWithPassword(fx.db, 'nurse');
    const { agent, csrf } = await startLogin(fx.app);
    const login = (password: string) =>
      agent.post('/login').send({ _csrf: csrf, email: user.email, password });
    for (let i = 0; i < 5; i++) await login('wrong-password').expect(401);
    const row = await fx.db
      .selectFrom('users')
      .select(['locked_until', 'failed_login_count'])
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const locked = await login(user.password).expect(401);
    expect(locked.body.error.message).toMatch(GENERIC);
    const lockEvents = (await eventsOf(fx.db, 'auth.locked')).filter(
      (e) => e.actor === `user:${user.userId}`,
    );
    expect(lockEvents).toHaveLength(1);
    const refused = (await eventsOf(fx.db, 'auth.login_failed')).filter(
      (e) => e.actor === `user:${user.userId}` && (e.data as { reason: string }).reason === 'locked',
    );
    expect(refused).toHaveLength(1);

    // When the lock runs out the right password works again, and the count starts from zero.
    await fx.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.userId)
      .execute();
    await login(user.password).expect(200);
  });

  it('resets the count of wrong passwords after a successful login', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent, csrf } = await startLogin(fx.app);
    const login = (password: string) =>
      agent.post('/login').send({ _csrf: csrf, email: user.email, password });
    for (let i = 0; i < 4; i++) await login('wrong-password').expect(401);
    const ok = await login(user.password).expect(200);
    const again = ok.body.csrfToken as string;
    await agent.post('/logout').set('X-CSRF-Token', again).send({}).expect(204);
    const next = await startLogin(fx.app);
    for (let i = 0; i < 4; i++) {
      await next.agent
        .post('/login')
        .send({ _csrf: next.csrf, email: user.email, password: 'nope-nope' })
        .expect(401);
    }
    const row = await fx.db
      .selectFrom('users')
      .select(['locked_until', 'failed_login_count'])
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_login_count: 4 });
  });
});

describe('disabled users', () => {
  it('cannot log in, and disabling ends their sessions at once', async () => {
    const user = await userWithPassword(fx.db, 'manager');
    const { agent } = await loggedIn(fx.app, user);
    const admin = await userWithPassword(fx.db, 'admin');
    const adminSession = await loggedIn(fx.app, admin);
    await adminSession.agent
      .post(`/api/users/${user.userId}/disable`)
      .set('X-CSRF-Token', adminSession.csrf)
      .expect(204);
    await agent.get('/api/session').expect(401);
    const { agent: again, csrf } = await startLogin(fx.app);
    const res = await again
      .post('/login')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(401);
    expect(res.body.error.message).toMatch(GENERIC);
    const disabled = await eventsOf(fx.db, 'auth.user_disabled');
    expect(disabled.at(-1)).toMatchObject({ actor: `user:${admin.userId}` });
    expect(disabled.at(-1)?.data).toMatchObject({ userId: user.userId, endedSessions: 1 });

    await adminSession.agent
      .post(`/api/users/${user.userId}/enable`)
      .set('X-CSRF-Token', adminSession.csrf)
      .expect(204);
    await loggedIn(fx.app, user);
  });

  it('disabling revokes their API tokens for good: enabling the account again does not revive them', async () => {
    const user = await userWithPassword(fx.db, 'nurse');
    const first = await createApiToken(fx.db, user.userId, 'script one');
    const second = await createApiToken(fx.db, user.userId, 'script two');
    await request(fx.app).get('/api/session').set('Authorization', `Bearer ${first.token}`).expect(200);
    const admin = await userWithPassword(fx.db, 'admin');
    const adminSession = await loggedIn(fx.app, admin);
    await adminSession.agent
      .post(`/api/users/${user.userId}/disable`)
      .set('X-CSRF-Token', adminSession.csrf)
      .expect(204);
    const disabled = await eventsOf(fx.db, 'auth.user_disabled');
    expect(disabled.at(-1)?.data).toMatchObject({ userId: user.userId, revokedTokens: 2 });
    await adminSession.agent
      .post(`/api/users/${user.userId}/enable`)
      .set('X-CSRF-Token', adminSession.csrf)
      .expect(204);
    for (const t of [first, second]) {
      await request(fx.app).get('/api/session').set('Authorization', `Bearer ${t.token}`).expect(401);
    }
    const rows = await fx.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('user_id', '=', user.userId)
      .execute();
    expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
    // A new token made after re-enabling works.
    const fresh = await createApiToken(fx.db, user.userId, 'after');
    await request(fx.app).get('/api/session').set('Authorization', `Bearer ${fresh.token}`).expect(200);
  });
});
