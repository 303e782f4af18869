import { createFhirClient } from '../../../src/portal/fhir-client';
import type { Job } from 'bullmq';
import pino from 'pino';
import { processEscalateJob } from '../../../src/alerts/escalate.queue';
import { createSlackClient } from '../../../src/alerts/slack';
import { alertSettings } from '../alerts/alerts-fixture';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack';
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
let slack: FakeSlack;

beforeAll(async () => {
  fx = await createMessageFixture();
  slack = await startFakeSlack();
});

afterAll(async () => {
  await slack.close();
  await fx.close();
});

const messageRow = (id: string) =>
  fx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('route to nurse', () => {
  it('puts the message in the nurse queue, unassigned, and a nurse claiming it takes it out', async () => {
    const { id } = await seedMessage(fx.db, { assignedTo: fx.people.staff.userId });
    await postForm(fx.people.staff, messageUrl(id, 'route')).expect(303);
    let m = await messageRow(id);
    expect(m).toMatchObject({ routed_to: 'nurse', assigned_to: null, version: 2 });
    expect((await eventsFor(fx.db, id, 'message.routed'))[0].data).toEqual({ to: 'nurse' });

    await postForm(fx.people.nurse, messageUrl(id, 'claim')).expect(303);
    m = await messageRow(id);
    expect(m).toMatchObject({ routed_to: null, assigned_to: fx.people.nurse.userId, version: 3 });
    expect(m.assigned_at).toBeInstanceOf(Date);
  });
});

describe('claim and release', () => {
  it('needs an explicit take-over to claim a message someone else holds', async () => {
    const { id } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'claim')).expect(303);
    const refused = await postForm(fx.staff2, messageUrl(id, 'claim')).expect(409);
    expect(refused.text).toContain('Sam Ortiz has claimed this message. Tick &quot;Take over&quot;');
    expect((await messageRow(id)).assigned_to).toBe(fx.people.staff.userId);
    await postForm(fx.staff2, messageUrl(id, 'claim'), { takeOver: 'yes' }).expect(303);
    expect((await messageRow(id)).assigned_to).toBe(fx.staff2.userId);
    const claims = await eventsFor(fx.db, id, 'message.claimed');
    expect(claims.map((e) => e.data)).toEqual([
      { userId: fx.people.staff.userId },
      { userId: fx.staff2.userId },
    ]);

    await postForm(fx.people.staff, messageUrl(id, 'release')).expect(409);
    await postForm(fx.staff2, messageUrl(id, 'release')).expect(303);
    expect((await messageRow(id)).assigned_to).toBeNull();
    expect((await eventsFor(fx.db, id, 'message.released'))[0].data).toEqual({ userId: fx.staff2.userId });
  });
});

