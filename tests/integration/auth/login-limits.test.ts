/**
 * Login limits behind a configured proxy (TRUST_PROXY=1): per (account, address), per account, and a
 * global slow-down that never refuses. One person's failures never lock anyone else out.
 */
import request from 'supertest';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, eventsOf, startLogin, userWithPassword, type TestUser } from './auth-fixture';

const CLINIC = '203.0.113.7';
const HOME = '198.51.100.9';

/** A login through the proxy: it appends the client's address to X-Forwarded-For. */
async function loginFrom(
  fx: WebFixture,
  address: string,
  email: string,
  password: string,
  status: number,
  forged?: string,
) {
  const { agent, csrf } = await startLogin(fx.app);
  return agent
    .post('/login')
    .set('X-Forwarded-For', forged ? `${forged}, ${address}` : address)
    .send({ _csrf: csrf, email, password })
    .expect(status);
}

describe('behind one proxy hop (TRUST_PROXY=1)', () => {
  let fx: WebFixture;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    fx = await createAuthFixture({ TRUST_PROXY: '1' });
    alice = await userWithPassword(fx.db, 'staff');
    bob = await userWithPassword(fx.db, 'nurse');
  });
  afterAll(async () => {
    await fx.close();
  });

  it('failures on one account from the clinic address lock only that account there, never a colleague', async () => {
    for (let i = 0; i < 5; i++) await loginFrom(fx, CLINIC, alice.email, `wrong-${i}`, 401);
    // Alice's own right password from the same address is now refused, with the reason.
    const refused = await loginFrom(fx, CLINIC, alice.email, alice.password, 429);
    expect(refused.body.error.code).toBe('too_many_attempts');
    expect(refused.body.error.message).toContain('15 minutes');
    // A forged X-Forwarded-For entry before the proxy's own does not escape the limit.
    await loginFrom(fx, CLINIC, alice.email, alice.password, 429, '192.0.2.1');
    // Bob, at the same address, logs in: someone else's failures never refuse him.
    await loginFrom(fx, CLINIC, bob.email, bob.password, 200);
    // Alice from home logs in: the lock is per (account, address), not per account.
    await loginFrom(fx, HOME, alice.email, alice.password, 200);

    // Audit events carry the client's address as the proxy reported it, never the proxy's own.
    const failed = (await eventsOf(fx.db, 'auth.login_failed')).filter(
      (e) => e.actor === `user:${alice.userId}`,
    );
    expect(failed).toHaveLength(5);
    for (const e of failed) {
      expect(e.client_address).toBe(CLINIC);
      expect((e.data as { ip: string }).ip).toBe(CLINIC);
    }
    const throttled = await eventsOf(fx.db, 'auth.login_throttled');
    expect(throttled.map((e) => e.client_address)).toEqual([CLINIC, CLINIC]);
    const logins = await eventsOf(fx.db, 'auth.login');
    expect(logins.map((e) => [e.actor, e.client_address])).toEqual([
      [`user:${bob.userId}`, CLINIC],
      [`user:${alice.userId}`, HOME],
    ]);
    // Redis holds hashed pair keys only: no email, no address.
    const keys = await fx.redis.keys(`${fx.deps.config.env.QUEUE_PREFIX}:login-*`);
    expect(keys.join(' ')).not.toContain('@');
    expect(keys.join(' ')).not.toContain(CLINIC);
  });

  it('a browser form gets the login page back with the message and the email kept', async () => {
    const carol = await userWithPassword(fx.db, 'manager');
    for (let i = 0; i < 5; i++) await loginFrom(fx, CLINIC, carol.email, 'nope', 401);
    const { agent, csrf } = await startLogin(fx.app);
    const page = await agent
      .post('/login')
      .set('X-Forwarded-For', CLINIC)
      .type('form')
      .send({ _csrf: csrf, email: carol.email, password: carol.password })
      .expect(429);
    expect(page.text).toContain('too many failed logins for this account from your network');
    expect(page.text).toContain(`value="${carol.email}"`);
  });

  it('a success starts the (account, address) count again', async () => {
    const dan = await userWithPassword(fx.db, 'staff');
    for (let i = 0; i < 4; i++) await loginFrom(fx, HOME, dan.email, 'nope', 401);
    await loginFrom(fx, HOME, dan.email, dan.password, 200);
    for (let i = 0; i < 4; i++) await loginFrom(fx, HOME, dan.email, 'nope', 401);
    await loginFrom(fx, HOME, dan.email, dan.password, 200);
  });
});

