import { UnrecoverableError, Worker } from 'bullmq';
import request from 'supertest';
import {
  createJobMetrics,
  createMetricsRegistry,
  instrumentWorkers,
  startMetricsServer,
  type MetricsServer,
} from '../../../src/metrics';
import { closeQueues, createQueues, createRedisConnection, enqueue } from '../../../src/queue';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

const prefix = uniqueQueuePrefix();
const connection = createRedisConnection(testRedisUrl(), { connectionName: 'jest-job-metrics' });
const queues = createQueues(connection, prefix);
const registry = createMetricsRegistry({ role: 'worker' });
let server: MetricsServer;
let worker: Worker;
const settled: string[] = [];

beforeAll(async () => {
  worker = new Worker(
    'triage',
    async (job) => {
      if (job.data.messageId.endsWith('2')) throw new UnrecoverableError('permanent');
      return 'ok';
    },
    { connection, prefix, concurrency: 2 },
  );
  instrumentWorkers([worker], createJobMetrics(registry));
  worker.on('completed', (job) => settled.push(job.id!));
  worker.on('failed', (job) => settled.push(job!.id!));
  server = await startMetricsServer(registry, 0, '127.0.0.1');
});

afterAll(async () => {
  await worker.close();
  await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
  await closeQueues(queues);
  await connection.quit();
  await server.close();
});

async function untilSettled(count: number): Promise<void> {
  while (settled.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('worker job metrics', () => {
  it('times completed and failed jobs per queue, served by the worker metrics listener', async () => {
    await enqueue(queues, 'triage', { messageId: '00000000-0000-4000-8000-000000000001' });
    await enqueue(queues, 'triage', { messageId: '00000000-0000-4000-8000-000000000002' });
    await untilSettled(2);

    const res = await request(`http://127.0.0.1:${server.port}`).get('/metrics').expect(200);
    expect(res.text).toMatch(
      /^inbox_job_duration_seconds_count\{role="worker",queue="triage",outcome="completed"\} 1$/m,
    );
    expect(res.text).toMatch(
      /^inbox_job_duration_seconds_count\{role="worker",queue="triage",outcome="failed"\} 1$/m,
    );
    expect(res.text).toMatch(/^inbox_job_wait_seconds_count\{role="worker",queue="triage"\} 2$/m);
    // Job ids carry message ids; neither belongs in a label.
    expect(res.text).not.toContain('00000000-0000-4000-8000');
  });

  it('serves nothing but /metrics and a /healthz for the container healthcheck', async () => {
    await request(`http://127.0.0.1:${server.port}`).get('/healthz').expect(200, 'ok\n');
    await request(`http://127.0.0.1:${server.port}`).get('/').expect(404);
    await request(`http://127.0.0.1:${server.port}`).post('/metrics').expect(404);
  });
});