describe('close without reply', () => {
  it('closes with a reason, keeps the note on the message only, and resolves the Slack alert in place', async () => {
    const { id } = await seedMessage(fx.db, { urgency: 'urgent' });
    const settings = alertSettings(slack);
    const client = createSlackClient(settings.slack!, 2000);
    const posted = await client.chat.postMessage({ channel: 'CURGENT', text: 'Urgent message' });
    await fx.db
      .insertInto('alerts')
      .values({
        message_id: id,
        channel: 'CURGENT',
        slack_ts: posted.ts!,
        state: 'posted',
        posted_at: new Date(),
      })
      .execute();
    await postForm(fx.people.nurse, messageUrl(id, 'close'), {
      reason: 'handled_by_phone',
      note: 'Called Maria, she is fine',
    }).expect(303);
    const m = await messageRow(id);
    expect(m).toMatchObject({
      status: 'closed',
      closed_by: fx.people.nurse.userId,
      close_reason: 'handled_by_phone: Called Maria, she is fine',
      version: 2,
    });
    expect(m.closed_at).toBeInstanceOf(Date);
    const [closed] = await eventsFor(fx.db, id, 'message.closed');
    expect(closed.data).toEqual({ reason: 'handled_by_phone' });

    // The sync job the send path also uses; run it as the worker would, against the fake Slack.
    const job = await fx.web.queues.escalate.getJob(`escalate-${id}-0`);
    expect(job?.data).toEqual({ messageId: id, level: 0 });
    const outcome = await processEscalateJob({
      db: fx.db,
      queues: fx.web.queues,
      logger: pino({ level: 'silent' }),
      settings,
      slack: client,
      chart: createFhirClient({ baseUrl: 'http://127.0.0.1:9/fhir/R4', timeoutMs: 100, retries: 0 }),
      timeZone: 'America/Chicago',
    })(job as Job);
    expect(outcome).toBe('resolved');
    const alert = await fx.db
      .selectFrom('alerts')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ outcome: 'closed' });
    expect(alert.resolved_at).toBeInstanceOf(Date);
    expect(slack.calls.some((c) => c.method === 'chat.update')).toBe(true);

    const page = await fx.people.nurse.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Closed without reply');
    expect(page.text).toContain('Handled by phone: Called Maria, she is fine');
    expect(page.text).not.toContain('>Approve and send<');
    // Closed is final: a second close is refused.
    await postForm(fx.people.nurse, messageUrl(id, 'close'), { reason: 'duplicate' }).expect(409);
  });

  it('rejects a reason outside the list and an oversized note, keeping what was typed', async () => {
    const { id } = await seedMessage(fx.db);
    const bad = await postForm(fx.people.staff, messageUrl(id, 'close'), {
      reason: 'bored',
      note: 'keep me',
    }).expect(400);
    expect(bad.text).toContain('Choose why the message is closed.');
    expect(bad.text).toContain('keep me</textarea>');
    const long = await postForm(fx.people.staff, messageUrl(id, 'close'), {
      reason: 'other',
      note: `${'n'.repeat(501)}`,
    }).expect(400);
    expect(long.text).toContain('The note is longer than 500 characters.');
    expect((await messageRow(id)).status).toBe('ready');
  });
});

describe('change urgency', () => {
  it('changes the level with the reason in the triage reasons, and raising it pages through an alert job', async () => {
    const { id } = await seedMessage(fx.db, { urgency: 'routine' });
    await postForm(fx.people.nurse, messageUrl(id, 'urgency'), {
      urgency: 'urgent',
      reason: 'Chest tightness mentioned at the end',
    }).expect(303);
    const m = await messageRow(id);
    expect(m.urgency).toBe('urgent');
    expect(m.version).toBe(2);
    expect(m.triage_reasons.at(-1)).toBe('changed by staff: Chest tightness mentioned at the end');
    const [changed] = await eventsFor(fx.db, id, 'message.urgency_changed');
    expect(changed.data).toEqual({ from: 'routine', to: 'urgent', reason: 'staff' });
    expect(await fx.web.queues.alert.getJob(`alert-${id}`)).toBeDefined();
  });

  it('makes the draft again for the new urgency, keeps the old one, and tells the reviewer', async () => {
    const { id, draftId } = await seedMessage(fx.db, { urgency: 'routine' });
    const res = await postForm(fx.people.nurse, messageUrl(id, 'urgency'), {
      urgency: 'urgent',
      reason: 'Out of insulin since yesterday',
    }).expect(303);
    expect(res.headers.location).toBeDefined();
    const drafts = await fx.db
      .selectFrom('drafts')
      .select(['id', 'body', 'flags'])
      .where('message_id', '=', id)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    expect(drafts).toHaveLength(2);
    expect(drafts[0].id).toBe(draftId);
    expect(drafts[1].flags[0]).toBe('redrafted: urgency changed from routine to urgent');
    // The urgent refill reply: a same-day call while the clinic is open, the after-hours line otherwise.
    expect(drafts[1].body).toMatch(/A nurse will call you today|after-hours nurse line/);
    expect((await messageRow(id)).flags).toContain('draft_changed');
    const [event] = await eventsFor(fx.db, id, 'draft.redrafted');
    expect(event.data).toEqual({
      draftId: drafts[1].id,
      previousDraftId: draftId,
      instruction: null,
      reason: 'urgency changed from routine to urgent',
    });
  });

  it('needs a reason, and refuses the level it already has', async () => {
    const { id } = await seedMessage(fx.db, { urgency: 'routine' });
    const noReason = await postForm(fx.people.manager, messageUrl(id, 'urgency'), {
      urgency: 'urgent',
      reason: ' ',
    }).expect(400);
    expect(noReason.text).toContain('Say why the level changes.');
    const same = await postJson(fx.people.manager, messageUrl(id, 'urgency'), {
      urgency: 'routine',
      reason: 'x',
    }).expect(400);
    expect(same.body.error.message).toContain('already routine');
    expect(await eventsFor(fx.db, id, 'message.urgency_changed')).toHaveLength(0);
  });
});

