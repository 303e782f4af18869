import request from 'supertest';
import { createWebFixture, insertMessage, userWithToken, type WebFixture } from './web-fixture';

let fx: WebFixture;
let auth: { Authorization: string };
let userId: string;

beforeAll(async () => {
  fx = await createWebFixture();
  const user = await userWithToken(fx.db, 'nurse');
  auth = { Authorization: `Bearer ${user.token}` };
  userId = user.userId;
});

afterAll(async () => {
  await fx.close();
});

async function addDraft(messageId: string, body: string, createdAt: string): Promise<string> {
  const row = await fx.db
    .insertInto('drafts')
    .values({
      message_id: messageId,
      body,
      source: 'template',
      created_at: createdAt,
      flags: ['cites_chart'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('GET /api/messages', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = {
      routineOld: await insertMessage(fx.db, { urgency: 'routine', receivedAt: '2026-03-01T08:00:00Z' }),
      urgentNew: await insertMessage(fx.db, { urgency: 'urgent', receivedAt: '2026-03-01T09:30:00Z' }),
      emergent: await insertMessage(fx.db, { urgency: 'emergent', receivedAt: '2026-03-01T10:00:00Z' }),
      urgentOld: await insertMessage(fx.db, { urgency: 'urgent', receivedAt: '2026-03-01T09:00:00.123456Z' }),
      untriaged: await insertMessage(fx.db, {
        status: 'new',
        urgency: null,
        receivedAt: '2026-03-01T07:00:00Z',
      }),
      sent: await insertMessage(fx.db, {
        status: 'sent',
        urgency: 'routine',
        receivedAt: '2026-03-01T06:00:00Z',
      }),
    };
  });

  it('sorts most urgent first, then longest waiting, and filters by status and urgency', async () => {
    const ready = await request(fx.app).get('/api/messages?status=ready').set(auth).expect(200);
    expect(ready.body.items.map((m: { id: string }) => m.id)).toEqual([
      ids.emergent,
      ids.urgentOld,
      ids.urgentNew,
      ids.routineOld,
    ]);
    expect(ready.body.items[0]).toMatchObject({ status: 'ready', urgency: 'emergent', version: 1 });
    expect(ready.body.items[0].body).toBeUndefined();

    const urgentOrUntriaged = await request(fx.app)
      .get('/api/messages?urgency=urgent,untriaged')
      .set(auth)
      .expect(200);
    expect(urgentOrUntriaged.body.items.map((m: { id: string }) => m.id)).toEqual([
      ids.urgentOld,
      ids.urgentNew,
      ids.untriaged,
    ]);

    const repeated = await request(fx.app).get('/api/messages?status=new&status=sent').set(auth).expect(200);
    expect(repeated.body.items.map((m: { id: string }) => m.id)).toEqual([ids.sent, ids.untriaged]);
  });

  it('pages with an opaque cursor, losing and repeating nothing (even at sub-millisecond times)', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await request(fx.app).get(url).set(auth).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((m: { id: string }) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Every status: the sent routine message is older than the ready one, so it comes first.
    expect(seen).toEqual([
      ids.emergent,
      ids.urgentOld,
      ids.urgentNew,
      ids.sent,
      ids.routineOld,
      ids.untriaged,
    ]);
  });

  it('rejects unknown filters and forged cursors with 400, without echoing them', async () => {
    const bad = await request(fx.app).get('/api/messages?status=deleted').set(auth).expect(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.issues[0].path).toBe('status.0');
    await request(fx.app).get('/api/messages?limit=0').set(auth).expect(400);
    const forged = await request(fx.app).get('/api/messages?cursor=Zm9yZ2Vk').set(auth).expect(400);
    expect(JSON.stringify(forged.body)).not.toContain('Zm9yZ2Vk');
  });

  it('answers 400, never 500, for cursors crafted to pass JSON and uuid checks but not the database', async () => {
    const uuid = '6b1f7a52-3c7e-4c1e-9d55-0f9e6d2f1a11';
    const crafted = [
      [0, '2026-02-30 10:00:00+00', uuid], // Feb 30: JavaScript rolls it over, PostgreSQL refuses
      [0, '0000-01-01 00:00:00+00', uuid], // no year 0
      [0, '2026-01-01 24:00:01+00', uuid],
      [0, 'Thu, 01 Jan 2026 00:00', uuid], // Date.parse says yes
      [0, '2026-01-01 10:00:00+99', uuid],
      [4, "2026-01-01'; drop table--", uuid],
      [1.5, '2026-01-01 10:00:00+00', uuid],
      { rank: 0 },
    ];
    for (const value of crafted) {
      const cursor = Buffer.from(JSON.stringify(value)).toString('base64url');
      const res = await request(fx.app).get(`/api/messages?cursor=${cursor}`).set(auth);
      expect([res.status, res.body.error?.code]).toEqual([400, 'bad_request']);
    }
    // The cursors this API issues still work, whatever the offset form.
    const own = Buffer.from(JSON.stringify([2, '2026-03-01 10:00:00.123456+05:30', uuid])).toString(
      'base64url',
    );
    await request(fx.app).get(`/api/messages?cursor=${own}`).set(auth).expect(200);
  });

  it('records one audit event naming every message a list showed', async () => {
    await request(fx.app).get('/api/messages?urgency=emergent').set(auth).expect(200);
    const event = await fx.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'messages.listed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe(`user:${userId}`);
    expect(event.data).toEqual({ messageIds: [ids.emergent], via: 'api_token' });
  });
});

describe('GET /api/messages/:id', () => {
  it('returns the message, its latest draft and no reply yet, and records message.read_via_api (audited, not a first opening)', async () => {
    const id = await insertMessage(fx.db, {
      receivedAt: '2026-03-02T08:00:00Z',
      body: 'Need a refill please',
    });
    await addDraft(id, 'First draft', '2026-03-02T08:00:01Z');
    const latest = await addDraft(id, 'Second draft', '2026-03-02T08:00:02Z');

    const res = await request(fx.app).get(`/api/messages/${id}`).set(auth).expect(200);
    expect(res.body.message).toMatchObject({ id, body: 'Need a refill please', patientRef: 'Patient/p1' });
    expect(res.body.draft).toMatchObject({ id: latest, body: 'Second draft', source: 'template' });
    expect(res.body.reply).toBeNull();

    const event = await fx.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'message.read_via_api')
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: `user:${userId}`, data: { via: 'api_token', draftId: latest } });
    expect(JSON.stringify(event.data)).not.toContain('refill');
    // Metrics truth: an API read is no person opening the message, so the report clock has not started.
    const viewed = await fx.db
      .selectFrom('events')
      .select('id')
      .where('action', '=', 'message.viewed')
      .where('message_id', '=', id)
      .execute();
    expect(viewed).toEqual([]);
    const milestone = await fx.db
      .selectFrom('message_milestones')
      .select('first_opened_at')
      .where('message_id', '=', id)
      .executeTakeFirst();
    expect(milestone?.first_opened_at ?? null).toBeNull();
  });

  it('answers 404 for an unknown id and for one that is not an id at all', async () => {
    await request(fx.app).get('/api/messages/6f1c7a52-0000-4000-8000-000000000000').set(auth).expect(404);
    const res = await request(fx.app).get('/api/messages/..%2F..%2Fetc').set(auth).expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('POST /api/messages/:id/approve', () => {
  it('approves once: creates the reply and one send job; a second approval is a clear 409', async () => {
    const id = await insertMessage(fx.db, { receivedAt: '2026-03-03T08:00:00Z' });
    const draftId = await addDraft(id, 'Your refill is on its way.', '2026-03-03T08:00:01Z');
    const body = { body: 'Your refill is on its way today.', draftId, expectedVersion: 1 };

    const ok = await request(fx.app).post(`/api/messages/${id}/approve`).set(auth).send(body).expect(202);
    expect(ok.body).toMatchObject({ messageId: id, replyId: expect.any(String), version: 2 });
    const job = await fx.queues.send.getJob(`send-${ok.body.replyId}`);
    expect(job?.data).toEqual({ replyId: ok.body.replyId });

    const again = await request(fx.app).post(`/api/messages/${id}/approve`).set(auth).send(body).expect(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'already_approved' });
    expect(again.body.error.message).toMatch(/already approved/);

    const detail = await request(fx.app).get(`/api/messages/${id}`).set(auth).expect(200);
    expect(detail.body.message.status).toBe('sending');
    expect(detail.body.reply).toMatchObject({ id: ok.body.replyId, draftId, author: userId, sentAt: null });
    const replies = await fx.db.selectFrom('replies').select('id').where('message_id', '=', id).execute();
    expect(replies).toHaveLength(1);
  });

  it('answers 409 with the current version when the message changed since it was opened', async () => {
    const id = await insertMessage(fx.db, { receivedAt: '2026-03-03T09:00:00Z' });
    await fx.db.updateTable('messages').set({ version: 3 }).where('id', '=', id).execute();
    const res = await request(fx.app)
      .post(`/api/messages/${id}/approve`)
      .set(auth)
      .send({ body: 'Hello', draftId: null, expectedVersion: 1 })
      .expect(409);
    expect(res.body.error).toMatchObject({ reason: 'stale_version', currentVersion: 3 });
  });

  it('validates the body with field paths only, and rejects non-JSON', async () => {
    const id = await insertMessage(fx.db, { receivedAt: '2026-03-03T10:00:00Z' });
    const res = await request(fx.app)
      .post(`/api/messages/${id}/approve`)
      .set(auth)
      .send({ body: '   ', draftId: 'nope', expectedVersion: 0 })
      .expect(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body',
      'draftId',
      'expectedVersion',
    ]);
    const notJson = await request(fx.app)
      .post(`/api/messages/${id}/approve`)
      .set({ ...auth, 'Content-Type': 'application/json' })
      .send('{"body": ')
      .expect(400);
    expect(notJson.body.error.message).toBe('request body is not valid JSON');
  });

  it('answers 404 when approving a message that does not exist', async () => {
    await request(fx.app)
      .post('/api/messages/6f1c7a52-0000-4000-8000-000000000001/approve')
      .set(auth)
      .send({ body: 'Hello', draftId: null, expectedVersion: 1 })
      .expect(404);
  });
});
