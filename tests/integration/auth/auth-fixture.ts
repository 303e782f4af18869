/**
 * Accounts for auth tests: users with real argon2id passwords, and supertest agents logged in
 * through the real login form (cookie jar + the session's CSRF token).
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { hashPassword } from '../../../src/auth/login';
import type { Db, UserRole } from '../../../src/db';
import { createWebFixture, type WebFixture } from '../web/web-fixture';

export type Agent = ReturnType<typeof request.agent>;

/** The web fixture with its own Redis namespace, so login-failure counters never leak between files. */
export function createAuthFixture(env: Record<string, string> = {}): Promise<WebFixture> {
  return createWebFixture({ QUEUE_PREFIX: `authtest-${randomBytes(6).toString('hex')}`, ...env });
}

let counter = 0;

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  role: UserRole;
}

export async function userWithPassword(db: Db, role: UserRole): Promise<TestUser> {
  counter += 1;
  const email = `${role}-${counter}-${randomBytes(3).toString('hex')}@clinic.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const row = await db
    .insertInto('users')
    .values({ email, display_name: `Test ${role}`, role, password_hash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, email, password, role };
}

/** The hidden _csrf field of a rendered login page. */
export function csrfFromPage(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1];
}

export function sessionCookie(
  setCookie: string[] | string | undefined,
  name = 'inbox.sid',
): string | undefined {
  const list = ([] as string[]).concat(setCookie ?? []);
  return list.find((c) => c.startsWith(`${name}=`));
}

/** Opens the login page, then submits the form as a browser would; returns the agent and its CSRF token. */
export async function startLogin(app: Express): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  return { agent, csrf: csrfFromPage(page.text) };
}

export async function loggedIn(app: Express, user: Pick<TestUser, 'email' | 'password'>) {
  const { agent, csrf } = await startLogin(app);
  const res = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrf, email: user.email, password: user.password })
    .expect(303)
    .expect('Location', '/');
  const info = await agent.get('/api/session').expect(200);
  /** `inbox.sid=VALUE`, to replay the session from another client. */
  const cookie = sessionCookie(res.headers['set-cookie'])!.split(';')[0];
  return { agent, csrf: info.body.csrfToken as string, cookie };
}

export async function eventsOf(db: Db, action: string) {
  return db.selectFrom('events').selectAll().where('action', '=', action).orderBy('id').execute();
}
