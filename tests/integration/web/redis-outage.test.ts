/**
 * "Degraded, not hung": the web app over its fail-fast Redis connection (as `npm run web` builds it)
 * to a private redis-server that the test kills (SIGKILL) and freezes (SIGSTOP). Login, the inbox
 * list, a message page and the JSON API answer within seconds: pages that work without Redis say
 * what is missing, what cannot work answers 503 naming Redis, and an approval is committed and says
 * sending will start. Everything works again once Redis is back. The shared Redis is never touched.
 */
import type { Express } from 'express';
import request from 'supertest';
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/http/app';
import { createWebRedis, type WebRedis } from '../../../src/http/deps';
import { createLiveHub } from '../../../src/inbox/live/hub';
import { createLogger, type Logger } from '../../../src/logging/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startPrivateRedis, type PrivateRedis } from '../../helpers/private-redis';
import { uniqueQueuePrefix } from '../../helpers/redis';
import { waitUntil } from '../../helpers/wait';
import { loggedIn, startLogin, userWithPassword, type Agent, type TestUser } from '../auth/auth-fixture';
import { messageUrl, seedMessage } from '../inbox/message-fixture';
import { userWithToken } from './web-fixture';

jest.setTimeout(120_000);

/**
 * Generous on purpose (the machine is shared): the design answers within about one command timeout
 * (REDIS_REQUEST_TIMEOUT_MS, 1 s); what this catches is a request queued behind an outage (10 s, 600 s).
 */
const ANSWER_BOUND_MS = 5000;

let redisServer: PrivateRedis;
let database: TestDatabase;
let web: WebRedis;
let app: Express;
let prefix: string;
let logger: Logger;
const logs: string[] = [];
let staff: TestUser & { agent: Agent; csrf: string };
let nurse: { agent: Agent; csrf: string };
let admin: Agent;
let token: string;

beforeAll(async () => {
  redisServer = await startPrivateRedis();
  database = await createTestDatabase();
  prefix = uniqueQueuePrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    QUEUE_PREFIX: prefix,
    DATABASE_URL: database.url,
    REDIS_URL: redisServer.url,
  });
  logger = createLogger({
    level: 'info',
    role: 'web',
    destination: { write: (line: string) => logs.push(line) },
  });
  web = createWebRedis(redisServer.url, {
    prefix,
    timeoutMs: config.env.REDIS_REQUEST_TIMEOUT_MS,
    logger,
  });
  app = createApp({ config, db: database.db, redis: web.redis, queues: web.queues, logger });
  const user = await userWithPassword(database.db, 'staff');
  staff = { ...user, ...(await loggedIn(app, user)) };
  nurse = await loggedIn(app, await userWithPassword(database.db, 'nurse'));
  admin = (await loggedIn(app, await userWithPassword(database.db, 'admin'))).agent;
  token = (await userWithToken(database.db, 'staff')).token;
});

afterAll(async () => {
  await web?.close();
  await redisServer?.stop();
  await database?.drop();
});

/** Sends a request and checks it answered within the bound; returns the response. */
async function within<T>(req: PromiseLike<T>): Promise<T> {
  const started = Date.now();
  const res = await req;
  expect(Date.now() - started).toBeLessThan(ANSWER_BOUND_MS);
  return res;
}

