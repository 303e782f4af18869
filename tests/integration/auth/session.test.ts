import { sql } from 'kysely';
import request from 'supertest';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, eventsOf, loggedIn, sessionCookie, userWithPassword } from './auth-fixture';

let fx: WebFixture;

beforeAll(async () => {
  fx = await createAuthFixture();
});

afterAll(async () => {
  await fx.close();
});

async function sessionRowOf(userId: string) {
  return fx.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}

describe('session lifetime', () => {
  it('ends after the idle timeout (30 minutes without a request)', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent } = await loggedIn(fx.app, user);
    const row = await sessionRowOf(user.userId);
    const idleMinutes = (row.expires_at.getTime() - Date.now()) / 60_000;
    expect(idleMinutes).toBeGreaterThan(29);
    expect(idleMinutes).toBeLessThanOrEqual(30);
    await fx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', row.id)
      .execute();
    await agent.get('/api/session').expect(401);
    // A browser asking for a page is sent to the login form instead.
    await agent.get('/admin/queues').set('Accept', 'text/html').expect(303).expect('Location', '/login');
  });

  it('ends 12 hours after login however busy it was', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent } = await loggedIn(fx.app, user);
    const row = await sessionRowOf(user.userId);
    await fx.db
      .updateTable('sessions')
      .set({ created_at: sql<Date>`now() - interval '12 hours 1 minute'` })
      .where('id', '=', row.id)
      .execute();
    await agent.get('/api/session').expect(401);
  });

  it('pushes the idle deadline forward while in use', async () => {
    const user = await userWithPassword(fx.db, 'nurse');
    const { agent } = await loggedIn(fx.app, user);
    const row = await sessionRowOf(user.userId);
    const earlier = new Date(Date.now() - 5 * 60_000);
    await fx.db
      .updateTable('sessions')
      .set({ last_seen_at: earlier, expires_at: new Date(Date.now() + 25 * 60_000) })
      .where('id', '=', row.id)
      .execute();
    await agent.get('/api/session').expect(200);
    const after = await sessionRowOf(user.userId);
    expect(after.last_seen_at.getTime()).toBeGreaterThan(earlier.getTime());
    expect(after.expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  });

  it('ends at logout: the row is deleted, the cookie cleared, and the old cookie is worthless', async () => {
    const user = await userWithPassword(fx.db, 'manager');
    const { agent, csrf, cookie: cookieHeader } = await loggedIn(fx.app, user);
    const row = await sessionRowOf(user.userId);
    await request(fx.app).get('/api/session').set('Cookie', cookieHeader).expect(200);
    const out = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrf })
      .expect(303)
      .expect('Location', '/login');
    expect(sessionCookie(out.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(
      await fx.db.selectFrom('sessions').select('id').where('id', '=', row.id).executeTakeFirst(),
    ).toBeUndefined();
    await request(fx.app).get('/api/session').set('Cookie', cookieHeader).expect(401);
    const logouts = await eventsOf(fx.db, 'auth.logout');
    expect(logouts.at(-1)?.actor).toBe(`user:${user.userId}`);
  });

  it('refuses a logout without the CSRF token (a cross-site form cannot log anyone out)', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent } = await loggedIn(fx.app, user);
    const res = await agent.post('/logout').type('form').send({}).expect(403);
    expect(res.body.error.code).toBe('csrf');
    await agent.get('/api/session').expect(200);
  });
});

