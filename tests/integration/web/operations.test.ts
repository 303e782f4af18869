import { sql } from 'kysely';
import request from 'supertest';
import { createDb } from '../../../src/db';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { recordPollFailure, recordPollSuccess } from '../../../src/portal/poller-health';
import { createRedisConnection, enqueue } from '../../../src/queue';
import { testRedisUrl } from '../../helpers/redis';
import { createWebFixture, insertMessage, type WebFixture } from './web-fixture';

let fx: WebFixture;

beforeAll(async () => {
  fx = await createWebFixture();
});

afterAll(async () => {
  await fx.close();
});

afterEach(() => {
  fx.sandbox.context.faults.settings = {
    errorRate: 0,
    errorStatus: 500,
    failNext: 0,
    latencyMs: 0,
    hang: false,
    dropNotifications: false,
  };
});

describe('/healthz', () => {
  it('answers while the process is up, with security headers and a request id', async () => {
    const res = await request(fx.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed upstream request id and replaces one that is not', async () => {
    const kept = await request(fx.app).get('/healthz').set('X-Request-Id', 'lb-12345678');
    expect(kept.headers['x-request-id']).toBe('lb-12345678');
    const replaced = await request(fx.app).get('/healthz').set('X-Request-Id', 'has spaces {and} braces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('/readyz', () => {
  it('is ready when the database, Redis, the portal and the poller are healthy', async () => {
    const res = await request(fx.app).get('/readyz').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.failing).toEqual([]);
    expect(res.body.checks.database.state).toBe('ok');
    expect(res.body.checks.redis.state).toBe('ok');
    expect(res.body.checks.portal.state).toBe('ok');
    expect(res.body.checks.poller.state).toBe('ok');
  });

  it('names the portal when it answers with errors', async () => {
    fx.sandbox.context.faults.settings.errorRate = 1;
    const res = await request(fx.app).get('/readyz').expect(503);
    expect(res.body.failing).toEqual(['portal']);
    expect(res.body.checks.portal.state).toBe('failed');
  });

  it('reports a hung portal as a timeout instead of hanging itself', async () => {
    fx.sandbox.context.faults.settings.hang = true;
    const app = fx.appWith({
      portal: createFhirClient({ baseUrl: fx.sandbox.fhirBaseUrl, retries: 0, timeoutMs: 60_000 }),
      readinessTimeoutMs: 300,
    });
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body.failing).toEqual(['portal']);
    expect(res.body.checks.portal.state).toBe('timeout');
  });

  it('says not_configured, and stays ready, when no portal is set', async () => {
    const res = await request(fx.appWith({ portal: undefined }))
      .get('/readyz')
      .expect(200);
    expect(res.body.checks.portal.state).toBe('not_configured');
  });

  it('names Redis when its connection is down, without a URL or error text', async () => {
    const lost = createRedisConnection(testRedisUrl(), { connectionName: 'jest-lost' });
    await lost.ping();
    await lost.quit();
    const res = await request(fx.appWith({ redis: lost }))
      .get('/readyz')
      .expect(503);
    expect(res.body.failing).toEqual(['redis']);
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1');
  });

  it('names the database when it is unreachable', async () => {
    const deadDb = createDb('postgres://postgres@127.0.0.1:1/nowhere', { maxConnections: 1 });
    try {
      const res = await request(fx.appWith({ db: deadDb }))
        .get('/readyz')
        .expect(503);
      expect(res.body.failing).toEqual(expect.arrayContaining(['database']));
      expect(JSON.stringify(res.body)).not.toMatch(/nowhere|postgres:/);
    } finally {
      await deadDb.destroy();
    }
  });

  it('reports a poller failing repeatedly, and recovers after a success', async () => {
    for (let i = 0; i < 3; i++) await recordPollFailure(fx.db, 'http_500', { ingested: 0, unreadable: 0 });
    const failing = await request(fx.app).get('/readyz').expect(503);
    expect(failing.body.failing).toEqual(['poller']);
    expect(failing.body.checks.poller.detail).toMatchObject({
      consecutiveFailures: 3,
      lastErrorKind: 'http_500',
    });

    const metrics = await request(fx.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^inbox_poller_consecutive_failures\{role="web"\} 3$/m);

    await recordPollSuccess(fx.db, { ingested: 2, unreadable: 1 });
    await request(fx.app).get('/readyz').expect(200);
    const after = await request(fx.app).get('/metrics').expect(200);
    expect(after.text).toMatch(/^inbox_poller_consecutive_failures\{role="web"\} 0$/m);
    expect(after.text).toMatch(/^inbox_poller_ingested_messages\{role="web"\} 2$/m);
  });
});

describe('/readyz and a stopped poller', () => {
  it('reports the poller failed when its last attempt is far older than the poll interval', async () => {
    await recordPollSuccess(fx.db, { ingested: 0, unreadable: 0 });
    await request(fx.app).get('/readyz').expect(200);
    // As if no worker had polled for an hour: the health row's times moved back.
    await fx.db
      .updateTable('clinic_settings')
      .set({
        value: sql<string>`jsonb_set(value, '{lastAttemptAt}', to_jsonb((now() - interval '1 hour')::text))`,
      })
      .where('key', '=', 'portal_poller_health')
      .execute();
    const res = await request(fx.app).get('/readyz').expect(503);
    expect(res.body.failing).toEqual(['poller']);
    expect(res.body.checks.poller.detail).toMatchObject({ stale: true, consecutiveFailures: 0 });
    await recordPollSuccess(fx.db, { ingested: 0, unreadable: 0 });
    await request(fx.app).get('/readyz').expect(200);
  });
});

describe('/metrics', () => {
  it('counts queue depths and messages by status and urgency, with no patient text in any label', async () => {
    const secret = 'My chest hurts and my number is 555-0100';
    await insertMessage(fx.db, {
      status: 'ready',
      urgency: 'urgent',
      receivedAt: '2026-03-01T10:00:00Z',
      body: secret,
    });
    await insertMessage(fx.db, { status: 'ready', urgency: 'urgent', receivedAt: '2026-03-01T10:01:00Z' });
    await insertMessage(fx.db, { status: 'new', urgency: null, receivedAt: '2026-03-01T10:02:00Z' });
    await enqueue(
      fx.queues,
      'triage',
      { messageId: '00000000-0000-4000-8000-000000000001' },
      { delayMs: 60_000 },
    );

    const res = await request(fx.app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/^inbox_messages\{status="ready",urgency="urgent",role="web"\} 2$/m);
    expect(res.text).toMatch(/^inbox_messages\{status="new",urgency="untriaged",role="web"\} 1$/m);
    expect(res.text).toMatch(/^inbox_queue_depth\{queue="triage",role="web"\} 1$/m);
    expect(res.text).toMatch(/^inbox_queue_depth\{queue="send",role="web"\} 0$/m);
    expect(res.text).toMatch(/^inbox_metrics_source_up\{source="database",role="web"\} 1$/m);
    expect(res.text).not.toContain('chest');
    expect(res.text).not.toContain('00000000-0000-4000-8000-000000000001');
  });

  it('still answers, marking the source down, when the database is unreachable', async () => {
    const deadDb = createDb('postgres://postgres@127.0.0.1:1/nowhere', { maxConnections: 1 });
    try {
      const res = await request(fx.appWith({ db: deadDb }))
        .get('/metrics')
        .expect(200);
      expect(res.text).toMatch(/^inbox_metrics_source_up\{source="database",role="web"\} 0$/m);
    } finally {
      await deadDb.destroy();
    }
  });
});

describe('errors and logs', () => {
  it('answers unknown routes with the JSON error shape', async () => {
    const res = await request(fx.app).get('/no/such/thing').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('logs each request by path, status and id, never its query string', async () => {
    await request(fx.app).get('/no/such/thing?name=Maria+Lopez').set('X-Request-Id', 'trace-abcdefgh');
    const line = fx.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.reqId === 'trace-abcdefgh' && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/no/such/thing', status: 404, role: 'web' });
    expect(fx.logs.join('\n')).not.toContain('Maria');
  });
});

describe('bull-board', () => {
  // Who may open it (admins, by session or token) is covered by tests/integration/auth/permissions.test.ts.
  it('is admin-only in every environment', async () => {
    const production = fx.appWith({
      config: { ...fx.deps.config, env: { ...fx.deps.config.env, NODE_ENV: 'production' } },
    });
    for (const app of [fx.app, production]) {
      await request(app)
        .get('/admin/queues')
        .set('Accept', 'text/html')
        .expect(303)
        .expect('Location', '/login');
      await request(app).get('/admin/queues/api/queues').set('Accept', 'application/json').expect(401);
    }
  });
});

describe('HTTPS-only headers', () => {
  it('sends HSTS and upgrade-insecure-requests only when APP_BASE_URL is https', async () => {
    const plain = await request(fx.app).get('/healthz').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const env = { ...fx.deps.config.env, APP_BASE_URL: 'https://inbox.clinic.example' };
    const secure = await request(fx.appWith({ config: { ...fx.deps.config, env } }))
      .get('/healthz')
      .expect(200);
    expect(secure.headers['strict-transport-security']).toContain('max-age=');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
