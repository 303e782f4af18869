/**
 * PostgreSQL not answering (here: nothing listens on its port, as after a crash): a browser gets a
 * plain 503 page saying the database is down and what depends on it, the JSON API a 503 naming it;
 * neither carries an error text, a stack or an address. /readyz names the database.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '../../../src/config';
import { createDb, type Db } from '../../../src/db';
import { freePort } from '../../../src/demo/services';
import { createApp } from '../../../src/http/app';
import { createWebRedis, type WebRedis } from '../../../src/http/deps';
import { createLogger } from '../../../src/logging/logger';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

const SESSION_SECRET = randomBytes(24).toString('base64url');
let db: Db;
let web: WebRedis;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const prefix = uniqueQueuePrefix();
  const logger = createLogger({ level: 'silent', role: 'web' });
  db = createDb(`postgres://postgres@127.0.0.1:${await freePort()}/gone`, {
    applicationName: 'jest-db-outage',
  });
  web = createWebRedis(testRedisUrl(), { prefix, timeoutMs: 1000, logger });
  app = createApp({
    config: loadConfig({ NODE_ENV: 'test', QUEUE_PREFIX: prefix, SESSION_SECRET }),
    db,
    redis: web.redis,
    queues: web.queues,
    logger,
  });
});

afterAll(async () => {
  await web.close();
  await db.destroy();
});

const NO_DETAIL = /\bat \S+:\d+|ECONNREFUSED|Error|postgres:\/\/|127\.0\.0\.1/;

it('answers the JSON API with a 503 naming the database', async () => {
  const token = `idt_${randomBytes(32).toString('base64url')}`;
  const res = await request(app).get('/api/messages').set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('30');
  expect(res.body.error).toMatchObject({ code: 'dependency_unavailable', dependency: 'database' });
  expect(JSON.stringify(res.body)).not.toMatch(NO_DETAIL);
});

it('shows a browser with a session a plain page saying the database is down and what depends on it', async () => {
  // A browser that logged in earlier: its signed session cookie sends the store to PostgreSQL.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const signature = require('cookie-signature') as { sign: (value: string, secret: string) => string };
  const cookie = `inbox.sid=${encodeURIComponent(`s:${signature.sign('some-session-id', SESSION_SECRET)}`)}`;
  const res = await request(app).get('/inbox').set('Cookie', cookie).set('Accept', 'text/html');
  expect(res.status).toBe(503);
  expect(res.type).toBe('text/html');
  expect(res.text).toContain('The database (PostgreSQL) is not answering right now.');
  expect(res.text).toContain('logging in, the inbox list, messages, replies and reports');
  expect(res.text).not.toMatch(NO_DETAIL);
});

it('still shows the login page, which needs no database until the form is sent', async () => {
  const res = await request(app).get('/login').set('Accept', 'text/html');
  expect(res.status).toBe(200);
  expect(res.text).toContain('Log in to the inbox');
});

it('names the database in /readyz', async () => {
  const res = await request(app).get('/readyz');
  expect(res.status).toBe(503);
  expect(res.body.failing).toContain('database');
});
