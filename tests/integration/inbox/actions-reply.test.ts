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

beforeAll(async () => {
  fx = await createMessageFixture();
});

afterAll(async () => {
  await fx.close();
});

const revisions = (messageId: string) =>
  fx.db
    .selectFrom('reply_drafts')
    .select(['revision', 'body', 'mode', 'based_on_draft_id', 'author'])
    .where('message_id', '=', messageId)
    .orderBy('revision')
    .execute();

const messageRow = (id: string) =>
  fx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function sendJobs() {
  return (await fx.web.queues.send.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(
    Boolean,
  );
}

describe('start with draft / start blank', () => {
  it('creates revision 1 from the draft, claims the message and logs the choice', async () => {
    const { id, draftId } = await seedMessage(fx.db);
    const res = await postForm(fx.people.staff, messageUrl(id, 'start'), {
      mode: 'draft',
      draftId: draftId!,
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(messageUrl(id));
    const revs = await revisions(id);
    expect(revs).toEqual([
      {
        revision: 1,
        body: expect.stringContaining('lisinopril refill'),
        mode: 'draft',
        based_on_draft_id: draftId,
        author: fx.people.staff.userId,
      },
    ]);
    const m = await messageRow(id);
    expect(m.assigned_to).toBe(fx.people.staff.userId);
    expect(m.version).toBe(2);
    const [started] = await eventsFor(fx.db, id, 'reply.started');
    expect(started.data).toEqual({ mode: 'draft', draftId });
    expect((await eventsFor(fx.db, id, 'message.claimed'))[0].data).toEqual({
      userId: fx.people.staff.userId,
    });
    // The notice after the redirect comes from the session, not the URL.
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Reply started from the draft; the message is now yours.');
    expect(page.text).toMatch(/<textarea[^>]*id="reply-body"[^>]*>Hello Maria,/);
  });

  it('starts blank without taking a message someone else holds', async () => {
    const { id } = await seedMessage(fx.db, { assignedTo: fx.people.nurse.userId });
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'blank' }).expect(303);
    const revs = await revisions(id);
    expect(revs[0]).toMatchObject({ revision: 1, body: '', mode: 'blank', based_on_draft_id: null });
    expect((await messageRow(id)).assigned_to).toBe(fx.people.nurse.userId);
    expect((await eventsFor(fx.db, id, 'reply.started'))[0].data).toEqual({ mode: 'blank', draftId: null });
  });

  it('refuses a second start from a page that had no reply yet', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'blank' }).expect(303);
    const res = await postForm(fx.staff2, messageUrl(id, 'start'), { mode: 'draft' }).expect(409);
    expect(res.text).toContain('Sam Ortiz changed the reply (now revision 1) since this page loaded.');
    expect(await revisions(id)).toHaveLength(1);
  });
});

describe('saving the reply (autosave and Save)', () => {
  it('saves numbered revisions as JSON (autosave) and as a form, and records only the number', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'draft' }).expect(303);
    const auto = await postJson(fx.people.staff, messageUrl(id, 'reply'), {
      body: 'Draft one',
      revision: 1,
    }).expect(200);
    expect(auto.body).toMatchObject({ ok: true, revision: 2, saved: true });
    const same = await postJson(fx.people.staff, messageUrl(id, 'reply'), { body: 'Draft one', revision: 2 });
    expect(same.body).toMatchObject({ revision: 2, saved: false });
    await postForm(fx.people.staff, messageUrl(id, 'reply'), { body: 'Draft two', revision: '2' }).expect(
      303,
    );
    expect((await revisions(id)).map((r) => [r.revision, r.body])).toEqual([
      [1, expect.any(String)],
      [2, 'Draft one'],
      [3, 'Draft two'],
    ]);
    const saved = await eventsFor(fx.db, id, 'reply.autosaved');
    expect(saved.map((e) => e.data)).toEqual([{ revision: 2 }, { revision: 3 }]);
    expect(JSON.stringify(saved)).not.toContain('Draft');
  });

  it('refuses a save from an editor that started from an older revision, keeping both texts', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'draft' }).expect(303);
    await postJson(fx.people.staff, messageUrl(id, 'reply'), { body: 'Sam wrote this', revision: 1 }).expect(
      200,
    );
    const clash = await postJson(fx.staff2, messageUrl(id, 'reply'), {
      body: 'Alex wrote this',
      revision: 1,
    }).expect(409);
    expect(clash.body.error).toMatchObject({ reason: 'stale_revision', currentRevision: 2 });
    expect(clash.body.error.message).toContain('Sam Ortiz changed this reply');
    // The form version: the page again, 409, with Alex's text kept in the editor.
    const form = await postForm(fx.staff2, messageUrl(id, 'reply'), {
      body: 'Alex wrote this',
      revision: '1',
    }).expect(409);
    expect(form.text).toContain('Sam Ortiz changed this reply');
    expect(form.text).toMatch(/<textarea[^>]*>Alex wrote this<\/textarea>/);
    expect((await revisions(id)).map((r) => r.body)).toEqual([expect.any(String), 'Sam wrote this']);
  });

  it('lets exactly one of two concurrent saves of the same revision through', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'blank' }).expect(303);
    const results = await Promise.all([
      postJson(fx.people.staff, messageUrl(id, 'reply'), { body: 'one', revision: 1 }),
      postJson(fx.staff2, messageUrl(id, 'reply'), { body: 'two', revision: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await revisions(id)).toHaveLength(2);
  });

  it('rejects an oversized or malformed reply with a clear message and keeps what was typed', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'blank' }).expect(303);
    const long = `${'word '.repeat(4001)}END-OF-TEXT`;
    const res = await postForm(fx.people.staff, messageUrl(id, 'reply'), {
      body: long,
      revision: '1',
    }).expect(400);
    expect(res.text).toContain('The reply is longer than 20,000 characters.');
    expect(res.text).toContain('END-OF-TEXT</textarea>');
    const json = await postJson(fx.people.staff, messageUrl(id, 'reply'), { body: 42, revision: 'x' }).expect(
      400,
    );
    expect(json.body.error.code).toBe('bad_request');
    expect(await revisions(id)).toHaveLength(1);
  });

  it('a first save from the box that showed the draft starts the reply (reply.started) and then saves', async () => {
    const { id, draftId } = await seedMessage(fx.db);
    const res = await postJson(fx.people.staff, messageUrl(id, 'reply'), {
      body: 'Edited before anyone started',
      revision: 0,
      startMode: 'draft',
      draftId,
    }).expect(200);
    expect(res.body).toMatchObject({ revision: 2, saved: true });
    const revs = await revisions(id);
    expect(revs.map((r) => [r.revision, r.mode, r.based_on_draft_id])).toEqual([
      [1, 'draft', draftId],
      [2, 'draft', draftId],
    ]);
    expect(revs[1].body).toBe('Edited before anyone started');
    expect(await eventsFor(fx.db, id, 'reply.started')).toHaveLength(1);
    expect(await eventsFor(fx.db, id, 'reply.autosaved')).toHaveLength(1);
    expect((await messageRow(id)).assigned_to).toBe(fx.people.staff.userId);
  });

  it('a save at revision 0 after someone else started is a collision: nothing is overwritten', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'start'), { mode: 'draft' }).expect(303);
    const res = await postJson(fx.people.nurse, messageUrl(id, 'reply'), { body: 'x', revision: 0 }).expect(
      409,
    );
    expect(res.body.error.reason).toBe('stale_revision');
    expect(await revisions(id)).toHaveLength(1);
  });
});

