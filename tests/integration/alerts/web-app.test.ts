/** The Slack app inside the real web app (createApp): mounted before the body parsers, /readyz, the API. */
import request from 'supertest';
import { alertSettingsFromEnv, escalateAfterMs } from '../../../src/alerts/settings';
import {
  FAKE_BOT_TOKEN,
  slackSignature,
  slashCommandBody,
  startFakeSlack,
  type FakeSlack,
} from '../../helpers/fake-slack';
import { createWebFixture, insertMessage, userWithToken, type WebFixture } from '../web/web-fixture';

const SECRET = 'web-test-secret';
let slack: FakeSlack;
let fx: WebFixture;
let auth: { Authorization: string };

beforeAll(async () => {
  slack = await startFakeSlack();
  fx = await createWebFixture({
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_URGENT_CHANNEL: 'CURGENT',
    SLACK_API_URL: slack.url,
  });
  const user = await userWithToken(fx.db, 'nurse');
  auth = { Authorization: `Bearer ${user.token}` };
});
afterAll(async () => {
  await fx?.close();
  await slack?.close();
});

it('answers signed Slack requests at /slack/events (raw body intact) and refuses unsigned ones', async () => {
  const body = slashCommandBody('/inbox', 'UJOY');
  const res = await request(fx.app)
    .post('/slack/events')
    .set('content-type', 'application/x-www-form-urlencoded')
    .set(slackSignature(SECRET, body))
    .send(body)
    .expect(200);
  expect(res.body.text).toContain('Open messages');
  await request(fx.app)
    .post('/slack/events')
    .set('content-type', 'application/x-www-form-urlencoded')
    .send(body)
    .expect(401);
});

it('shows the alert state in the message detail and a slack check in /readyz', async () => {
  const messageId = await insertMessage(fx.db, { urgency: 'emergent', receivedAt: new Date().toISOString() });
  const plain = await insertMessage(fx.db, { urgency: 'routine', receivedAt: new Date().toISOString() });
  let ready = await request(fx.app).get('/readyz');
  expect(ready.body.checks.slack).toMatchObject({ state: 'ok' });

  await fx.db
    .insertInto('alerts')
    .values({
      message_id: messageId,
      channel: 'CURGENT',
      state: 'failed',
      attempts: 3,
      last_error: 'http_500',
      last_attempt_at: new Date(),
    })
    .execute();
  const detail = await request(fx.app).get(`/api/messages/${messageId}`).set(auth).expect(200);
  expect(detail.body.alert).toMatchObject({
    state: 'retrying',
    lastError: 'http_500',
    attempts: 3,
    postedAt: null,
  });
  const none = await request(fx.app).get(`/api/messages/${plain}`).set(auth).expect(200);
  expect(none.body.alert).toBeNull();

  ready = await request(fx.app).get('/readyz');
  expect(ready.body.checks.slack).toMatchObject({ state: 'degraded', detail: { lastError: 'http_500' } });
  expect(ready.body.failing).not.toContain('slack');
});

it('has no Slack endpoint and no slack check when Slack is not configured', async () => {
  const app = fx.appWith({
    config: {
      ...fx.deps.config,
      env: { ...fx.deps.config.env, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined },
    },
  });
  await request(app).post('/slack/events').send('x=1').expect(404);
  const ready = await request(app).get('/readyz');
  expect(ready.body.checks.slack).toBeUndefined();
});

it('takes the first reminder delay from clinic settings when set, else from the environment', async () => {
  const settings = alertSettingsFromEnv(fx.deps.config.env);
  expect(await escalateAfterMs(fx.db, settings, 'emergent')).toBe(2 * 60_000);
  expect(await escalateAfterMs(fx.db, settings, 'urgent')).toBe(15 * 60_000);
  await fx.db
    .insertInto('clinic_settings')
    .values({ key: 'alerts.escalate_after_minutes', value: JSON.stringify({ emergent: 1, urgent: 'soon' }) })
    .execute();
  expect(await escalateAfterMs(fx.db, settings, 'emergent')).toBe(60_000);
  expect(await escalateAfterMs(fx.db, settings, 'urgent')).toBe(15 * 60_000);
});
