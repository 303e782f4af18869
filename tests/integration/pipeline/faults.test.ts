/**
 * The sandbox's fault switches against the running pipeline: failing requests, added latency and a
 * hung portal end in recovery, never in lost or duplicated messages.
 */
import { getPollerHealth } from '../../../src/portal/poller-health';
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import {
  createPipelineFixture,
  startFixturePipeline,
  eventCount,
  setFaults,
  statusCounts,
  waitFor,
  type PipelineFixture,
} from './fixture';

jest.setTimeout(180_000);

describe('pipeline under portal faults', () => {
  let f: PipelineFixture;
  let pipeline: RunningPipeline;
  let written = 0;

  beforeAll(async () => {
    f = await createPipelineFixture();
    pipeline = await startFixturePipeline(f, {
      pollIntervalMs: 250,
      portalTimeoutMs: 1000,
      portalRetries: 1,
    });
  });
  afterAll(async () => {
    await pipeline?.close();
    await f.close();
  });

  /** Patients keep writing while the portal's API struggles: their messages go straight into its store. */
  function patientsWrite(n: number): void {
    for (let i = 0; i < n; i++) {
      const patient = f.patientIds[(written + i) % f.patientIds.length];
      f.sandbox.context.store.create(
        patientMessage(patient, `Message ${written + i}: can I get my refill sent to the pharmacy?`),
      );
    }
    written += n;
  }

  async function allReady(): Promise<void> {
    await waitFor(
      `all ${written} messages ready`,
      async () => {
        const counts = await statusCounts(f.db);
        return counts.ready === written && Object.keys(counts).length === 1;
      },
      120_000,
    );
  }

  async function expectNoDuplicates(): Promise<void> {
    const portalIds = f.sandbox.context.store
      .list('Communication')
      .filter((s) => (s.resource.sender as { reference?: string })?.reference?.startsWith('Patient/'))
      .map((s) => s.resource.id);
    const rows = await f.db.selectFrom('messages').select(['id', 'portal_id']).execute();
    expect(rows.map((r) => r.portal_id).sort()).toEqual([...portalIds].sort());
    const drafts = await f.db.selectFrom('drafts').select('message_id').execute();
    expect(new Set(drafts.map((d) => d.message_id)).size).toBe(drafts.length);
    expect(drafts.length).toBe(written);
    expect(await eventCount(f.db, 'message.ingested')).toBe(written);
    expect(await eventCount(f.db, 'message.triaged')).toBe(written);
    expect(await eventCount(f.db, 'message.ready')).toBe(written);
  }

  it('recovers from a portal failing a third of its requests', async () => {
    await setFaults(f.sandbox, { errorRate: 0.35, errorStatus: 503 });
    patientsWrite(8);
    await allReady();
    await setFaults(f.sandbox, {});
    await expectNoDuplicates();
  });

  it('recovers from a slow portal', async () => {
    await setFaults(f.sandbox, { latencyMs: 300 });
    patientsWrite(4);
    await allReady();
    await setFaults(f.sandbox, {});
    await expectNoDuplicates();
  });

  it('reports a hung portal and loses nothing once it answers again', async () => {
    const before = await getPollerHealth(f.db);
    await setFaults(f.sandbox, { hang: true });
    patientsWrite(5);
    const hungHealth = await waitFor(
      'the poller to report the hang',
      async () => {
        const h = await getPollerHealth(f.db);
        return h.consecutiveFailures > 0 && h.lastErrorKind === 'timeout' ? h : undefined;
      },
      60_000,
    );
    expect(hungHealth.lastFailureAt!.getTime()).toBeGreaterThan(before.lastSuccessAt?.getTime() ?? 0);
    f.sandbox.context.faults.settings = { ...f.sandbox.context.faults.settings, hang: false };
    await allReady();
    await expectNoDuplicates();
    const health = await waitFor('a successful poll', async () => {
      const h = await getPollerHealth(f.db);
      return h.consecutiveFailures === 0 ? h : undefined;
    });
    expect(health.lastErrorKind).toBeNull();
  });
});
