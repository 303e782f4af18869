import request from 'supertest';
import { alertStateFor } from '../../../src/alerts';
import { enqueueAlertSync } from '../../../src/alerts/escalation';
import { jobIdFor } from '../../../src/queue';
import { buttonPayload, slackSignature, slashCommandBody } from '../../helpers/fake-slack';
import { eventCount, waitFor } from '../pipeline/fixture';
import {
  alertRow,
  createAlertsFixture,
  everythingSent,
  phiOf,
  SIGNING_SECRET,
  type AlertsFixture,
} from './alerts-fixture';

jest.setTimeout(60_000);

let f: AlertsFixture;
beforeAll(async () => {
  f = await createAlertsFixture();
});
afterAll(async () => {
  await f?.close();
});

const EMERGENT = 'I have crushing chest pain and my left arm is numb';
const URGENT = 'I have had a fever of 101 since yesterday and feel awful';

function signedPost(path: string, body: string, headers = slackSignature(SIGNING_SECRET, body)) {
  return request(f.web)
    .post(path)
    .set('content-type', 'application/x-www-form-urlencoded')
    .set(headers)
    .send(body);
}

async function userWithEmail(email: string): Promise<string> {
  const row = await f.db
    .insertInto('users')
    .values({ email, display_name: 'Nurse Joy', role: 'nurse' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('posting', () => {
  it('posts one alert right after triage, with the minimum and no PHI', async () => {
    const { messageId, patientId } = await f.alertFor(EMERGENT);
    const alert = await alertRow(f.db, messageId);
    const posts = f.slack.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts);
    expect(posts).toHaveLength(1);
    expect(posts[0].args.channel).toBe('CURGENT');
    expect(alert.slack_ts).toBe(f.slack.messages[0].ts);
    const sent = JSON.stringify(posts[0].args);
    expect(sent).toContain('EMERGENT');
    expect(sent).toContain('chest pain');
    expect(sent).toMatch(/\d+y · [FMX]/);
    expect(sent).toContain(`https://inbox.example.org/inbox/messages/${messageId}`);
    expect(sent).toContain('#d40e0d');

    // Reconciliation finds the alerts row and enqueues nothing more.
    await f.pipeline.queues.alert.add('alert', { messageId }, { jobId: `again-${messageId}` });
    await waitFor('second job done', async () =>
      (await f.queues.alert.getJob(`again-${messageId}`))?.isCompleted(),
    );
    expect(
      f.slack
        .callsTo('chat.postMessage')
        .filter((c) => !c.args.thread_ts && !c.args.channel?.toString().startsWith('CESC')),
    ).toHaveLength(1);

    const patient = f.sandbox.context.store
      .list('Patient')
      .find((p) => p.resource.id === patientId)!.resource;
    const all = everythingSent(f.slack);
    expect(phiOf(patient).length).toBeGreaterThanOrEqual(5);
    for (const phi of phiOf(patient))
      expect(all).not.toMatch(new RegExp(`\\b${phi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    expect(all).not.toContain('crushing chest');
    expect(all).not.toContain('left arm is numb');
  });

  it('escalates an unacknowledged emergent alert: thread reminder, then the escalation channel, up to the limit', async () => {
    const { messageId } = await f.alertFor(EMERGENT);
    const alert = await alertRow(f.db, messageId);
    await waitFor('level 2', async () => (await alertRow(f.db, messageId)).escalation_level === 2);
    const reminders = f.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === alert.slack_ts);
    expect(reminders[0].args.text).toContain('<!subteam^SONCALL>');
    expect(reminders[0].args.text).toContain('reminder 1');
    const escalated = f.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CESCALATE');
    expect(escalated.some((c) => String(c.args.text).includes('reminder 2'))).toBe(true);
    const events = await f.db
      .selectFrom('events')
      .select(['action', 'at', 'data'])
      .where('message_id', '=', messageId)
      .where('action', 'in', ['alert.posted', 'alert.escalated'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['alert.posted', 'alert.escalated', 'alert.escalated']);
    // Delayed jobs never fire early: 400 ms, then twice that.
    expect(events[1].at.getTime() - events[0].at.getTime()).toBeGreaterThanOrEqual(400);
    expect(events[2].at.getTime() - events[1].at.getTime()).toBeGreaterThanOrEqual(800);
    // The limit is 2: no third reminder is scheduled.
    expect(await f.queues.escalate.getJob(jobIdFor('escalate', { messageId, level: 3 }))).toBeUndefined();
  });
});

describe('acknowledging through Slack', () => {
  it('assigns the message to the mapped nurse, updates in place, cancels reminders, reminds the owner', async () => {
    const nurseId = await userWithEmail('joy@clinic.example.org');
    f.slack.users.set('UJOY', 'joy@clinic.example.org');
    const { messageId } = await f.alertFor(URGENT);
    const before = await alertRow(f.db, messageId);
    const reminder = await f.queues.escalate.getJob(jobIdFor('escalate', { messageId, level: 1 }));
    expect(await reminder?.isDelayed()).toBe(true);

    const res = await signedPost('/slack/events', buttonPayload('alert_ack', messageId, 'UJOY'));
    expect(res.status).toBe(200);
    const alert = await alertRow(f.db, messageId);
    expect(alert.acked_by).toBe(nurseId);
    expect(alert.acked_slack_user).toBe('UJOY');
    const message = await f.db
      .selectFrom('messages')
      .select('assigned_to')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.assigned_to).toBe(nurseId);
    const ackEvent = await f.db
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('message_id', '=', messageId)
      .where('action', '=', 'alert.acknowledged')
      .executeTakeFirstOrThrow();
    expect(ackEvent.actor).toBe(`user:${nurseId}`);
    const update = f.slack.callsTo('chat.update').find((c) => c.args.ts === before.slack_ts);
    expect(JSON.stringify(update?.args)).toContain('Acknowledged by <@UJOY>');
    expect(await f.queues.escalate.getJob(jobIdFor('escalate', { messageId, level: 1 }))).toBeUndefined();
    expect(await alertStateFor(f.db, messageId)).toMatchObject({
      state: 'posted',
      acknowledgedBy: { userId: nurseId, name: 'Nurse Joy', slackUser: 'UJOY' },
    });

    // A second click (someone else) changes nothing.
    await signedPost('/slack/events', buttonPayload('alert_ack', messageId, 'UOTHER')).expect(200);
    expect((await alertRow(f.db, messageId)).acked_slack_user).toBe('UJOY');

    // The owner reminder waits M minutes; run it now.
    const ownerJob = await f.queues.escalate.getJob(jobIdFor('escalate', { messageId, level: 100 }));
    await ownerJob!.promote();
    await waitFor(
      'owner reminder',
      async () => (await alertRow(f.db, messageId)).owner_reminded_at ?? undefined,
    );
    const threadTexts = f.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === before.slack_ts)
      .map((c) => String(c.args.text));
    expect(threadTexts).toEqual([
      'Acknowledged by <@UJOY>.',
      '<@UJOY>: acknowledged, but the patient has no reply yet.',
    ]);

    // Replied in the inbox: the Slack message turns to done, once.
    await f.db.updateTable('messages').set({ status: 'sent' }).where('id', '=', messageId).execute();
    await enqueueAlertSync(f.queues, messageId);
    await waitFor('resolved', async () => (await alertRow(f.db, messageId)).resolved_at ?? undefined);
    await waitFor('update', async () =>
      f.slack
        .callsTo('chat.update')
        .some((c) => c.args.ts === before.slack_ts && JSON.stringify(c.args).includes('Replied')),
    );
    expect((await alertRow(f.db, messageId)).outcome).toBe('sent');
  });

  it('counts an acknowledgement from an unmapped Slack user, without assigning the message', async () => {
    const { messageId } = await f.alertFor(URGENT);
    await signedPost('/slack/events', buttonPayload('alert_ack', messageId, 'UNKNOWN1')).expect(200);
    const alert = await alertRow(f.db, messageId);
    expect(alert).toMatchObject({ acked_by: null, acked_slack_user: 'UNKNOWN1' });
    expect(alert.acked_at).not.toBeNull();
    const message = await f.db
      .selectFrom('messages')
      .select('assigned_to')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.assigned_to).toBeNull();
    const event = await f.db
      .selectFrom('events')
      .select('actor')
      .where('message_id', '=', messageId)
      .where('action', '=', 'alert.acknowledged')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe('slack:UNKNOWN1');
  });

  it('escalates at once when someone presses Escalate', async () => {
    const { messageId } = await f.alertFor(URGENT);
    const { slack_ts } = await alertRow(f.db, messageId);
    await signedPost('/slack/events', buttonPayload('alert_escalate', messageId, 'UJOY')).expect(200);
    await waitFor('level 1', async () => (await alertRow(f.db, messageId)).escalation_level === 1);
    const reminder = f.slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === slack_ts);
    expect(String(reminder?.args.text)).toContain('reminder 1');
  });

  it('refuses forged, replayed and malformed payloads, changing nothing', async () => {
    const { messageId } = await f.alertFor(URGENT);
    const callsBefore = f.slack.calls.length;
    const body = buttonPayload('alert_ack', messageId, 'UJOY');
    await signedPost('/slack/events', body, slackSignature('wrong-secret', body)).expect(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    await signedPost('/slack/events', body, slackSignature(SIGNING_SECRET, body, old)).expect(401);
    await request(f.web)
      .post('/slack/events')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(body)
      .expect(401);
    const malformed = 'payload=%7Bnot-json';
    await signedPost('/slack/events', malformed).expect(400);
    // A signed payload whose value is not a message id is answered and ignored.
    await signedPost('/slack/events', buttonPayload('alert_ack', 'DROP TABLE alerts', 'UJOY')).expect(200);
    const alert = await alertRow(f.db, messageId);
    expect(alert.acked_at).toBeNull();
    expect(f.slack.calls.slice(callsBefore).filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await eventCount(f.db, 'alert.acknowledged')).toBe(2);
  });

  it('answers /inbox with counts and the oldest urgent age, no PHI', async () => {
    const res = await signedPost('/slack/events', slashCommandBody('/inbox', 'UJOY'));
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toMatch(/emergent: \d+, urgent: \d+/);
    expect(res.body.text).toMatch(/Oldest unanswered urgent message: \d+ min/);
    expect(res.body.text).not.toMatch(/fever|chest|Patient\//);
  });
});

it('sent no PHI of any patient in any payload of this file', () => {
  const all = everythingSent(f.slack);
  expect(f.slack.calls.length).toBeGreaterThan(10);
  for (const { resource } of f.sandbox.context.store.list('Patient')) {
    for (const phi of phiOf(resource)) {
      expect(all).not.toMatch(new RegExp(`\\b${phi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    }
  }
  expect(all).not.toMatch(/crushing chest|left arm is numb|fever of 101|feel awful/);
});
