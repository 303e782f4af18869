/** Its own file (own Redis namespace): once the address is limited, every login from it is refused. */
import { LOGIN_FAILURES_PER_ADDRESS } from '../../../src/auth/rate-limit';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, startLogin, userWithPassword } from './auth-fixture';

let fx: WebFixture;

beforeAll(async () => {
  fx = await createAuthFixture();
});

afterAll(async () => {
  await fx.close();
});

it(`limits one address to ${LOGIN_FAILURES_PER_ADDRESS} failed logins per 15 minutes, counting only failures`, async () => {
  const user = await userWithPassword(fx.db, 'staff');
  // Successful logins do not count toward the limit.
  for (let i = 0; i < 3; i++) {
    const { agent, csrf } = await startLogin(fx.app);
    await agent.post('/login').send({ _csrf: csrf, email: user.email, password: user.password }).expect(200);
  }
  const fresh = await startLogin(fx.app);
  for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) {
    // Different (unknown) accounts each time: the per-account lockout never comes into play.
    await fresh.agent
      .post('/login')
      .send({ _csrf: fresh.csrf, email: `guess-${i}@clinic.test`, password: 'guess' })
      .expect(401);
  }
  const limited = await fresh.agent
    .post('/login')
    .send({ _csrf: fresh.csrf, email: user.email, password: user.password })
    .expect(429);
  expect(limited.body.error.code).toBe('too_many_attempts');
  expect(limited.body.error.message).toContain('15 minutes');
  expect(limited.headers['ratelimit-policy']).toBeDefined();
  // A browser's form gets the page back with the message, not raw JSON.
  const page = await fresh.agent
    .post('/login')
    .type('form')
    .send({ _csrf: fresh.csrf, email: user.email, password: user.password })
    .expect(429);
  expect(page.text).toContain('too many failed logins from your network');
  expect(page.text).toContain(`value="${user.email}"`);
  const keys = await fx.redis.keys(`${fx.deps.config.env.QUEUE_PREFIX}:login-failures:*`);
  expect(keys).toHaveLength(1);
});
