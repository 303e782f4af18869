import request from 'supertest';
import { hashApiToken } from '../../../src/auth/api-tokens';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, eventsOf, loggedIn, userWithPassword } from './auth-fixture';

let fx: WebFixture;

beforeAll(async () => {
  fx = await createAuthFixture();
});

afterAll(async () => {
  await fx.close();
});

describe('per-user API tokens', () => {
  it('are shown once at creation, listed without secret, work as Bearer, and stop working when revoked', async () => {
    const user = await userWithPassword(fx.db, 'manager');
    const { agent, csrf } = await loggedIn(fx.app, user);
    const created = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Power BI', expiresInDays: 90 })
      .expect(201);
    const { id, token, prefix, expiresAt } = created.body;
    expect(token).toMatch(/^idt_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect((new Date(expiresAt).getTime() - Date.now()) / 86_400_000).toBeCloseTo(90, 0);
    const row = await fx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashApiToken(token));

    const list = await agent.get('/api/tokens').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, name: 'Power BI', prefix, revokedAt: null, lastUsedAt: null }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toContain(row.token_hash);

    const me = await request(fx.app).get('/api/session').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ user: { id: user.userId, role: 'manager' }, via: 'api_token' });
    expect(me.body.csrfToken).toBeUndefined();

    await agent.delete(`/api/tokens/${id}`).set('X-CSRF-Token', csrf).expect(204);
    await request(fx.app).get('/api/messages').set('Authorization', `Bearer ${token}`).expect(401);
    await agent.delete(`/api/tokens/${id}`).set('X-CSRF-Token', csrf).expect(404);
    const after = await agent.get('/api/tokens').expect(200);
    expect(after.body.items[0].revokedAt).not.toBeNull();

    const createdEvents = await eventsOf(fx.db, 'auth.token_created');
    const revokedEvents = await eventsOf(fx.db, 'auth.token_revoked');
    expect(createdEvents.at(-1)).toMatchObject({ actor: `user:${user.userId}` });
    expect(createdEvents.at(-1)?.data).toMatchObject({ tokenId: id, prefix });
    expect(revokedEvents.at(-1)?.data).toEqual({ tokenId: id });
    expect(JSON.stringify([...createdEvents, ...revokedEvents])).not.toContain(token);
  });

  it("lists only the caller's tokens and cannot revoke someone else's", async () => {
    const alice = await userWithPassword(fx.db, 'staff');
    const bob = await userWithPassword(fx.db, 'staff');
    const a = await loggedIn(fx.app, alice);
    const b = await loggedIn(fx.app, bob);
    const bobs = await b.agent
      .post('/api/tokens')
      .set('X-CSRF-Token', b.csrf)
      .send({ name: 'bob' })
      .expect(201);
    const listed = await a.agent.get('/api/tokens').expect(200);
    expect(listed.body.items).toEqual([]);
    await a.agent.delete(`/api/tokens/${bobs.body.id}`).set('X-CSRF-Token', a.csrf).expect(404);
    await request(fx.app).get('/api/session').set('Authorization', `Bearer ${bobs.body.token}`).expect(200);
    await a.agent.delete('/api/tokens/not-a-uuid').set('X-CSRF-Token', a.csrf).expect(404);
  });

  it('rejects a bad name or lifetime with a clear message', async () => {
    const user = await userWithPassword(fx.db, 'nurse');
    const { agent, csrf } = await loggedIn(fx.app, user);
    const res = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'x'.repeat(201), expiresInDays: 0 })
      .expect(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'expiresInDays',
      'name',
    ]);
  });
});

describe('admins managing accounts over the API', () => {
  it('create a user with a password shown once, and list users without password hashes', async () => {
    const admin = await userWithPassword(fx.db, 'admin');
    const { agent, csrf } = await loggedIn(fx.app, admin);
    const created = await agent
      .post('/api/users')
      .set('X-CSRF-Token', csrf)
      .send({ email: 'New.Nurse@Clinic.test', displayName: 'New Nurse', role: 'nurse' })
      .expect(201);
    expect(created.body.email).toBe('new.nurse@clinic.test');
    expect(created.body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await loggedIn(fx.app, { email: 'new.nurse@clinic.test', password: created.body.password });
    const dup = await agent
      .post('/api/users')
      .set('X-CSRF-Token', csrf)
      .send({ email: 'new.nurse@clinic.test', displayName: 'Again', role: 'nurse' })
      .expect(400);
    expect(dup.body.error.message).toContain('already exists');
    const users = await agent.get('/api/users').expect(200);
    expect(users.body.items.map((u: { email: string }) => u.email)).toContain('new.nurse@clinic.test');
    expect(JSON.stringify(users.body)).not.toContain('argon2');
    const events = await eventsOf(fx.db, 'auth.user_created');
    expect(events.at(-1)).toMatchObject({ actor: `user:${admin.userId}` });
    expect(events.at(-1)?.data).toMatchObject({ userId: created.body.id, role: 'nurse' });
  });
});
