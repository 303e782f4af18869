/**
 * Every stuck state is re-driven and every failure is seen (issue 12), through the real pipeline with
 * the fake Slack: an alert stranded after its job failed for good, a reply the portal refuses for
 * good (send_failed, a notice to the nurses, a person's retry, one copy on the portal), drafts that
 * still get their chart from a portal failing half its requests, and three workers at once.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { approveReply } from '../../../src/messages/approve';
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { retrySend } from '../../../src/messages/retry-send';
import { createRedisConnection } from '../../../src/queue';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack';
import { testRedisUrl } from '../../helpers/redis';
import { alertSettings } from '../alerts/alerts-fixture';
import {
  createPipelineFixture,
  postPatientMessage,
  setFaults,
  startFixturePipeline,
  waitFor,
  type PipelineFixture,
} from './fixture';

describe('delivery that heals itself', () => {
  let f: PipelineFixture;
  let slack: FakeSlack;
  let pipelines: RunningPipeline[] = [];
  let author: string;

  beforeEach(async () => {
    f = await createPipelineFixture();
    slack = await startFakeSlack();
    author = (
      await f.db
        .insertInto('users')
        .values({ email: 'rn@example.test', display_name: 'RN', role: 'nurse' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterEach(async () => {
    await Promise.all(pipelines.map((p) => p.close()));
    pipelines = [];
    await slack.close();
    await f.close();
  });

  const start = async (overrides = {}) => {
    const p = await startFixturePipeline(f, {
      alerts: alertSettings(slack, { escalateAfterMs: { emergent: 600_000, urgent: 600_000 } }),
      maintenanceIntervalMs: 300,
      ...overrides,
    });
    pipelines.push(p);
    return p;
  };

  const messageOf = async (portalId: string) =>
    f.db.selectFrom('messages').selectAll().where('portal_id', '=', portalId).executeTakeFirst();

  async function readyMessage(text: string, patient = 0) {
    const portalId = await postPatientMessage(f.sandbox, f.patientIds[patient], text);
    return waitFor(`message ready`, async () => {
      const m = await messageOf(portalId);
      return m?.status === 'ready' ? m : undefined;
    });
  }

  it('re-drives an alert whose job failed for good, once Slack answers again', async () => {
    slack.faults.fail500 = Infinity;
    slack.faults.methods = ['chat.postMessage'];
    const first = await start();
    const m = await readyMessage('my chest feels crushed and I am sweating');
    expect(m.urgency).toBe('emergent');
    await waitFor('the alert failing', async () => {
      const a = await f.db
        .selectFrom('alerts')
        .select('state')
        .where('message_id', '=', m.id)
        .executeTakeFirst();
      return a?.state === 'failed';
    });
    await first.close();
    pipelines = [];
    // As if its retries had run out during a long outage: the job is failed for good, its id kept.
    await (await f.queues.alert.getJob(`alert-${m.id}`))?.remove();
    const conn = createRedisConnection(testRedisUrl());
    const failer = new Worker(
      'alert',
      async () => {
        throw new UnrecoverableError('slack down for an hour');
      },
      { connection: conn, prefix: f.prefix },
    );
    await f.queues.alert.add('alert', { messageId: m.id }, { jobId: `alert-${m.id}`, attempts: 1 });
    await waitFor(
      'the alert job failed',
      async () => (await f.queues.alert.getJob(`alert-${m.id}`))?.failedReason,
    );
    await failer.close();
    conn.disconnect();

    slack.faults.fail500 = 0;
    await start();
    const alert = await waitFor('alert posted after the re-drive', async () => {
      const a = await f.db.selectFrom('alerts').selectAll().where('message_id', '=', m.id).executeTakeFirst();
      return a?.state === 'posted' ? a : undefined;
    });
    expect(alert.slack_ts).toBeTruthy();
    const posted = slack.messages.filter(
      (msg) => !msg.thread_ts && JSON.stringify(msg.metadata ?? {}).includes(m.id),
    );
    expect(posted).toHaveLength(1);
  });

  it('moves a reply the portal refuses for good to send_failed, tells the nurses, and sends it once on retry', async () => {
    await start();
    const m = await readyMessage('I have a fever of 102 and burning when I pee and my back hurts');
    expect(m.urgency).toBe('urgent');
    await waitFor('alert posted', async () => {
      const a = await f.db
        .selectFrom('alerts')
        .select('state')
        .where('message_id', '=', m.id)
        .executeTakeFirst();
      return a?.state === 'posted';
    });
    await setFaults(f.sandbox, { methods: ['POST'], failNext: 1000, errorStatus: 422 });
    const { replyId } = await approveReply(f.db, f.queues, {
      messageId: m.id,
      author,
      body: 'Please call us today so a nurse can talk with you.',
      draftId: null,
      expectedVersion: m.version,
    });
    const failed = await waitFor('send_failed', async () => {
      const row = await f.db.selectFrom('messages').selectAll().where('id', '=', m.id).executeTakeFirst();
      return row?.status === 'send_failed' ? row : undefined;
    });
    expect(failed.flags).toContain('send_failed');
    const reply = await f.db
      .selectFrom('replies')
      .selectAll()
      .where('id', '=', replyId)
      .executeTakeFirstOrThrow();
    expect(reply.last_error).toBe('http_422');
    // The nurses hear of it in the alert's thread, broadcast to the channel, without patient text.
    const notice = await waitFor('the Slack notice', async () =>
      slack.callsTo('chat.postMessage').find((c) => /could not be sent/.test(String(c.args.text))),
    );
    expect(String(notice.args.reply_broadcast)).toBe('true');
    expect(notice.args.thread_ts).toBeTruthy();
    expect(String(notice.args.text)).toContain('http_422');
    // Nothing re-sends it behind the person's back, even as the reconciler keeps running.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(
      (await f.db.selectFrom('messages').select('status').where('id', '=', m.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('send_failed');

    await setFaults(f.sandbox, {});
    const retried = await retrySend(f.db, f.queues, { messageId: m.id, userId: author });
    expect(retried.round).toBe(2);
    await waitFor('sent after the retry', async () => {
      const row = await f.db
        .selectFrom('messages')
        .select('status')
        .where('id', '=', m.id)
        .executeTakeFirst();
      return row?.status === 'sent';
    });
    const onPortal = f.sandbox.context.store
      .list('Communication')
      .filter((s) => JSON.stringify(s.resource.identifier ?? []).includes(replyId));
    expect(onPortal).toHaveLength(1);
    const actions = await f.db
      .selectFrom('events')
      .select('action')
      .where('message_id', '=', m.id)
      .where('action', 'like', 'reply.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'reply.approved',
      'reply.send_failed',
      'reply.send_retried',
      'reply.sent',
    ]);
  });

  it('gives drafts their chart from a portal failing half its requests', async () => {
    const portalIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      portalIds.push(await postPatientMessage(f.sandbox, f.patientIds[i], 'When is my next appointment?'));
    }
    await setFaults(f.sandbox, { errorRate: 0.5, errorStatus: 503 });
    await start({ portalRetries: 4 });
    const drafts = await waitFor(
      'all drafted',
      async () => {
        const rows = await f.db
          .selectFrom('drafts')
          .innerJoin('messages', 'messages.id', 'drafts.message_id')
          .select(['drafts.flags', 'messages.portal_id'])
          .where('messages.portal_id', 'in', portalIds)
          .execute();
        return rows.length === portalIds.length ? rows : undefined;
      },
      90_000,
    );
    const withChart = drafts.filter((d) => !d.flags.some((flag) => flag.startsWith('chart_missing')));
    expect(withChart.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps one alert and one reply per message with three workers on one database and Redis', async () => {
    await Promise.all([start(), start(), start()]);
    const texts = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? `severe chest pain and I cant breathe (${i})` : `Can you send my records? (${i})`,
    );
    const portalIds: string[] = [];
    for (const [i, t] of texts.entries())
      portalIds.push(await postPatientMessage(f.sandbox, f.patientIds[i % 12], t));
    const ready = await waitFor(
      'all ready',
      async () => {
        const rows = await f.db
          .selectFrom('messages')
          .selectAll()
          .where('portal_id', 'in', portalIds)
          .execute();
        return rows.length === texts.length && rows.every((r) => r.status === 'ready') ? rows : undefined;
      },
      60_000,
    );
    for (const m of ready) {
      await approveReply(f.db, f.queues, {
        messageId: m.id,
        author,
        body: 'Thank you, we are on it.',
        draftId: null,
        expectedVersion: m.version,
      });
    }
    await waitFor(
      'all sent',
      async () => {
        const rows = await f.db
          .selectFrom('messages')
          .select('status')
          .where('portal_id', 'in', portalIds)
          .execute();
        return rows.every((r) => r.status === 'sent');
      },
      60_000,
    );
    const alerted = ready.filter((m) => m.urgency === 'emergent');
    expect(alerted).toHaveLength(4);
    for (const m of alerted) {
      const posts = slack
        .callsTo('chat.postMessage')
        .filter((c) => !c.args.thread_ts && JSON.stringify(c.args).includes(m.id));
      expect(posts).toHaveLength(1);
    }
    const replies = f.sandbox.context.store
      .list('Communication')
      .filter(
        (s) =>
          (s.resource as { sender?: { reference?: string } }).sender?.reference?.startsWith('Patient/') !==
          true,
      );
    expect(replies).toHaveLength(texts.length);
  });
});