describe('approve and send', () => {
  async function started() {
    const seeded = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(seeded.id, 'start'), { mode: 'draft' }).expect(303);
    return { ...seeded, version: (await messageRow(seeded.id)).version };
  }

  it('stores one reply, moves the message to sending, enqueues one send job and logs the approval', async () => {
    const { id, draftId, version } = await started();
    const res = await postForm(fx.people.staff, messageUrl(id, 'approve'), {
      body: 'Hello, we will ask Dr. Lee today.',
      revision: '1',
      expectedVersion: String(version),
      draftId: draftId!,
    }).expect(303);
    expect(res.headers.location).toBe(messageUrl(id));
    const reply = await fx.db
      .selectFrom('replies')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(reply).toMatchObject({
      body: 'Hello, we will ask Dr. Lee today.',
      draft_id: draftId,
      author: fx.people.staff.userId,
    });
    expect((await messageRow(id)).status).toBe('sending');
    expect(await fx.web.queues.send.getJob(`send-${reply.id}`)).toBeDefined();
    const [approved] = await eventsFor(fx.db, id, 'reply.approved');
    expect(approved.data).toMatchObject({ replyId: reply.id, draftId, author: fx.people.staff.userId });
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Reply approved; it is being sent');
    expect(page.text).toContain('Approved by Sam Ortiz');
    expect(page.text).not.toContain('>Approve and send<');
  });

  it('fails with a clear message and sends nothing when the message changed since it was opened', async () => {
    const { id, version } = await started();
    await postForm(fx.people.nurse, messageUrl(id, 'route')).expect(303);
    const res = await postForm(fx.people.staff, messageUrl(id, 'approve'), {
      body: 'My careful reply',
      revision: '1',
      expectedVersion: String(version),
    }).expect(409);
    expect(res.text).toContain('This message changed since you opened it');
    expect(res.text).toContain('My careful reply</textarea>');
    expect(
      await fx.db.selectFrom('replies').where('message_id', '=', id).select('id').execute(),
    ).toHaveLength(0);
  });

  it('fails when someone else saved a newer revision of the reply', async () => {
    const { id, version } = await started();
    await postJson(fx.staff2, messageUrl(id, 'reply'), { body: 'Alex changed it', revision: 1 }).expect(200);
    const res = await postJson(fx.people.staff, messageUrl(id, 'approve'), {
      body: 'Sam approves the old text',
      revision: 1,
      expectedVersion: version,
    }).expect(409);
    expect(res.body.error.reason).toBe('stale_revision');
    expect(res.body.error.message).toContain('Someone else edited this reply');
    expect(
      await fx.db.selectFrom('replies').where('message_id', '=', id).select('id').execute(),
    ).toHaveLength(0);
  });

  it('lets exactly one of two simultaneous approvals through: one reply row, one send job', async () => {
    const { id, version } = await started();
    const before = (await sendJobs()).length;
    const approve = (who: typeof fx.staff2, text: string) =>
      postJson(who, messageUrl(id, 'approve'), { body: text, revision: 1, expectedVersion: version });
    const results = await Promise.all([
      approve(fx.people.staff, 'from Sam'),
      approve(fx.staff2, 'from Alex'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const replies = await fx.db.selectFrom('replies').selectAll().where('message_id', '=', id).execute();
    expect(replies).toHaveLength(1);
    expect((await sendJobs()).length).toBe(before + 1);
    expect(await eventsFor(fx.db, id, 'reply.approved')).toHaveLength(1);
  });

  it('refuses an empty reply and keeps the form', async () => {
    const { id, version } = await started();
    const res = await postForm(fx.people.staff, messageUrl(id, 'approve'), {
      body: '   ',
      revision: '1',
      expectedVersion: String(version),
    }).expect(400);
    expect(res.text).toContain('The reply is empty');
  });
});
