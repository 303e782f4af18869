/**
 * A reply the portal refused, on its message page: the reason in words, the attempts, "Retry
 * sending" (messages.approve, CSRF, reply.send_retried, back to sending in round 2) and "Close
 * without reply" still there; nothing that would write a second reply is allowed.
 */
import pino from 'pino';
import { approveReply } from '../../../src/messages/approve';
import { recordSendFailure } from '../../../src/messages/send-failure';
import {
  createMessageFixture,
  eventsFor,
  messageUrl,
  postForm,
  postJson,
  seedMessage,
  type MessageFixture,
} from './message-fixture';

let fx: MessageFixture;
const quiet = pino({ level: 'silent' });

beforeAll(async () => {
  fx = await createMessageFixture();
});

afterAll(async () => {
  await fx.close();
});

const messageRow = (id: string) =>
  fx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const replyOf = (id: string) =>
  fx.db.selectFrom('replies').selectAll().where('message_id', '=', id).executeTakeFirstOrThrow();

/** A message whose approved reply the portal refused (as the send step leaves it). */
async function failedSend(lastError = 'http_422', attempts = 3) {
  const { id } = await seedMessage(fx.db, { urgency: 'urgent' });
  const approved = await approveReply(fx.db, fx.web.queues, {
    messageId: id,
    author: fx.people.staff.userId,
    body: 'Please call the clinic today about your breathing.',
    draftId: null,
    expectedVersion: 1,
  });
  await fx.web.queues.send.remove(`send-${approved.replyId}`);
  await fx.db
    .updateTable('replies')
    .set({ send_attempts: attempts })
    .where('id', '=', approved.replyId)
    .execute();
  await recordSendFailure({ db: fx.db, logger: quiet }, approved.replyId, lastError);
  const { version } = await messageRow(id);
  return { id, replyId: approved.replyId, version };
}

describe('the message page of a send_failed message', () => {
  it('shows the approved text, the reason in plain words, the attempts, Retry sending and Close', async () => {
    const { id } = await failedSend('http_422', 3);
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Sending failed');
    expect(page.text).toContain('The patient portal refused the reply as invalid (HTTP 422)');
    expect(page.text).toContain('3 attempts to reach the portal');
    expect(page.text).toContain('Please call the clinic today about your breathing.');
    expect(page.text).toContain(`action="/inbox/messages/${id}/retry-send"`);
    expect(page.text).toContain('>Retry sending</button>');
    expect(page.text).toContain('>Close without reply</button>');
    expect(page.text).not.toContain('>Start with draft</button>');
    expect(page.text).not.toContain('>Approve and send</button>');

    // An admin may read it but not retry it.
    const asAdmin = await fx.people.admin.agent.get(messageUrl(id)).expect(200);
    expect(asAdmin.text).not.toContain('>Retry sending</button>');
  });

  it('Retry sending: 303 back with a notice, round 2 queued, the message sending, one audit event', async () => {
    const { id, replyId, version } = await failedSend('timeout', 5);
    const res = await postForm(fx.people.nurse, messageUrl(id, 'retry-send'), {
      expectedVersion: String(version),
    }).expect(303);
    expect(res.headers.location).toBe(messageUrl(id));
    const page = await fx.people.nurse.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Sending again (send round 2)');
    expect(page.text).toContain('Reply approved, sending');
    expect(page.text).not.toContain('>Retry sending</button>');

    expect(await messageRow(id)).toMatchObject({ status: 'sending', version: version + 1 });
    expect(await replyOf(id)).toMatchObject({ id: replyId, send_round: 2, last_error: null });
    expect((await fx.web.queues.send.getJob(`send-${replyId}-r2`))?.data).toEqual({ replyId, round: 2 });
    const events = await eventsFor(fx.db, id, 'reply.send_retried');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: `user:${fx.people.nurse.userId}`,
      data: { replyId, round: 2 },
    });

    // The same button pressed again from the old page: refused, in words, nothing sent twice.
    const again = await postForm(fx.people.nurse, messageUrl(id, 'retry-send'), {
      expectedVersion: String(version),
    }).expect(409);
    expect(again.text).toContain('There is no failed send to retry here any more');
    expect(await eventsFor(fx.db, id, 'reply.send_retried')).toHaveLength(1);
    expect((await replyOf(id)).send_round).toBe(2);
  });

  it('answers a script with JSON, and refuses a page that is out of date', async () => {
    const { id, version } = await failedSend('network');
    const stale = await postForm(fx.people.staff, messageUrl(id, 'retry-send'), {
      expectedVersion: String(version - 1),
    }).expect(409);
    expect(stale.text).toContain('This message changed since you opened it');
    expect((await messageRow(id)).status).toBe('send_failed');

    const json = await postJson(fx.people.staff, messageUrl(id, 'retry-send'), {
      expectedVersion: version,
    }).expect(200);
    expect(json.body).toMatchObject({ ok: true, round: 2, version: version + 1 });
  });

  it('needs the CSRF token and messages.approve; nothing changes without them', async () => {
    const { id } = await failedSend();
    await fx.people.staff.agent.post(messageUrl(id, 'retry-send')).type('form').send({}).expect(403);
    const asAdmin = await postForm(fx.people.admin, messageUrl(id, 'retry-send')).expect(403);
    expect(asAdmin.text).toContain('Not allowed');
    expect((await messageRow(id)).status).toBe('send_failed');
    expect(await eventsFor(fx.db, id, 'reply.send_retried')).toEqual([]);
  });

  it('refuses a retry for a message whose send did not fail', async () => {
    const { id } = await seedMessage(fx.db);
    const res = await postForm(fx.people.staff, messageUrl(id, 'retry-send')).expect(409);
    expect(res.text).toContain('There is no failed send to retry here any more');
    expect((await messageRow(id)).version).toBe(1);
  });
});