const versionOf = async (id: string) =>
  (await database.db.selectFrom('messages').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

const replyOf = (id: string) =>
  database.db.selectFrom('replies').selectAll().where('message_id', '=', id).executeTakeFirst();

const statusOf = async (id: string) =>
  (await database.db.selectFrom('messages').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

const DEGRADED = 'The queue service is not answering right now';

const faults = [
  { name: 'killed (SIGKILL)', begin: () => redisServer.kill(), end: () => redisServer.restart() },
  {
    name: 'frozen (SIGSTOP)',
    begin: async () => redisServer.freeze(),
    end: async () => redisServer.thaw(),
  },
];

describe.each(faults)('with Redis $name', (fault) => {
  let viewed: { id: string; body: string };
  let byForm: { id: string; draftId: string | null };
  let byApi: { id: string; draftId: string | null };

  beforeAll(async () => {
    const seeded = await seedMessage(database.db, { body: 'My chest feels tight since this morning.' });
    viewed = { id: seeded.id, body: 'My chest feels tight since this morning.' };
    byForm = await seedMessage(database.db);
    byApi = await seedMessage(database.db);
    // Connected and answering before the fault, as in production.
    await waitUntil('redis ready', async () => (await request(app).get('/readyz')).status === 200);
    await fault.begin();
  });

  it('logs in: the per-address login count is skipped, not the login', async () => {
    const { agent, csrf } = await startLogin(app);
    const res = await within(
      agent.post('/login').type('form').send({ _csrf: csrf, email: staff.email, password: staff.password }),
    );
    expect(res.status).toBe(303);
    await agent.get('/api/session').expect(200);
  });

  it('shows the inbox list without presence, and says so', async () => {
    const res = await within(staff.agent.get('/inbox').set('Accept', 'text/html'));
    expect(res.status).toBe(200);
    expect(res.text).toContain(DEGRADED);
    expect(res.text).toContain(messageUrl(viewed.id));
  });

  it('shows a message page without presence, and says so', async () => {
    const res = await within(staff.agent.get(messageUrl(viewed.id)).set('Accept', 'text/html'));
    expect(res.status).toBe(200);
    expect(res.text).toContain(DEGRADED);
    expect(res.text).toContain(viewed.body);
  });

  it('answers the JSON API; an approval is committed and says sending starts once Redis is back', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const list = await within(request(app).get('/api/messages').set(auth));
    expect(list.status).toBe(200);
    const one = await within(request(app).get(`/api/messages/${viewed.id}`).set(auth));
    expect(one.status).toBe(200);

    const approve = await within(
      request(app)
        .post(`/api/messages/${byApi.id}/approve`)
        .set(auth)
        .send({
          body: 'We will call you today.',
          draftId: byApi.draftId,
          expectedVersion: await versionOf(byApi.id),
        }),
    );
    expect(approve.status).toBe(202);
    expect(approve.body).toMatchObject({ messageId: byApi.id, sendQueued: false });
    expect(approve.body.notice).toMatch(/sending starts automatically once it is back/);
    expect(await statusOf(byApi.id)).toBe('sending');
    expect((await replyOf(byApi.id))?.body).toBe('We will call you today.');
  });

  it('approves from the inbox form: committed, and the page says sending will start', async () => {
    const res = await within(
      staff.agent
        .post(messageUrl(byForm.id, 'approve'))
        .type('form')
        .send({
          _csrf: staff.csrf,
          body: 'Hello, the nurse will call you.',
          revision: '0',
          expectedVersion: String(await versionOf(byForm.id)),
          draftId: byForm.draftId!,
        }),
    );
    expect(res.status).toBe(303);
    expect(await statusOf(byForm.id)).toBe('sending');
    const page = await within(staff.agent.get(messageUrl(byForm.id)).set('Accept', 'text/html'));
    expect(page.text).toContain('Reply approved and saved.');
    expect(page.text).toContain('sending will start automatically');
  });

  it('closes and raises urgency: committed, and the page says what has not gone out', async () => {
    const toClose = await seedMessage(database.db);
    const toRaise = await seedMessage(database.db);
    const closed = await within(
      staff.agent
        .post(messageUrl(toClose.id, 'close'))
        .type('form')
        .send({ _csrf: staff.csrf, reason: 'handled_by_phone' }),
    );
    expect(closed.status).toBe(303);
    expect(await statusOf(toClose.id)).toBe('closed');
    const closedPage = await within(staff.agent.get(messageUrl(toClose.id)).set('Accept', 'text/html'));
    expect(closedPage.text).toContain('Closed without a reply. The queue service is not answering');

    const raised = await within(
      nurse.agent
        .post(messageUrl(toRaise.id, 'urgency'))
        .type('form')
        .send({ _csrf: nurse.csrf, urgency: 'urgent', reason: 'Called back: worse since this morning' }),
    );
    expect(raised.status).toBe(303);
    const row = await database.db
      .selectFrom('messages')
      .select('urgency')
      .where('id', '=', toRaise.id)
      .executeTakeFirstOrThrow();
    expect(row.urgency).toBe('urgent');
    const raisedPage = await within(nurse.agent.get(messageUrl(toRaise.id)).set('Accept', 'text/html'));
    expect(raisedPage.text).toContain('the nurse alert has not gone out yet');
  });

  it('keeps telling open pages that the list changed (presence is what pauses)', async () => {
    const events: string[] = [];
    const hub = createLiveHub({ db: database.db, redis: web.redis, prefix, logger, intervalMs: 200 });
    const off = hub.subscribe({ send: (name) => events.push(name), comment: () => undefined });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the first tick only primes
      await seedMessage(database.db);
      await waitUntil('a list event', () => events.includes('list'), 10_000);
      expect(logs.filter((l) => l.includes('inbox live presence unavailable')).length).toBeGreaterThan(0);
    } finally {
      off();
      hub.close();
    }
  });

  it('answers 503 naming Redis where nothing works without it, with no detail behind it', async () => {
    const heartbeat = await within(
      staff.agent
        .post(messageUrl(viewed.id, 'presence'))
        .set('X-CSRF-Token', staff.csrf)
        .set('Accept', 'application/json')
        .send({ mode: 'viewing' }),
    );
    expect(heartbeat.status).toBe(503);
    expect(heartbeat.body.error).toMatchObject({ code: 'dependency_unavailable', dependency: 'redis' });

    const boardPage = await within(admin.get('/admin/queues').set('Accept', 'text/html'));
    expect(boardPage.status).toBe(503);
    expect(boardPage.type).toBe('text/html');
    expect(boardPage.text).toContain('The queue service (Redis) is not answering right now');
    expect(boardPage.text).toContain('sending approved replies to patients');
    expect(boardPage.text).not.toMatch(/\bat \S+:\d+|Error|redis:\/\/|127\.0\.0\.1/);

    const boardApi = await within(admin.get('/admin/queues/api/queues').set('Accept', 'application/json'));
    expect(boardApi.status).toBe(503);
    expect(boardApi.body.error).toMatchObject({ code: 'dependency_unavailable', dependency: 'redis' });

    const ready = await within(request(app).get('/readyz'));
    expect(ready.status).toBe(503);
    expect(ready.body.failing).toEqual(['redis']);
    expect(ready.body.checks.database.state).toBe('ok');

    const metrics = await within(request(app).get('/metrics'));
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/inbox_metrics_source_up\{[^}]*source="redis"[^}]*\} 0/);
  });

  it('works again once Redis is back', async () => {
    await fault.end();
    await waitUntil(
      'readiness after the fault',
      async () => (await request(app).get('/readyz')).status === 200,
    );

    const list = await staff.agent.get('/inbox').set('Accept', 'text/html').expect(200);
    expect(list.text).not.toContain(DEGRADED);
    const heartbeat = await staff.agent
      .post(messageUrl(viewed.id, 'presence'))
      .set('X-CSRF-Token', staff.csrf)
      .set('Accept', 'application/json')
      .send({ mode: 'viewing' })
      .expect(200);
    expect(heartbeat.body).toEqual({ people: [] });
    await admin.get('/admin/queues/api/queues').set('Accept', 'application/json').expect(200);

    const fresh = await seedMessage(database.db);
    const approve = await request(app)
      .post(`/api/messages/${fresh.id}/approve`)
      .set({ Authorization: `Bearer ${token}` })
      .send({ body: 'Back to normal.', draftId: fresh.draftId, expectedVersion: await versionOf(fresh.id) })
      .expect(202);
    expect(approve.body.sendQueued).toBe(true);
    expect(await web.queues.send.getJob(`send-${approve.body.replyId}`)).toBeDefined();
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/inbox_metrics_source_up\{[^}]*source="redis"[^}]*\} 1/);
  });
});
