/**
 * A worker process SIGKILLed in the middle of a batch, then a new one started: every message still
 * reaches `ready` exactly once, with one draft, and nothing is ingested twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import { testRedisUrl } from '../../helpers/redis';
import {
  createPipelineFixture,
  eventCount,
  setFaults,
  statusCounts,
  waitFor,
  type PipelineFixture,
} from './fixture';

jest.setTimeout(180_000);

const TOTAL = 24;

describe('a worker killed mid-batch', () => {
  let f: PipelineFixture;
  const children: ChildProcess[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await f.close();
  });

  async function startChild(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, 'worker-child.ts')], {
      cwd: path.resolve(__dirname, '../../..'),
      env: {
        ...process.env,
        CHILD_DATABASE_URL: f.database.url,
        CHILD_REDIS_URL: testRedisUrl(),
        CHILD_QUEUE_PREFIX: f.prefix,
        CHILD_PORTAL_FHIR_URL: f.sandbox.fhirBaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let ready = false;
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      output.push(text);
      if (text.includes('worker-ready')) ready = true;
    });
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString('utf8')));
    await waitFor(
      'the child worker to start',
      async () => {
        if (child.exitCode !== null) throw new Error(`child exited: ${output.join('')}`);
        return ready;
      },
      60_000,
    );
    return child;
  }

  /** Patients write in; the messages land in the portal's store as if posted. */
  function writeMessages(n: number, from = 0): void {
    for (let i = from; i < from + n; i++) {
      const patient = f.patientIds[i % f.patientIds.length];
      f.sandbox.context.store.create(
        patientMessage(patient, `Batch message ${i}: my blood pressure readings are attached, any advice?`),
      );
    }
  }

  it('loses nothing and duplicates nothing', async () => {
    writeMessages(TOTAL);
    // A slow portal keeps the batch in flight long enough to kill the worker in the middle of it.
    await setFaults(f.sandbox, { latencyMs: 120 });
    const first = await startChild();
    const atKill = await waitFor(
      'part of the batch to be done',
      async () => {
        const counts = await statusCounts(f.db);
        return (counts.ready ?? 0) >= 3 ? counts : undefined;
      },
      90_000,
    );
    first.kill('SIGKILL');
    await waitFor('the first worker to die', async () => first.signalCode === 'SIGKILL');
    expect(atKill.ready ?? 0).toBeLessThan(TOTAL);
    // Jobs were in flight when it died: their locks will lapse and another worker will take them.
    const inFlight = (await f.queues.triage.getActiveCount()) + (await f.queues.draft.getActiveCount());
    expect(inFlight).toBeGreaterThan(0);

    await setFaults(f.sandbox, {});
    const second = await startChild();
    await waitFor(
      'every message to be ready',
      async () => {
        const counts = await statusCounts(f.db);
        return counts.ready === TOTAL && Object.keys(counts).length === 1;
      },
      120_000,
    );

    const rows = await f.db.selectFrom('messages').select(['id', 'portal_id']).execute();
    expect(new Set(rows.map((r) => r.portal_id)).size).toBe(TOTAL);
    const drafts = await f.db.selectFrom('drafts').select('message_id').execute();
    expect(drafts).toHaveLength(TOTAL);
    expect(new Set(drafts.map((d) => d.message_id)).size).toBe(TOTAL);
    for (const action of ['message.ingested', 'message.triaged', 'draft.created', 'message.ready']) {
      expect(await eventCount(f.db, action)).toBe(TOTAL);
    }
    // Graceful stop: SIGTERM in the middle of new work lets the jobs in flight finish.
    await setFaults(f.sandbox, { latencyMs: 150 });
    writeMessages(4, TOTAL);
    await waitFor('new work in flight', async () => (await f.queues.triage.getActiveCount()) > 0, 60_000);
    second.kill('SIGTERM');
    await waitFor('the second worker to stop gracefully', async () => second.exitCode === 0, 60_000);
    expect(await f.queues.triage.getActiveCount()).toBe(0);
    expect(await f.queues.draft.getActiveCount()).toBe(0);
    await setFaults(f.sandbox, {});
    expect(output.join('')).not.toMatch(/blood pressure/);
  });
});