describe('CSRF on the API', () => {
  it('refuses a session-authenticated state change without the token, and accepts it with the token', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent, csrf } = await loggedIn(fx.app, user);
    const none = await agent.post('/api/tokens').send({ name: 'bi' }).expect(403);
    expect(none.body.error.code).toBe('csrf');
    await agent.post('/api/tokens').set('X-CSRF-Token', 'x'.repeat(43)).send({ name: 'bi' }).expect(403);
    await agent.post('/api/tokens').send({ name: 'bi', _csrf: csrf }).expect(201);
    const created = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'bi2' })
      .expect(201);
    await agent.delete(`/api/tokens/${created.body.id}`).expect(403);
    await agent.delete(`/api/tokens/${created.body.id}`).set('X-CSRF-Token', csrf).expect(204);
    // Reads need no token.
    await agent.get('/api/tokens').expect(200);
  });

  it('does not ask bearer-token callers for one, and a bad bearer never falls back to the cookie', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const { agent, csrf } = await loggedIn(fx.app, user);
    const created = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'script' })
      .expect(201);
    await request(fx.app)
      .post('/api/tokens')
      .set('Authorization', `Bearer ${created.body.token}`)
      .send({ name: 'from-script' })
      .expect(201);
    await agent.get('/api/session').set('Authorization', 'Bearer idt_wrong').expect(401);
  });

  it('answers bull-board state changes only from this origin', async () => {
    const admin = await userWithPassword(fx.db, 'admin');
    const { agent } = await loggedIn(fx.app, admin);
    const res = await agent
      .put('/admin/queues/api/queues/pause')
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(res.body.error.code).toBe('csrf');
    await agent.put('/admin/queues/api/queues/pause').expect(403);
    const ok = await agent.get('/admin/queues/api/queues').expect(200);
    expect(ok.body.queues.length).toBeGreaterThan(0);
  });
});

describe('cookie flags over HTTPS', () => {
  it('adds Secure and the __Host- prefix when APP_BASE_URL is https (behind a TLS proxy)', async () => {
    const env = { ...fx.deps.config.env, APP_BASE_URL: 'https://inbox.clinic.example' };
    const app = fx.appWith({ config: { ...fx.deps.config, env } });
    const user = await userWithPassword(fx.db, 'nurse');
    // superagent keeps Secure cookies to itself over http, so the cookie is replayed by hand here.
    const page = await request(app).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    // Before login only the login form's CSRF cookie, also __Host- and Secure; no session at all.
    expect(sessionCookie(page.headers['set-cookie'], '__Host-inbox.sid')).toBeUndefined();
    const cookie = sessionCookie(page.headers['set-cookie'], '__Host-inbox.login-csrf');
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await request(app)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', cookie!.split(';')[0])
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(303);
    const session = sessionCookie(res.headers['set-cookie'], '__Host-inbox.sid');
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
  });

  it('keeps its sessions in PostgreSQL, so another web process over the same database knows them', async () => {
    const user = await userWithPassword(fx.db, 'staff');
    const secret = { ...fx.deps.config, auth: { ...fx.deps.config.auth, sessionSecret: 's'.repeat(40) } };
    const one = fx.appWith({ config: secret });
    const two = fx.appWith({ config: secret });
    const { cookie: cookieHeader } = await loggedIn(one, user);
    const res = await request(two).get('/api/session').set('Cookie', cookieHeader).expect(200);
    expect(res.body.user.id).toBe(user.userId);
  });
});

describe('no session before login', () => {
  it('anonymous visits to the login page and to pages write no session row and set no session cookie', async () => {
    const count = async () =>
      (await fx.db.selectFrom('sessions').select('id').where('user_id', 'is', null).execute()).length;
    const before = await count();
    for (let i = 0; i < 40; i++) {
      const page = await request(fx.app).get('/login').expect(200);
      expect(sessionCookie(page.headers['set-cookie'])).toBeUndefined();
      const inbox = await request(fx.app)
        .get('/inbox/messages/00000000-0000-4000-8000-000000000000')
        .set('Accept', 'text/html')
        .expect(303);
      expect(sessionCookie(inbox.headers['set-cookie'])).toBeUndefined();
      const failed = await request(fx.app)
        .post('/login')
        .send({ email: `x${i}@y.z`, password: 'nope' })
        .expect(403);
      expect(sessionCookie(failed.headers['set-cookie'])).toBeUndefined();
    }
    expect(await count()).toBe(before);
    expect(before).toBe(0);
  });
});