describe('without TRUST_PROXY', () => {
  let fx: WebFixture;
  beforeAll(async () => {
    fx = await createAuthFixture();
  });
  afterAll(async () => {
    await fx.close();
  });

  it('ignores X-Forwarded-For: a client cannot choose the address it is counted and audited under', async () => {
    const erin = await userWithPassword(fx.db, 'staff');
    for (let i = 0; i < 5; i++) await loginFrom(fx, `192.0.2.${i + 10}`, erin.email, 'nope', 401);
    await loginFrom(fx, '192.0.2.99', erin.email, erin.password, 429);
    const failed = await eventsOf(fx.db, 'auth.login_failed');
    expect(new Set(failed.map((e) => e.client_address))).toEqual(new Set(['127.0.0.1']));
  });
});

describe('per account, from many addresses', () => {
  let fx: WebFixture;
  beforeAll(async () => {
    fx = await createAuthFixture({ TRUST_PROXY: '1', LOGIN_ACCOUNT_MAX_FAILURES: '6' });
  });
  afterAll(async () => {
    await fx.close();
  });

  it('locks the account after LOGIN_ACCOUNT_MAX_FAILURES wrong passwords in a row, and only that account', async () => {
    const frank = await userWithPassword(fx.db, 'staff');
    const grace = await userWithPassword(fx.db, 'staff');
    for (let i = 0; i < 6; i++) await loginFrom(fx, `192.0.2.${i + 1}`, frank.email, 'nope', 401);
    // Locked: even the right password from a fresh address gets the same generic answer.
    const locked = await loginFrom(fx, '192.0.2.50', frank.email, frank.password, 401);
    expect(locked.body.error.message).toBe(
      'Email or password is wrong. Too many wrong passwords lock the account for 15 minutes.',
    );
    const lockEvents = await eventsOf(fx.db, 'auth.locked');
    expect(lockEvents.map((e) => e.actor)).toEqual([`user:${frank.userId}`]);
    expect(lockEvents[0].client_address).toBe('192.0.2.6');
    await loginFrom(fx, '192.0.2.50', grace.email, grace.password, 200);
  });
});

describe('a flood of failures over every account', () => {
  let fx: WebFixture;
  beforeAll(async () => {
    fx = await createAuthFixture({
      TRUST_PROXY: '1',
      LOGIN_SLOWDOWN_AFTER: '3',
      LOGIN_SLOWDOWN_MAX_MS: '400',
    });
  });
  afterAll(async () => {
    await fx.close();
  });

  it('slows every login attempt past the ceiling, and never refuses a right password', async () => {
    const henry = await userWithPassword(fx.db, 'nurse');
    for (let i = 0; i < 8; i++) {
      await loginFrom(fx, `192.0.2.${i + 1}`, `nobody-${i}@clinic.test`, 'guess', 401);
    }
    const started = Date.now();
    const ok = await loginFrom(fx, CLINIC, henry.email, henry.password, 200);
    const delay = Number(ok.headers['x-login-delay-ms']);
    expect(delay).toBe(400); // (9 - 3) × 100 ms, capped at LOGIN_SLOWDOWN_MAX_MS
    // A lower bound only: the wait really happened (a busy machine only makes it longer).
    expect(Date.now() - started).toBeGreaterThanOrEqual(delay);
    expect(ok.body.user.id).toBe(henry.userId);
    // An unlimited number more: slower, never 429.
    const more = await request(fx.app).get('/login').expect(200);
    expect(more.status).toBe(200);
  });
});
