/**
 * Push intake against the sandbox portal: the worker subscribes (FHIR R4 Subscription, rest-hook),
 * the sandbox notifies the web's /portal/notify, and the poll that follows brings the message in
 * long before the next scheduled poll. A forged secret queues nothing; lost notifications cost
 * only speed, since the scheduled poll still reads the cursor; nothing is ingested twice.
 */
import { createFhirClient } from '../../../src/portal/fhir-client';
import { ensurePortalSubscription, PUSH_JOB_NAME } from '../../../src/portal/push';
import { POLL_SCHEDULER_ID } from '../../../src/portal/poll.queue';
import { startInboxServer, waitUntil, type InboxServer } from '../../helpers/inbox-server';

jest.setTimeout(90_000);

// Long enough that only a notification can explain an arrival within a couple of seconds.
const POLL_INTERVAL_MS = 20_000;

let server: InboxServer;

beforeAll(async () => {
  server = await startInboxServer({ push: true, pollIntervalMs: POLL_INTERVAL_MS, patients: 8, seed: 11 });
  await waitUntil('the worker to subscribe', () => server.sandbox.context.subscriptions.list.length === 1);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function ingested(portalId: string): Promise<number> {
  const rows = await server.db
    .selectFrom('messages')
    .select('id')
    .where('portal_id', '=', portalId)
    .execute();
  return rows.length;
}

async function pushPolls(): Promise<number> {
  const jobs = await server.queues.poll.getJobs(['waiting', 'active', 'completed', 'failed', 'prioritized']);
  return jobs.filter((j) => j?.name === PUSH_JOB_NAME).length;
}

async function pollQueueIdle(): Promise<boolean> {
  const counts = await server.queues.poll.getJobCounts('waiting', 'active', 'prioritized');
  return counts.waiting + counts.active + counts.prioritized === 0;
}

/** Milliseconds until the scheduled poll's next run. */
async function msToNextTick(): Promise<number> {
  const scheduler = await server.queues.poll.getJobScheduler(POLL_SCHEDULER_ID);
  return (scheduler?.next ?? 0) - Date.now();
}

it('subscribes once, for new Communications, with the channel secret and no payload', async () => {
  const [subscription] = server.sandbox.context.subscriptions.list;
  expect(subscription!.resource).toMatchObject({
    status: 'active',
    criteria: 'Communication',
    channel: {
      type: 'rest-hook',
      endpoint: `${server.baseUrl}/portal/notify`,
      header: [`Authorization: Bearer ${server.pushSecret}`],
    },
  });
  expect(subscription!.resource.channel.payload).toBeUndefined();
  // A restarted (or second) worker finds it and adds none.
  const portal = createFhirClient({ baseUrl: server.sandbox.fhirBaseUrl, retries: 0 });
  const settings = { endpoint: `${server.baseUrl}/portal/notify`, secret: server.pushSecret! };
  expect(await ensurePortalSubscription(portal, settings)).toBe('already-subscribed');
  expect(server.sandbox.context.subscriptions.list).toHaveLength(1);
});

it('a notification brings each new message in within seconds, far inside the poll interval', async () => {
  const texts = [
    'Can I get a refill of my lisinopril before Friday?',
    'What time does the clinic open on Saturday?',
    'I have crushing chest pain and my left arm is numb',
  ];
  const delivered = server.sandbox.context.subscriptions.list[0]!.delivered;
  for (const [n, text] of texts.entries()) {
    // Never within 10 s of a scheduled poll, which could take the credit. (Idle, the arrival takes
    // well under a second; the bound leaves room for a loaded 2-core machine.)
    await waitUntil('the scheduled poll to be well away', async () => (await msToNextTick()) > 10_000);
    const posted = Date.now();
    const portalId = await server.postMessage(text, { patientIndex: n });
    await waitUntil(`message ${n} to be ingested`, async () => (await ingested(portalId)) === 1, 10_000);
    expect(Date.now() - posted).toBeLessThan(8000);
  }
  expect(server.sandbox.context.subscriptions.list[0]!.delivered).toBeGreaterThanOrEqual(delivered + 3);
  expect(await pushPolls()).toBeGreaterThanOrEqual(3);
  // The pipeline carries on as for a polled message: the emergency is triaged and ready.
  const emergent = await waitUntil('the chest-pain message to be ready', async () =>
    server.db
      .selectFrom('messages')
      .select(['urgency', 'status'])
      .where('body', 'like', '%crushing chest pain%')
      .where('status', '=', 'ready')
      .executeTakeFirst(),
  );
  expect(emergent.urgency).toBe('emergent');
});

it('refuses a forged or missing channel secret, and queues no poll for it', async () => {
  await waitUntil('earlier push polls to settle', pollQueueIdle);
  const before = await pushPolls();
  const notify = (authorization?: string) =>
    fetch(`${server.baseUrl}/portal/notify`, {
      method: 'POST',
      headers: authorization ? { Authorization: authorization } : {},
    });
  expect((await notify(`Bearer ${'f'.repeat(48)}`)).status).toBe(401);
  expect((await notify(`Bearer ${server.pushSecret!.slice(0, -1)}`)).status).toBe(401);
  expect((await notify()).status).toBe(401);
  expect((await notify(server.pushSecret)).status).toBe(401); // without "Bearer "
  expect(await pushPolls()).toBe(before);
  // The refusals are logged, without the value that was tried.
  expect(server.webLogs.join('\n')).toContain('wrong or missing channel secret');
  expect(server.webLogs.join('\n')).not.toContain('f'.repeat(48));
  // The real secret does queue one.
  expect((await notify(`Bearer ${server.pushSecret}`)).status).toBe(204);
  await waitUntil('the push poll to be queued', async () => (await pushPolls()) === before + 1);
});

it('when notifications are lost, the scheduled poll still brings the message in, once', async () => {
  const faults = server.sandbox.context.faults;
  faults.settings = { ...faults.settings, dropNotifications: true };
  try {
    // Right after a scheduled poll has finished (BullMQ plans the next run as one starts, so wait
    // for the queue to be idle too): the next one is most of an interval away.
    await waitUntil(
      'a fresh poll interval',
      async () => (await msToNextTick()) > POLL_INTERVAL_MS - 6000,
      30_000,
    );
    await waitUntil('the poll that just started to finish', pollQueueIdle);
    const portalId = await server.postMessage('Do I need to fast before my blood test next week?', {
      patientIndex: 5,
    });
    const posted = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await ingested(portalId)).toBe(0);
    await waitUntil('the scheduled poll to ingest it', async () => (await ingested(portalId)) === 1, 40_000);
    expect(Date.now() - posted).toBeGreaterThan(2000);
    expect(server.sandbox.context.subscriptions.list[0]!.failed).toBeGreaterThan(0);
  } finally {
    faults.settings = { ...faults.settings, dropNotifications: false };
  }
  // Push and poll read the same cursor: every portal message is in exactly once.
  const portalMessages = server.sandbox.context.store
    .list('Communication')
    .filter((c) =>
      (c.resource.sender as { reference?: string } | undefined)?.reference?.startsWith('Patient/'),
    );
  const rows = await server.db.selectFrom('messages').select('portal_id').execute();
  expect(rows).toHaveLength(portalMessages.length);
  expect(new Set(rows.map((r) => r.portal_id)).size).toBe(rows.length);
});