describe('feedback on the draft', () => {
  it('stores a draft_feedback row and an event without the note', async () => {
    const { id, draftId } = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(id, 'feedback'), {
      draftId: draftId!,
      useful: 'no',
      reasons: ['too_long', 'wrong_tone'],
      note: 'Too formal for this patient',
    }).expect(303);
    const row = await fx.db
      .selectFrom('draft_feedback')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      draft_id: draftId,
      user_id: fx.people.staff.userId,
      useful: false,
      reasons: ['too_long', 'wrong_tone'],
      note: 'Too formal for this patient',
    });
    const [event] = await eventsFor(fx.db, id, 'draft.feedback');
    expect(event.data).toEqual({ draftId, useful: false, reasons: ['too_long', 'wrong_tone'] });
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('You already sent feedback on this draft');
  });

  it('rejects unknown reasons and a draft of another message', async () => {
    const a = await seedMessage(fx.db);
    const b = await seedMessage(fx.db);
    await postForm(fx.people.staff, messageUrl(a.id, 'feedback'), {
      draftId: a.draftId!,
      useful: 'yes',
      reasons: 'rude',
    }).expect(400);
    const other = await postForm(fx.people.staff, messageUrl(a.id, 'feedback'), {
      draftId: b.draftId!,
      useful: 'yes',
    }).expect(400);
    expect(other.text).toContain('That draft does not belong to this message.');
  });
});

describe('acknowledge the alert from the inbox', () => {
  it('acknowledges once, assigns the message and records who', async () => {
    const { id } = await seedMessage(fx.db, { urgency: 'emergent' });
    await fx.db
      .insertInto('alerts')
      .values({
        message_id: id,
        channel: 'CURGENT',
        slack_ts: '1700000000.000200',
        state: 'posted',
        posted_at: new Date(),
      })
      .execute();
    await postForm(fx.people.nurse, messageUrl(id, 'acknowledge')).expect(303);
    const alert = await fx.db
      .selectFrom('alerts')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(alert.acked_by).toBe(fx.people.nurse.userId);
    expect((await messageRow(id)).assigned_to).toBe(fx.people.nurse.userId);
    const [ack] = await eventsFor(fx.db, id, 'alert.acknowledged');
    expect(ack.data).toMatchObject({ userId: fx.people.nurse.userId, via: 'inbox', assigned: true });
    const again = await postJson(fx.people.manager, messageUrl(id, 'acknowledge')).expect(200);
    expect(again.body.message).toContain('already acknowledged');
    const page = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(page.text).toContain('Acknowledged by Dana Reyes');
  });
});

describe('presence heartbeat', () => {
  it('keeps the person present, answers who else is here, and forgets them when they leave', async () => {
    const { id } = await seedMessage(fx.db);
    await postJson(fx.people.nurse, messageUrl(id, 'presence'), { mode: 'replying' }).expect(200);
    const seen = await postJson(fx.people.staff, messageUrl(id, 'presence'), { mode: 'viewing' }).expect(200);
    expect(seen.body.people).toEqual([{ name: 'Dana Reyes', mode: 'replying' }]);
    await postForm(fx.people.nurse, messageUrl(id, 'presence'), { mode: 'gone' }).expect(204);
    const after = await postJson(fx.people.staff, messageUrl(id, 'presence'), { mode: 'viewing' }).expect(
      200,
    );
    expect(after.body.people).toEqual([]);
    await postJson(fx.people.staff, messageUrl(id, 'presence'), { mode: 'dancing' }).expect(400);
  });
});
