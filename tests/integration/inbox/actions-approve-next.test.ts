/**
 * "Approve and next" (issue 16): approving from the box that showed the draft (no start step), then
 * landing on the next open message of the saved view the message was opened from. The same guards as
 * "Approve and send": a stale version or revision is refused, nothing is sent and nobody moves on.
 */
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
const ids: Record<string, string> = {};
const drafts: Record<string, string> = {};

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

beforeAll(async () => {
  fx = await createMessageFixture();
  const me = fx.people.staff.userId;
  // Inbox order: urgent before routine, then longest waiting. All are Sam's ("Mine").
  for (const [name, urgency, minutes] of [
    ['urgentOld', 'urgent', 300],
    ['urgentMid', 'urgent', 200],
    ['routineOld', 'routine', 400],
    ['urgentNew', 'urgent', 100],
  ] as const) {
    const seeded = await seedMessage(fx.db, { urgency, receivedAt: ago(minutes), assignedTo: me });
    ids[name] = seeded.id;
    drafts[name] = seeded.draftId!;
  }
});

afterAll(async () => {
  await fx.close();
});

const version = async (id: string) =>
  (await fx.db.selectFrom('messages').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

const approveNext = async (id: string, status: number, fields: Record<string, string> = {}) =>
  postForm(fx.people.staff, messageUrl(id, 'approve'), {
    body: 'Hello Maria, we will ask Dr. Lee today.',
    revision: '0',
    expectedVersion: String(await version(id)),
    draftId: drafts[Object.keys(ids).find((k) => ids[k] === id)!]!,
    then: 'next',
    ...fields,
  }).expect(status);

describe('next inside a saved view', () => {
  it('GET /next and /prev stay in the view and keep it in the address', async () => {
    const next = await fx.people.staff.agent
      .get(`${messageUrl(ids.urgentOld, 'next')}?view=urgent`)
      .expect(303);
    expect(next.headers.location).toBe(`${messageUrl(ids.urgentMid)}?view=urgent`);
    const prev = await fx.people.staff.agent
      .get(`${messageUrl(ids.urgentMid, 'prev')}?view=urgent`)
      .expect(303);
    expect(prev.headers.location).toBe(`${messageUrl(ids.urgentOld)}?view=urgent`);
    // The page opened in a view links its neighbours and the list inside that view.
    const page = await fx.people.staff.agent.get(`${messageUrl(ids.urgentMid)}?view=urgent`).expect(200);
    expect(page.text).toContain(`href="${messageUrl(ids.urgentMid, 'next')}?view=urgent" id="next-link"`);
    expect(page.text).toContain('href="/inbox?view=urgent" id="back-link"');
    expect(page.text).toContain('<input type="hidden" name="view" value="urgent"/>');
  });
});

describe('Approve and next', () => {
  it('approves the draft as shown (no start step) and opens the next message of the view', async () => {
    const res = await approveNext(ids.urgentOld, 303, { view: 'urgent' });
    expect(res.headers.location).toBe(`${messageUrl(ids.urgentMid)}?view=urgent`);
    const reply = await fx.db
      .selectFrom('replies')
      .selectAll()
      .where('message_id', '=', ids.urgentOld)
      .executeTakeFirstOrThrow();
    expect(reply).toMatchObject({
      body: 'Hello Maria, we will ask Dr. Lee today.',
      draft_id: drafts.urgentOld,
    });
    expect(await eventsFor(fx.db, ids.urgentOld, 'reply.approved')).toHaveLength(1);
    const jobs = (
      await fx.web.queues.send.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])
    ).filter((j) => j?.data?.replyId === reply.id);
    expect(jobs).toHaveLength(1);
    // The notice of the approval waits on the next message's page.
    const next = await fx.people.staff.agent.get(res.headers.location).expect(200);
    expect(next.text).toContain(
      'Reply approved; it is being sent to the patient’s portal. This is the next message.',
    );
  });

  it('refuses a stale approval like "Approve and send": 409 page, nothing sent, no move', async () => {
    const res = await approveNext(ids.urgentMid, 409, {
      view: 'urgent',
      expectedVersion: String((await version(ids.urgentMid)) + 1),
    });
    expect(res.text).toContain('Nothing was sent');
    expect(await eventsFor(fx.db, ids.urgentMid, 'reply.approved')).toHaveLength(0);
    // Text saved by someone else meanwhile (a newer revision) is refused too.
    await postForm(fx.people.nurse, messageUrl(ids.urgentMid, 'start'), { mode: 'draft' }).expect(303);
    const stale = await approveNext(ids.urgentMid, 409, { view: 'urgent' });
    expect(stale.text).toContain('Someone else edited this reply');
    expect(await eventsFor(fx.db, ids.urgentMid, 'reply.approved')).toHaveLength(0);
  });

  it('an empty reply is refused whatever the button', async () => {
    const res = await approveNext(ids.routineOld, 400, { body: '   ' });
    expect(res.text).toContain('The reply is empty');
  });

  it('at the end of the view stays on the message and says there is no next one; JSON names the next id', async () => {
    const json = await postJson(fx.people.staff, messageUrl(ids.urgentNew, 'approve'), {
      body: 'Hello, done.',
      revision: 0,
      expectedVersion: await version(ids.urgentNew),
      then: 'next',
      view: 'urgent',
    }).expect(200);
    // urgentMid is still open but earlier in the order: after the newest urgent one nothing is left.
    expect(json.body).toMatchObject({ ok: true, next: null });

    const res = await approveNext(ids.routineOld, 303, { view: 'mine' });
    expect(res.headers.location).toBe(`${messageUrl(ids.routineOld)}?view=mine`);
    const page = await fx.people.staff.agent.get(res.headers.location).expect(200);
    expect(page.text).toContain('There is no next open message in this view.');
  });
});
