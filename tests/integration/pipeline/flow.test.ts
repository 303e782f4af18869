/**
 * The whole pipeline in this process against real PostgreSQL, Redis and the sandbox portal:
 * a patient's POST reaches `ready` with triage and a draft, an approval sends exactly one reply.
 */
import { verifyChain } from '../../../src/audit';
import { approveReply } from '../../../src/messages/approve';
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { REPLY_IDENTIFIER_SYSTEM } from '../../../src/portal/reply-writer';
import {
  createPipelineFixture,
  startFixturePipeline,
  plantRaw,
  postPatientMessage,
  waitFor,
  type PipelineFixture,
} from './fixture';

jest.setTimeout(90_000);

describe('pipeline end to end', () => {
  let f: PipelineFixture;
  let pipeline: RunningPipeline;
  let author: string;

  beforeAll(async () => {
    f = await createPipelineFixture();
    pipeline = await startFixturePipeline(f);
    const user = await f.db
      .insertInto('users')
      .values({ email: 'nurse@example.test', display_name: 'Nurse', role: 'nurse' })
      .returning('id')
      .executeTakeFirstOrThrow();
    author = user.id;
  });
  afterAll(async () => {
    await pipeline?.close();
    await f.close();
  });

  const messageByPortalId = (portalId: string) =>
    f.db.selectFrom('messages').selectAll().where('portal_id', '=', portalId).executeTakeFirst();

  it('takes a posted message to ready with urgency, reasons and a draft, then sends one approved reply', async () => {
    const patientId = f.patientIds[0];
    const portalId = await postPatientMessage(
      f.sandbox,
      patientId,
      'I have had crushing chest pain for an hour and my left arm is numb.',
    );
    const urgent = await waitFor('the chest-pain message to be ready', async () => {
      const m = await messageByPortalId(portalId);
      return m?.status === 'ready' ? m : undefined;
    });
    expect(urgent.urgency).toBe('emergent');
    expect(urgent.triage_reasons.length).toBeGreaterThan(0);
    const drafts = await f.db.selectFrom('drafts').selectAll().where('message_id', '=', urgent.id).execute();
    expect(drafts).toHaveLength(1);
    expect(drafts[0].source).toBe('escalation');
    // An emergent message is alerted (the Slack feature will process the job).
    expect(await f.queues.alert.getJob(`alert-${urgent.id}`)).toBeDefined();

    const routine = await postPatientMessage(
      f.sandbox,
      patientId,
      'Could you send me a copy of my last lab results?',
    );
    const ready = await waitFor('the routine message to be ready', async () => {
      const m = await messageByPortalId(routine);
      return m?.status === 'ready' ? m : undefined;
    });
    expect(ready.urgency).not.toBe('emergent');
    const [draft] = await f.db.selectFrom('drafts').selectAll().where('message_id', '=', ready.id).execute();
    expect(draft.body.length).toBeGreaterThan(20);
    expect(draft.source).toBe('template');
    expect(draft.context_snapshot).toBeTruthy();

    const actions = (
      await f.db
        .selectFrom('events')
        .select('action')
        .where('message_id', '=', ready.id)
        .orderBy('id')
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual(['message.ingested', 'message.triaged', 'draft.created', 'message.ready']);

    const edited = `${draft.body}\nSee you soon.`;
    const approved = await approveReply(f.db, f.queues, {
      messageId: ready.id,
      author,
      body: edited,
      draftId: draft.id,
      expectedVersion: ready.version,
    });
    await waitFor('the reply to be sent', async () => {
      const m = await messageByPortalId(routine);
      return m?.status === 'sent';
    });
    const reply = await f.db
      .selectFrom('replies')
      .selectAll()
      .where('id', '=', approved.replyId)
      .executeTakeFirstOrThrow();
    expect(reply.sent_at).toBeInstanceOf(Date);
    const onPortal = f.sandbox.context.store
      .list('Communication')
      .map((s) => s.resource)
      .filter((c) => JSON.stringify(c.identifier ?? []).includes(approved.replyId));
    expect(onPortal).toHaveLength(1);
    expect(onPortal[0].id).toBe(reply.portal_reply_id);
    expect(onPortal[0].identifier).toEqual([{ system: REPLY_IDENTIFIER_SYSTEM, value: approved.replyId }]);
    expect(onPortal[0].inResponseTo).toEqual([{ reference: `Communication/${routine}` }]);
    expect(onPortal[0].recipient).toEqual([{ reference: `Patient/${patientId}` }]);

    const approvedEvent = await f.db
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('action', '=', 'reply.approved')
      .executeTakeFirstOrThrow();
    expect(approvedEvent.actor).toBe(`user:${author}`);
    expect(approvedEvent.data).toMatchObject({
      replyId: approved.replyId,
      edit: { unchanged: false, wordsAdded: 3 },
    });
    expect(JSON.stringify(approvedEvent.data)).not.toContain('See you soon');

    // Our own reply shows up in the portal feed and must not come back in as a patient message.
    await waitFor('another poll', async () => {
      const health = await f.db.selectFrom('poll_cursors').select('last_id').executeTakeFirst();
      return health?.last_id === reply.portal_reply_id;
    });
    expect(await messageByPortalId(reply.portal_reply_id as string)).toBeUndefined();
    expect((await verifyChain(f.db)).ok).toBe(true);
  });

  it('brings a message whose patient cannot be read to ready, flagged', async () => {
    const portalId = await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: 'Patient/nobody-here' },
      payload: [{ contentString: 'I need a refill of my inhaler please.' }],
    });
    const m = await waitFor('the orphan message to be ready', async () => {
      const row = await messageByPortalId(portalId);
      return row?.status === 'ready' ? row : undefined;
    });
    expect(m.flags).toContain('chart_unavailable');
    expect(m.urgency).not.toBeNull();
    const drafts = await f.db.selectFrom('drafts').select('flags').where('message_id', '=', m.id).execute();
    expect(drafts).toHaveLength(1);
    expect(drafts[0].flags.some((fl) => fl.startsWith('chart_missing'))).toBe(true);
  });

  it('logs ids and outcomes, never patient text', () => {
    const logged = f.logLines.join('\n');
    expect(logged).toMatch(/message ready/);
    expect(logged).not.toMatch(/chest pain|inhaler|lab results/i);
  });
});
