import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import express from 'express';
import request from 'supertest';
import {
  closeQueues,
  createQueueBoard,
  createQueues,
  createRedisConnection,
  enqueue,
  queueDepths,
} from '../../../src/queue';
import type { Queues } from '../../../src/queue';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';

describe('queues on a real Redis', () => {
  let connection: Redis;
  let queues: Queues;
  const prefix = uniqueQueuePrefix();

  beforeAll(() => {
    connection = createRedisConnection(testRedisUrl());
    queues = createQueues(connection, prefix);
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
    connection.disconnect();
  });

  it('runs the same work once however often it is enqueued', async () => {
    await enqueue(queues, 'triage', { messageId: 'm-1' });
    await enqueue(queues, 'triage', { messageId: 'm-1' });
    await enqueue(queues, 'triage', { messageId: 'm-2' });
    expect((await queueDepths(queues)).triage).toBe(2);

    const seen: string[] = [];
    const workerConnection = createRedisConnection(testRedisUrl());
    const worker = new Worker(
      'triage',
      async (job) => {
        seen.push((job.data as { messageId: string }).messageId);
      },
      { connection: workerConnection, prefix },
    );
    await new Promise<void>((resolve) => {
      worker.on('completed', () => {
        if (seen.length === 2) resolve();
      });
    });
    await worker.close();
    workerConnection.disconnect();
    expect(seen.sort()).toEqual(['m-1', 'm-2']);
    expect((await queueDepths(queues)).triage).toBe(0);
  });

  it('keeps job data to ids', async () => {
    await enqueue(queues, 'send', { replyId: 'r-9' });
    const job = await queues.send.getJob('send-r-9');
    expect(job?.data).toEqual({ replyId: 'r-9' });
    expect(job?.opts.attempts).toBeGreaterThan(1);
    expect(job?.opts.backoff).toMatchObject({ type: 'exponential' });
  });

  it('serves bull-board for operators', async () => {
    const app = express();
    app.use('/admin/queues', createQueueBoard(queues, '/admin/queues'));
    const page = await request(app).get('/admin/queues');
    expect(page.status).toBe(200);
    const api = await request(app).get('/admin/queues/api/queues');
    expect(api.status).toBe(200);
    const names = (api.body as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['alert', 'draft', 'escalate', 'poll', 'send', 'triage']);
  });
});
