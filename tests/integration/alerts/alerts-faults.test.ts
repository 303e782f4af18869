import { alertStateFor, slackReadiness } from '../../../src/alerts';
import { startPipeline } from '../../../src/messages/pipeline-runtime';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';
import { createQueues, createRedisConnection, closeQueues } from '../../../src/queue';
import { eventCount, postPatientMessage, waitFor } from '../pipeline/fixture';
import { alertRow, alertSettings, createAlertsFixture, type AlertsFixture } from './alerts-fixture';

jest.setTimeout(90_000);

let f: AlertsFixture;
beforeAll(async () => {
  // Reminders far away: these tests count top-level posts.
  f = await createAlertsFixture({ escalateAfterMs: { emergent: 600_000, urgent: 600_000 } });
});
afterAll(async () => {
  await f?.close();
});
afterEach(() => {
  for (const key of Object.keys(f.slack.faults)) delete f.slack.faults[key as keyof typeof f.slack.faults];
});

const EMERGENT = 'I have crushing chest pain and my left arm is numb';

function topLevelPostsFor(messageId: string) {
  return f.slack.messages.filter(
    (m) =>
      !m.thread_ts &&
      (m.metadata as { event_payload?: { message_id?: string } })?.event_payload?.message_id === messageId,
  );
}

it('retries through a Slack outage (HTTP 500), shows it in the alert state and /readyz, then delivers once', async () => {
  f.slack.faults.fail500 = Infinity;
  f.slack.faults.methods = ['chat.postMessage', 'conversations.history'];
  const { messageId } = await f.alertFor(EMERGENT, 'failed');
  expect(await alertStateFor(f.db, messageId)).toMatchObject({ state: 'retrying', lastError: 'http_500' });
  expect(await slackReadiness(f.db)).toMatchObject({ state: 'degraded', detail: { lastError: 'http_500' } });
  expect(await eventCount(f.db, 'alert.post_failed')).toBe(1);

  f.slack.faults.fail500 = 0;
  await waitFor('posted', async () => (await alertRow(f.db, messageId)).state === 'posted');
  expect(topLevelPostsFor(messageId)).toHaveLength(1);
  expect((await alertRow(f.db, messageId)).slack_ts).toBe(topLevelPostsFor(messageId)[0].ts);
  expect(await slackReadiness(f.db)).toMatchObject({ state: 'ok' });
  expect(await alertStateFor(f.db, messageId)).toMatchObject({ state: 'posted', lastError: null });
});

it('honours 429 Retry-After and delivers without using up attempts', async () => {
  f.slack.faults.rateLimitSec = 1;
  f.slack.faults.rateLimitCount = 2;
  f.slack.faults.methods = ['chat.postMessage'];
  const callsBefore = f.slack.calls.length;
  const { messageId } = await f.alertFor(EMERGENT);
  const posts = f.slack.calls
    .slice(callsBefore)
    .filter((c) => c.method === 'chat.postMessage' && !c.args.thread_ts);
  expect(posts.map((c) => c.status)).toEqual([429, 429, 200]);
  expect(topLevelPostsFor(messageId)).toHaveLength(1);
  const job = await f.queues.alert.getJob(`alert-${messageId}`);
  expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
});

it('keeps retrying while Slack rejects the token, and delivers when it is fixed', async () => {
  f.slack.faults.invalidToken = true;
  const { messageId } = await f.alertFor(EMERGENT, 'failed');
  expect(await alertStateFor(f.db, messageId)).toMatchObject({
    state: 'retrying',
    lastError: 'invalid_auth',
  });
  f.slack.faults.invalidToken = false;
  await waitFor('posted', async () => (await alertRow(f.db, messageId)).state === 'posted');
  expect(topLevelPostsFor(messageId)).toHaveLength(1);
});

it('never posts twice when Slack posted but its answer was lost', async () => {
  f.slack.faults.loseAnswers = 1;
  const { messageId } = await f.alertFor(EMERGENT);
  const posts = topLevelPostsFor(messageId);
  expect(posts).toHaveLength(1);
  const alert = await alertRow(f.db, messageId);
  expect(alert.slack_ts).toBe(posts[0].ts);
  const event = await f.db
    .selectFrom('events')
    .select('data')
    .where('message_id', '=', messageId)
    .where('action', '=', 'alert.posted')
    .executeTakeFirstOrThrow();
  expect(event.data).toMatchObject({ recovered: true });
});

it('times out on a slow Slack, then adopts the post that landed late instead of posting again', async () => {
  f.slack.faults.slowMs = 3000;
  f.slack.faults.methods = ['chat.postMessage', 'conversations.history'];
  const { messageId } = await f.alertFor(EMERGENT, 'failed');
  expect(await alertStateFor(f.db, messageId)).toMatchObject({
    state: 'retrying',
    lastError: 'request_failed',
  });
  await waitFor('the slow post to land', async () => topLevelPostsFor(messageId).length === 1);
  delete f.slack.faults.slowMs;
  await waitFor('posted', async () => (await alertRow(f.db, messageId)).state === 'posted');
  expect(topLevelPostsFor(messageId)).toHaveLength(1);
  expect((await alertRow(f.db, messageId)).slack_ts).toBe(topLevelPostsFor(messageId)[0].ts);
});

it('does not alert routine messages', async () => {
  const portalId = await postPatientMessage(
    f.sandbox,
    f.patientIds[0],
    'Can I get a refill of my lisinopril please',
  );
  const id = await waitFor('triaged', async () => {
    const m = await f.db
      .selectFrom('messages')
      .select(['id', 'urgency'])
      .where('portal_id', '=', portalId)
      .executeTakeFirst();
    return m?.urgency ? m.id : undefined;
  });
  expect(
    await f.db.selectFrom('alerts').select('message_id').where('message_id', '=', id).executeTakeFirst(),
  ).toBeUndefined();
});

it('records the alert as not_configured when Slack is not set up, so reconciliation stops', async () => {
  await f.pipeline.close();
  const prefix = uniqueQueuePrefix();
  const pipeline = await startPipeline({
    databaseUrl: f.database.url,
    redisUrl: testRedisUrl(),
    queuePrefix: prefix,
    portalFhirUrl: f.sandbox.fhirBaseUrl,
    pollIntervalMs: 200,
    llm: { model: 'none', timeoutMs: 1000, maxRetries: 0 },
    logger: f.logger,
    alerts: alertSettings(undefined),
  });
  const redis = createRedisConnection(testRedisUrl());
  const queues = createQueues(redis, prefix);
  try {
    const callsBefore = f.slack.calls.length;
    const { messageId } = await f.alertFor(EMERGENT, 'not_configured');
    expect(await alertStateFor(f.db, messageId)).toMatchObject({ state: 'not_configured', postedAt: null });
    expect(f.slack.calls.length).toBe(callsBefore);
  } finally {
    await pipeline.close();
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined)));
    await closeQueues(queues);
    redis.disconnect();
  }
});
