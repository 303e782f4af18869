/**
 * The reconciler heals the gaps between a commit and the enqueue after it, and rescues a message
 * whose job failed for good without flagging it (e.g. a job that stalled too often).
 */
import { UnrecoverableError, Worker } from 'bullmq';
import type { PipelineDeps } from '../../../src/messages/pipeline-deps';
import { reconcilePipeline } from '../../../src/messages/reconcile';
import { triageMessage } from '../../../src/messages/triage-message';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { pollPortal } from '../../../src/portal/poller';
import { createRedisConnection } from '../../../src/queue';
import { testRedisUrl } from '../../helpers/redis';
import {
  createPipelineFixture,
  fixtureDeps,
  postPatientMessage,
  waitFor,
  type PipelineFixture,
} from './fixture';

describe('reconcile', () => {
  let f: PipelineFixture;
  let deps: PipelineDeps;

  beforeAll(async () => {
    f = await createPipelineFixture();
    deps = fixtureDeps(f);
  });
  afterAll(async () => {
    await f.close();
  });

  async function ingest(text: string): Promise<string> {
    const portalId = await postPatientMessage(f.sandbox, f.patientIds[0], text);
    await pollPortal({
      db: f.db,
      logger: f.logger,
      portal: createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, retries: 0 }),
    });
    const row = await f.db
      .selectFrom('messages')
      .select('id')
      .where('portal_id', '=', portalId)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('re-enqueues the next step of messages whose enqueue was lost', async () => {
    const fresh = await ingest('Can I book a flu shot?');
    const triaged = await ingest('My knee hurts when I climb stairs, what should I do?');
    await triageMessage(deps, triaged);
    // As if the worker died between its commit and the enqueue of the draft.
    await f.queues.draft.remove(`draft-${triaged}`);
    expect(await f.queues.draft.getJob(`draft-${triaged}`)).toBeUndefined();

    const stats = await reconcilePipeline(deps);
    expect(stats.triage).toBeGreaterThanOrEqual(1);
    expect(stats.draft).toBeGreaterThanOrEqual(1);
    expect(await f.queues.triage.getJob(`triage-${fresh}`)).toBeDefined();
    expect(await f.queues.draft.getJob(`draft-${triaged}`)).toBeDefined();
    // Running it again adds nothing: job ids are deterministic.
    const before = await f.queues.triage.getJobCounts('waiting');
    await reconcilePipeline(deps);
    expect(await f.queues.triage.getJobCounts('waiting')).toEqual(before);
  });

  it('flags and readies a message whose job failed for good without finishing', async () => {
    const id = await ingest('Where do I send my insurance card?');
    await reconcilePipeline(deps);
    // A worker whose job ends in `failed` without the pipeline's own final-attempt handling.
    const connection = createRedisConnection(testRedisUrl());
    const worker = new Worker(
      'triage',
      async () => {
        throw new UnrecoverableError('stalled more than allowable limit');
      },
      { connection, prefix: f.prefix },
    );
    await waitFor('the triage job to fail', async () => {
      const job = await f.queues.triage.getJob(`triage-${id}`);
      return job ? job.isFailed() : false;
    });
    await worker.close();
    connection.disconnect();

    const stats = await reconcilePipeline(deps);
    expect(stats.rescued).toBeGreaterThanOrEqual(1);
    const m = await f.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(m.status).toBe('ready');
    expect(m.flags).toContain('triage_failed');
    // Untriaged is never left to sort last: it fails safe to urgent, with the reason shown.
    expect(m.urgency).toBe('urgent');
    expect(m.triage_reasons.join(' ')).toMatch(/automatic triage failed/);
    const actions = (
      await f.db.selectFrom('events').select('action').where('message_id', '=', id).orderBy('id').execute()
    ).map((e) => e.action);
    expect(actions).toEqual(['message.ingested', 'message.triage_failed', 'message.ready']);
  });
});
