/**
 * Nothing durable lives only in Redis (issue 12): the pipeline against a Redis of this test's own,
 * which is flushed, and killed and restarted empty. The poll schedule comes back by itself and every
 * message posted before, during and after the fault reaches `ready`, each exactly once.
 */
import IORedis from 'ioredis';
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { startPrivateRedis, type PrivateRedis } from '../../helpers/private-redis';
import {
  createPipelineFixture,
  postPatientMessage,
  startFixturePipeline,
  waitFor,
  type PipelineFixture,
} from './fixture';

const POLL_MS = 500;

describe('the pipeline when Redis loses its data', () => {
  let f: PipelineFixture;
  let redis: PrivateRedis;
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    f = await createPipelineFixture();
    redis = await startPrivateRedis();
    pipeline = await startFixturePipeline(f, { redisUrl: redis.url, pollIntervalMs: POLL_MS });
  });
  afterAll(async () => {
    await pipeline.close();
    await redis.stop();
    await f.close();
  });

  async function readyCount(portalIds: string[]): Promise<number> {
    const rows = await f.db
      .selectFrom('messages')
      .select(['portal_id', 'status'])
      .where('portal_id', 'in', portalIds)
      .execute();
    return rows.filter((r) => r.status === 'ready').length;
  }

  async function post(n: number, label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await postPatientMessage(f.sandbox, f.patientIds[i % f.patientIds.length], `${label} ${i}: refill?`),
      );
    }
    return ids;
  }

  it('takes messages in again after FLUSHALL, without a restart', async () => {
    const before = await post(3, 'before');
    await waitFor('messages before the flush ready', async () => (await readyCount(before)) === 3);
    const client = new IORedis(redis.url);
    await client.flushall();
    client.disconnect();
    const flushedAt = Date.now();
    const after = await post(5, 'after flush');
    await waitFor('messages after the flush ready', async () => (await readyCount(after)) === 5, 30_000);
    const firstIngest = await f.db
      .selectFrom('messages')
      .select((eb) => eb.fn.min('ingested_at').as('at'))
      .where('portal_id', 'in', after)
      .executeTakeFirstOrThrow();
    // Intake resumed within a couple of poll intervals (the schedule is re-asserted every interval).
    expect(new Date(firstIngest.at as unknown as string).getTime() - flushedAt).toBeLessThan(10 * POLL_MS);
  });

  it('recovers from Redis killed and restarted empty, losing nothing posted during the outage', async () => {
    const before = await post(2, 'before kill');
    await waitFor('messages before the kill ready', async () => (await readyCount(before)) === 2);
    await redis.kill();
    const during = await post(4, 'during outage');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.restart();
    const after = await post(2, 'after restart');
    await waitFor('every message ready', async () => (await readyCount([...during, ...after])) === 6, 60_000);
    // Exactly once: one row per portal message and one ingest event per row.
    const rows = await f.db.selectFrom('messages').select('portal_id').execute();
    expect(new Set(rows.map((r) => r.portal_id)).size).toBe(rows.length);
    const ingests = await f.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'message.ingested')
      .executeTakeFirstOrThrow();
    expect(Number(ingests.n)).toBe(rows.length);
  });
});