describe('what else a send_failed message allows', () => {
  it('can be closed (handled by phone): the reply stays unsent and on record', async () => {
    const { id } = await failedSend();
    await postForm(fx.people.staff, messageUrl(id, 'close'), {
      reason: 'handled_by_phone',
      note: 'called the patient',
    }).expect(303);
    const m = await messageRow(id);
    expect(m).toMatchObject({
      status: 'closed',
      closed_by: fx.people.staff.userId,
      close_reason: 'handled_by_phone: called the patient',
    });
    expect((await eventsFor(fx.db, id, 'message.closed'))[0]!.data).toEqual({
      reason: 'handled_by_phone',
      replyUnsent: true,
    });
    expect((await replyOf(id)).sent_at).toBeNull();
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Never sent: sending it failed and the message was closed without it.');
    // Closed: no retry any more.
    await postForm(fx.people.staff, messageUrl(id, 'retry-send')).expect(409);
  });

  it('can be claimed, but no second reply can be started, saved or approved', async () => {
    const { id, version } = await failedSend();
    await postForm(fx.people.staff, messageUrl(id, 'claim')).expect(303);
    expect((await messageRow(id)).assigned_to).toBe(fx.people.staff.userId);

    const start = await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'blank' }).expect(409);
    expect(start.text).toContain('sending it failed: retry sending it or close the message');
    await postForm(fx.people.staff, messageUrl(id, 'reply'), { body: 'x', revision: '0' }).expect(409);
    const approve = await postForm(fx.people.staff, messageUrl(id, 'approve'), {
      body: 'A second reply',
      revision: '0',
      expectedVersion: String(version + 1),
    }).expect(409);
    expect(approve.text).toContain('A reply to this message was already approved');
    const replies = await fx.db.selectFrom('replies').select('id').where('message_id', '=', id).execute();
    expect(replies).toHaveLength(1);
    expect((await messageRow(id)).status).toBe('send_failed');
  });
});
