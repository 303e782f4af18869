/**
 * POST /api/messages/:id/retry-send over the real app: a reply the portal refused (moved to
 * send_failed by the send step's own recordSendFailure) is sent again in a new round, once; anything
 * else is a 409, an unknown id a 404, and only roles holding messages.approve may ask.
 */
import pino from 'pino';
import request from 'supertest';
import { approveReply } from '../../../src/messages/approve';
import { recordSendFailure } from '../../../src/messages/send-failure';
import { createWebFixture, insertMessage, userWithToken, type WebFixture } from './web-fixture';

let fx: WebFixture;
let nurse: { userId: string; token: string };
const quiet = pino({ level: 'silent' });

beforeAll(async () => {
  fx = await createWebFixture();
  nurse = await userWithToken(fx.db, 'nurse');
});

afterAll(async () => {
  await fx.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A message whose approved reply the portal refused three times (as the send step leaves it). */
async function failedSend(lastError = 'http_422'): Promise<{ id: string; replyId: string }> {
  const id = await insertMessage(fx.db, { receivedAt: '2026-03-05T08:00:00Z', urgency: 'urgent' });
  const approved = await approveReply(fx.db, fx.queues, {
    messageId: id,
    author: nurse.userId,
    body: 'Please call us today about your chest pain.',
    draftId: null,
    expectedVersion: 1,
  });
  await fx.queues.send.remove(`send-${approved.replyId}`);
  await fx.db.updateTable('replies').set({ send_attempts: 3 }).where('id', '=', approved.replyId).execute();
  const failure = await recordSendFailure({ db: fx.db, logger: quiet }, approved.replyId, lastError);
  expect(failure).toMatchObject({ messageId: id, replyId: approved.replyId, round: 1 });
  return { id, replyId: approved.replyId };
}

const messageRow = (id: string) =>
  fx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const replyRow = (id: string) =>
  fx.db.selectFrom('replies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const retriedEvents = (id: string) =>
  fx.db
    .selectFrom('events')
    .selectAll()
    .where('message_id', '=', id)
    .where('action', '=', 'reply.send_retried')
    .execute();

describe('a failed send in the API', () => {
  it('lists it under status=send_failed and shows the reason, attempts and round in the detail', async () => {
    const { id, replyId } = await failedSend('http_500');
    const list = await request(fx.app).get('/api/messages?status=send_failed').set(bearer(nurse.token));
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(list.body.items.every((m: { status: string }) => m.status === 'send_failed')).toBe(true);
    expect(list.body.items.find((m: { id: string }) => m.id === id).flags).toContain('send_failed');

    const detail = await request(fx.app).get(`/api/messages/${id}`).set(bearer(nurse.token)).expect(200);
    expect(detail.body.message.status).toBe('send_failed');
    expect(detail.body.reply).toMatchObject({
      id: replyId,
      sentAt: null,
      sendAttempts: 3,
      lastError: 'http_500',
      sendRound: 1,
    });
  });
});

describe('POST /api/messages/:id/retry-send', () => {
  it('sends it again in round 2 (202), once: the job, the row, the audit event; a second retry is 409', async () => {
    const { id, replyId } = await failedSend();
    const before = await messageRow(id);
    const res = await request(fx.app)
      .post(`/api/messages/${id}/retry-send`)
      .set(bearer(nurse.token))
      .send({ expectedVersion: before.version })
      .expect(202);
    expect(res.body).toEqual({ messageId: id, replyId, round: 2, version: before.version + 1 });

    expect(await messageRow(id)).toMatchObject({ status: 'sending', version: before.version + 1 });
    expect(await replyRow(replyId)).toMatchObject({ send_round: 2, last_error: null, sent_at: null });
    const job = await fx.queues.send.getJob(`send-${replyId}-r2`);
    expect(job?.data).toEqual({ replyId, round: 2 });
    const events = await retriedEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: `user:${nurse.userId}`, data: { replyId, round: 2 } });
    expect(JSON.stringify(events[0]!.data)).not.toContain('chest');

    const again = await request(fx.app)
      .post(`/api/messages/${id}/retry-send`)
      .set(bearer(nurse.token))
      .send({})
      .expect(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'not_ready' });
    expect(again.body.error.message).toMatch(/sending, not send_failed/);
    expect(await retriedEvents(id)).toHaveLength(1);
    expect((await replyRow(replyId)).send_round).toBe(2);
  });

  it('takes no body at all, and refuses a stale expectedVersion with the current one', async () => {
    const { id } = await failedSend('timeout');
    const current = (await messageRow(id)).version;
    const stale = await request(fx.app)
      .post(`/api/messages/${id}/retry-send`)
      .set(bearer(nurse.token))
      .send({ expectedVersion: current - 1 })
      .expect(409);
    expect(stale.body.error).toMatchObject({ reason: 'stale_version', currentVersion: current });
    expect((await messageRow(id)).status).toBe('send_failed');

    const ok = await request(fx.app).post(`/api/messages/${id}/retry-send`).set(bearer(nurse.token));
    expect(ok.status).toBe(202);
    expect(ok.body.round).toBe(2);
  });

  it('answers 409 for a message that is not send_failed, and changes nothing', async () => {
    const ready = await insertMessage(fx.db, { receivedAt: '2026-03-05T09:00:00Z' });
    const sent = await insertMessage(fx.db, { receivedAt: '2026-03-05T09:01:00Z', status: 'sent' });
    for (const id of [ready, sent]) {
      const res = await request(fx.app)
        .post(`/api/messages/${id}/retry-send`)
        .set(bearer(nurse.token))
        .send({})
        .expect(409);
      expect(res.body.error.reason).toBe('not_ready');
      expect((await messageRow(id)).version).toBe(1);
      expect(await retriedEvents(id)).toEqual([]);
    }
  });

  it('answers 404 for an unknown id or one that is not an id, and 400 for a bad body', async () => {
    await request(fx.app)
      .post('/api/messages/6f1c7a52-0000-4000-8000-00000000abcd/retry-send')
      .set(bearer(nurse.token))
      .send({})
      .expect(404);
    await request(fx.app)
      .post('/api/messages/not-an-id/retry-send')
      .set(bearer(nurse.token))
      .send({})
      .expect(404);
    const { id } = await failedSend();
    const bad = await request(fx.app)
      .post(`/api/messages/${id}/retry-send`)
      .set(bearer(nurse.token))
      .send({ expectedVersion: 'three' })
      .expect(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['expectedVersion']);
    expect((await messageRow(id)).status).toBe('send_failed');
  });

  it('needs messages.approve through the token owner’s role: admin 403, staff and manager 202, nobody 401', async () => {
    const admin = await userWithToken(fx.db, 'admin');
    const { id } = await failedSend();
    const refused = await request(fx.app)
      .post(`/api/messages/${id}/retry-send`)
      .set(bearer(admin.token))
      .send({})
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    await request(fx.app).post(`/api/messages/${id}/retry-send`).send({}).expect(401);
    expect((await messageRow(id)).status).toBe('send_failed');
    expect(await retriedEvents(id)).toEqual([]);

    for (const role of ['staff', 'manager'] as const) {
      const person = await userWithToken(fx.db, role);
      const failed = await failedSend();
      const ok = await request(fx.app)
        .post(`/api/messages/${failed.id}/retry-send`)
        .set(bearer(person.token))
        .send({})
        .expect(202);
      expect(ok.body.round).toBe(2);
      expect((await retriedEvents(failed.id))[0]!.actor).toBe(`user:${person.userId}`);
    }
  });
});
