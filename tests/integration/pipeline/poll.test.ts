/**
 * The poller against the real sandbox and a real database: nothing lost, nothing twice, threads kept,
 * malformed resources skipped without stalling, health recorded.
 */
import { pollPortal, type PollerDeps } from '../../../src/portal/poller';
import { getPollerHealth } from '../../../src/portal/poller-health';
import { processPollJob } from '../../../src/portal/poll.queue';
import { createFhirClient } from '../../../src/portal/fhir-client';
import type { Job } from 'bullmq';
import {
  createPipelineFixture,
  eventCount,
  plantRaw,
  postPatientMessage,
  setFaults,
  type PipelineFixture,
} from './fixture';

describe('poller', () => {
  let f: PipelineFixture;
  const pollerDeps = (pageSize = 5) => ({
    db: f.db,
    logger: f.logger,
    pageSize,
    portal: createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, timeoutMs: 2000, retries: 0 }),
  });

  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it('ingests every patient message once, however often and however concurrently it polls', async () => {
    const posted: string[] = [];
    for (let i = 0; i < 12; i++) {
      posted.push(
        await postPatientMessage(f.sandbox, f.patientIds[i % f.patientIds.length], `Question ${i}?`),
      );
    }
    // Two overlapping polls, pages of 5, then a third after they are done.
    const [a, b] = await Promise.all([pollPortal(pollerDeps()), pollPortal(pollerDeps())]);
    expect(a.ingested + b.ingested).toBe(12);
    expect((await pollPortal(pollerDeps())).ingested).toBe(0);

    const rows = await f.db.selectFrom('messages').select(['portal_id', 'status']).execute();
    expect(rows.map((r) => r.portal_id).sort()).toEqual([...posted].sort());
    expect(rows.every((r) => r.status === 'new')).toBe(true);
    expect(await eventCount(f.db, 'message.ingested')).toBe(12);

    // New mail after the cursor: only it comes in.
    const later = await postPatientMessage(f.sandbox, f.patientIds[0], 'One more thing?');
    expect((await pollPortal(pollerDeps())).ingested).toBe(1);
    const cursor = await f.db.selectFrom('poll_cursors').selectAll().executeTakeFirstOrThrow();
    expect(cursor.last_id).toBe(later);
  });

  it('bounds the pages of one run and carries on from the cursor in the next', async () => {
    const posted: string[] = [];
    for (let i = 0; i < 5; i++)
      posted.push(await postPatientMessage(f.sandbox, f.patientIds[7], `Page test ${i}?`));
    const bounded = { ...pollerDeps(2), maxPages: 1 };
    const runs: number[] = [];
    for (let run = 0; run < 6; run++) runs.push((await pollPortal(bounded)).ingested);
    // Each run re-reads the boundary instant, so it gets at most one new message per 2-item page.
    expect(runs.reduce((a, b) => a + b, 0)).toBe(5);
    expect(runs.every((n) => n <= 2)).toBe(true);
    const rows = await f.db
      .selectFrom('messages')
      .select('portal_id')
      .where('portal_id', 'in', posted)
      .execute();
    expect(rows).toHaveLength(5);
  });

  it('keeps thread links and passes over messages not written by a patient', async () => {
    const first = await postPatientMessage(f.sandbox, f.patientIds[1], 'Can I get a refill?');
    // A clinic → patient Communication: not inbox material.
    await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: 'Organization/org-riverbend' },
      recipient: [{ reference: `Patient/${f.patientIds[1]}` }],
      payload: [{ contentString: 'clinic note' }],
    });
    const answer = await postPatientMessage(f.sandbox, f.patientIds[1], 'Also, which pharmacy?', {
      inResponseTo: [{ reference: `Communication/${first}` }],
    });
    const stats = await pollPortal(pollerDeps());
    expect(stats.ingested).toBe(2);
    expect(stats.ignored).toBeGreaterThanOrEqual(1);
    const rows = await f.db
      .selectFrom('messages')
      .select(['portal_id', 'thread_ref', 'in_response_to_ref'])
      .where('portal_id', 'in', [first, answer])
      .execute();
    const byId = Object.fromEntries(rows.map((r) => [r.portal_id, r]));
    expect(byId[first].thread_ref).toBe(`Communication/${first}`);
    expect(byId[answer].thread_ref).toBe(`Communication/${first}`);
    expect(byId[answer].in_response_to_ref).toBe(`Communication/${first}`);
  });

  it('keeps malformed Communications as unreadable inbox items, never a valid neighbour, and does not stall', async () => {
    const before = await postPatientMessage(f.sandbox, f.patientIds[2], 'Before the bad ones?');
    const noPayload = await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: `Patient/${f.patientIds[2]}` },
    });
    const wrongTypes = await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: `Patient/${f.patientIds[2]}` },
      payload: 'not an array',
    });
    // From a clinician, unreadable: not a patient's message, so not an inbox item.
    const fromStaff = await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: 'Practitioner/dr-1' },
      payload: 'not an array',
    });
    // Unknown patient: well-formed, so it is kept (its chart will be unreadable, and flagged).
    const ghost = await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: 'Patient/ghost-404' },
      payload: [{ contentString: 'Who am I?' }],
    });
    const after = await postPatientMessage(f.sandbox, f.patientIds[3], 'After the bad ones?');

    const first = await processPollJob({ ...pollerDeps(2), queues: f.queues })({
      id: 'poll-test',
      data: { cursor: 'portal-communications' },
    } as unknown as Job);
    expect(first.unreadable).toBe(2);
    // Polling again re-reads the boundary but stores each bad resource only once.
    await pollPortal(pollerDeps(2));
    const noted = await f.db
      .selectFrom('events')
      .select('data')
      .where('action', '=', 'message.unreadable')
      .execute();
    expect(noted.map((e) => e.data.portalId).sort()).toEqual([noPayload, wrongTypes].sort());
    expect(noted.map((e) => e.data.reason).sort()).toEqual(['invalid_shape', 'no_payload']);

    const kept = await f.db.selectFrom('messages').selectAll().execute();
    const keptIds = kept.map((k) => k.portal_id);
    expect(keptIds).toEqual(expect.arrayContaining([before, ghost, after, noPayload, wrongTypes]));
    expect(keptIds).not.toContain(fromStaff);
    const unreadable = kept.find((k) => k.portal_id === wrongTypes)!;
    // Visible at once, urgent, flagged, for the patient it names, with the raw resource kept escaped.
    expect(unreadable).toMatchObject({
      status: 'ready',
      urgency: 'urgent',
      flags: ['unreadable'],
      patient_ref: `Patient/${f.patientIds[2]}`,
      body: '',
    });
    expect(unreadable.triage_reasons[0]).toContain(wrongTypes);
    expect(JSON.parse(unreadable.original_escaped!)).toMatchObject({ payload: 'not an array' });
    // Its alert is queued like any urgent message's.
    expect(await f.queues.alert.getJob(`alert-${unreadable.id}`)).toBeDefined();
    const health = await getPollerHealth(f.db);
    expect(health.unreadableTotal).toBe(2);
    expect(health.consecutiveFailures).toBe(0);
    expect(health.lastSuccessAt).toBeInstanceOf(Date);
    // The log names ids and reasons, never the text.
    expect(f.logLines.join('')).not.toMatch(/Before the bad ones|Who am I/);
  });

  it('records a failing portal in the health and loses nothing once it recovers', async () => {
    const waiting = await postPatientMessage(f.sandbox, f.patientIds[4], 'Is the portal down?');
    await setFaults(f.sandbox, { errorRate: 1, errorStatus: 500 });
    const job = { id: 'poll-fail', data: { cursor: 'portal-communications' } } as unknown as Job;
    const processor = processPollJob({ ...pollerDeps(), queues: f.queues });
    await expect(processor(job)).rejects.toThrow(/HTTP 500/);
    await expect(processor(job)).rejects.toThrow(/HTTP 500/);
    let health = await getPollerHealth(f.db);
    expect(health.consecutiveFailures).toBe(2);
    expect(health.lastErrorKind).toBe('http_500');

    await setFaults(f.sandbox, { hang: true });
    const hung = processPollJob({
      ...pollerDeps(),
      portal: createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, timeoutMs: 300, retries: 0 }),
      queues: f.queues,
    });
    await expect(hung(job)).rejects.toThrow(/timed out/);
    health = await getPollerHealth(f.db);
    expect(health.lastErrorKind).toBe('timeout');
    expect(health.consecutiveFailures).toBe(3);

    await setFaults(f.sandbox, {});
    expect((await processor(job)).ingested).toBe(1);
    health = await getPollerHealth(f.db);
    expect(health.consecutiveFailures).toBe(0);
    expect(health.lastErrorKind).toBeNull();
    const row = await f.db.selectFrom('messages').select('id').where('portal_id', '=', waiting).execute();
    expect(row).toHaveLength(1);
  });

  it('takes in a message whose dates PostgreSQL cannot store, and moves on past it', async () => {
    const resource = (id: string, lastUpdated: string, sent: string) => ({
      resourceType: 'Communication',
      id,
      meta: { lastUpdated },
      status: 'completed',
      sender: { reference: `Patient/${f.patientIds[0]}` },
      sent,
      payload: [{ contentString: `dates test ${id}` }],
    });
    // A portal page as a buggy portal might send it: years JavaScript reads but PostgreSQL refuses.
    const portal = {
      async *searchPages() {
        yield {
          bundle: {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [
              {
                resource: resource('odd-dates-1', '2031-01-01T00:00:00.000Z', '-004713-11-23T23:59:59.999Z'),
              },
              { resource: resource('odd-dates-2', '+275760-09-13T00:00:00.000Z', '2031-01-01T00:00:00Z') },
              { resource: resource('odd-dates-3', '2031-01-01T00:00:01.000Z', '2031-01-01T00:00:01Z') },
            ],
          },
        };
      },
    } as unknown as PollerDeps['portal'];
    const stats = await pollPortal({ db: f.db, logger: f.logger, portal }, 'odd-dates');
    expect(stats).toMatchObject({ ingested: 3, unreadable: 0 });
    const rows = await f.db
      .selectFrom('messages')
      .select(['portal_id', 'status', 'received_at'])
      .where('portal_id', 'like', 'odd-dates-%')
      .orderBy('portal_id')
      .execute();
    expect(rows.map((r) => [r.portal_id, r.status])).toEqual([
      ['odd-dates-1', 'new'],
      ['odd-dates-2', 'new'],
      ['odd-dates-3', 'new'],
    ]);
    expect(rows[0].received_at).toEqual(new Date('2031-01-01T00:00:00.000Z'));
    const cursor = await f.db
      .selectFrom('poll_cursors')
      .selectAll()
      .where('name', '=', 'odd-dates')
      .executeTakeFirstOrThrow();
    expect(cursor.last_id).toBe('odd-dates-3');
  });
});
