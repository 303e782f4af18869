/**
 * Approval and sending: two approvers at once give one reply; a stale view is refused; a send
 * retried after a crash between the portal write and our commit leaves exactly one Communication.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { approveReply } from '../../../src/messages/approve';
import { draftMessage } from '../../../src/messages/draft-message';
import { ConflictError } from '../../../src/messages/errors';
import type { PipelineDeps } from '../../../src/messages/pipeline-deps';
import { triageMessage } from '../../../src/messages/triage-message';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { pollPortal } from '../../../src/portal/poller';
import { REPLY_IDENTIFIER_SYSTEM, writeReplyToPortal } from '../../../src/portal/reply-writer';
import { processSendJob } from '../../../src/portal/send.queue';
import {
  createPipelineFixture,
  fixtureDeps,
  plantRaw,
  postPatientMessage,
  setFaults,
  type PipelineFixture,
} from './fixture';

describe('approve and send', () => {
  let f: PipelineFixture;
  let deps: PipelineDeps;
  let author: string;
  const portal = () => createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, timeoutMs: 2000, retries: 0 });

  beforeAll(async () => {
    f = await createPipelineFixture();
    deps = fixtureDeps(f);
    author = (
      await f.db
        .insertInto('users')
        .values({ email: 'rn@example.test', display_name: 'RN', role: 'nurse' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await f.close();
  });

  /** A patient message taken through the real steps to `ready`, without queues in between. */
  async function readyMessage(text: string, patientRef?: string) {
    const portalId = patientRef
      ? await plantRaw(f.sandbox, {
          resourceType: 'Communication',
          status: 'completed',
          sender: { reference: patientRef },
          payload: [{ contentString: text }],
        })
      : await postPatientMessage(f.sandbox, f.patientIds[5], text);
    await pollPortal({ db: f.db, logger: f.logger, portal: portal() });
    const { id } = await f.db
      .selectFrom('messages')
      .select('id')
      .where('portal_id', '=', portalId)
      .executeTakeFirstOrThrow();
    await triageMessage(deps, id);
    await draftMessage(deps, id, { retryTransientChart: false });
    const message = await f.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const draft = await f.db.selectFrom('drafts').selectAll().where('message_id', '=', id).executeTakeFirst();
    expect(message.status).toBe('ready');
    return { message, draft, portalId };
  }

  const sendJob = (replyId: string, attemptsMade = 0, attempts = 12) =>
    ({ id: `send-${replyId}`, data: { replyId }, attemptsMade, opts: { attempts } }) as unknown as Job;

  const repliesOnPortal = (replyId: string) =>
    f.sandbox.context.store
      .list('Communication')
      .filter((s) => JSON.stringify(s.resource.identifier ?? []).includes(replyId));

  it('lets only one of two simultaneous approvals through, and refuses a stale view', async () => {
    const { message, draft } = await readyMessage('When is my next appointment?');
    await expect(
      approveReply(f.db, f.queues, {
        messageId: message.id,
        author,
        body: 'Hello',
        draftId: draft!.id,
        expectedVersion: message.version - 1,
      }),
    ).rejects.toMatchObject({ reason: 'stale_version' });

    const attempt = (body: string) =>
      approveReply(f.db, f.queues, {
        messageId: message.id,
        author,
        body,
        draftId: draft!.id,
        expectedVersion: message.version,
      });
    const results = await Promise.allSettled([attempt('First answer'), attempt('Second answer')]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ConflictError);
    expect(refused[0].reason.status).toBe(409);

    const replies = await f.db
      .selectFrom('replies')
      .selectAll()
      .where('message_id', '=', message.id)
      .execute();
    expect(replies).toHaveLength(1);
    const after = await f.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('sending');
    expect(after.version).toBe(message.version + 1);
    expect(await f.queues.send.getJob(`send-${replies[0].id}`)).toBeDefined();

    await processSendJob({ db: f.db, portal: portal(), logger: f.logger })(sendJob(replies[0].id));
    await processSendJob({ db: f.db, portal: portal(), logger: f.logger })(sendJob(replies[0].id));
    expect(repliesOnPortal(replies[0].id)).toHaveLength(1);
  });

  it('finds the reply already on the portal when retried after a crash before our commit', async () => {
    const { message, draft, portalId } = await readyMessage('Can I take ibuprofen with my medicines?');
    const { replyId } = await approveReply(f.db, f.queues, {
      messageId: message.id,
      author,
      body: draft!.body,
      draftId: draft!.id,
      expectedVersion: message.version,
    });
    // The first attempt: the portal stores the reply, then the worker dies before its commit.
    const first = await writeReplyToPortal(portal(), {
      replyId,
      portalMessageId: portalId,
      patientRef: message.patient_ref,
      partOfRef: null,
      body: draft!.body,
      sentAt: new Date(),
    });
    expect(first.created).toBe(true);
    let reply = await f.db
      .selectFrom('replies')
      .selectAll()
      .where('id', '=', replyId)
      .executeTakeFirstOrThrow();
    expect(reply.sent_at).toBeNull();

    // The retry, with the portal also failing once on the way.
    await setFaults(f.sandbox, { failNext: 1 });
    const send = processSendJob({ db: f.db, portal: portal(), logger: f.logger });
    await expect(send(sendJob(replyId, 0))).rejects.toThrow(/HTTP 500/);
    expect(await send(sendJob(replyId, 1))).toBe('sent');

    const onPortal = repliesOnPortal(replyId);
    expect(onPortal).toHaveLength(1);
    expect(onPortal[0].resource.id).toBe(first.portalReplyId);
    expect(onPortal[0].resource.identifier).toEqual([{ system: REPLY_IDENTIFIER_SYSTEM, value: replyId }]);
    reply = await f.db.selectFrom('replies').selectAll().where('id', '=', replyId).executeTakeFirstOrThrow();
    expect(reply.portal_reply_id).toBe(first.portalReplyId);
    expect(reply.send_attempts).toBe(2);
    const sent = await f.db
      .selectFrom('events')
      .select('data')
      .where('action', '=', 'reply.sent')
      .where('message_id', '=', message.id)
      .execute();
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ replyId, createdNow: false });
    const m = await f.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(m.status).toBe('sent');
  });

  it('flags a reply the portal refuses outright, without retrying it forever', async () => {
    const { message, draft } = await readyMessage('Please renew my prescription.', 'Patient/not-on-portal');
    expect(message.flags).toContain('chart_unavailable');
    const { replyId } = await approveReply(f.db, f.queues, {
      messageId: message.id,
      author,
      body: draft?.body ?? 'We will call you.',
      draftId: draft?.id ?? null,
      expectedVersion: message.version,
    });
    const send = processSendJob({ db: f.db, portal: portal(), logger: f.logger });
    await expect(send(sendJob(replyId))).rejects.toBeInstanceOf(UnrecoverableError);
    const after = await f.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(after.flags).toContain('send_failed');
    const failed = await f.db
      .selectFrom('events')
      .select('data')
      .where('action', '=', 'reply.send_failed')
      .where('message_id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(failed.data).toMatchObject({ replyId, errorKind: 'http_400' });
    expect(repliesOnPortal(replyId)).toHaveLength(0);
  });

  it('refuses an approval by someone who is not a user', async () => {
    const { message, draft } = await readyMessage('Do you have evening hours?');
    await expect(
      approveReply(f.db, f.queues, {
        messageId: message.id,
        author: '00000000-0000-4000-8000-000000000000',
        body: 'Yes',
        draftId: draft?.id ?? null,
        expectedVersion: message.version,
      }),
    ).rejects.toMatchObject({ status: 400, details: { fields: ['author'] } });
    const after = await f.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('ready');
  });

  it('refuses approving a message that is not ready', async () => {
    const portalId = await postPatientMessage(f.sandbox, f.patientIds[6], 'Is my bill correct?');
    await pollPortal({ db: f.db, logger: f.logger, portal: portal() });
    const m = await f.db
      .selectFrom('messages')
      .selectAll()
      .where('portal_id', '=', portalId)
      .executeTakeFirstOrThrow();
    await expect(
      approveReply(f.db, f.queues, {
        messageId: m.id,
        author,
        body: 'Yes',
        draftId: null,
        expectedVersion: m.version,
      }),
    ).rejects.toMatchObject({ reason: 'not_ready' });
    await expect(
      approveReply(f.db, f.queues, {
        messageId: m.id,
        author,
        body: '  ',
        draftId: null,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ status: 400, details: { fields: ['body'] } });
    expect(
      await f.db.selectFrom('replies').select('id').where('message_id', '=', m.id).execute(),
    ).toHaveLength(0);
  });
});
