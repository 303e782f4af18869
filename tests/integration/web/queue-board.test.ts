/**
 * bull-board is read-only for admins (queues.admin) unless queues.manage is held, and what it shows of
 * a failed job (BullMQ's failedReason and stack, stored in Redis) is redacted before BullMQ stores it.
 */
import { Queue } from 'bullmq';
import pino from 'pino';
import { createQueueBoard } from '../../../src/queue';
import { startWorkers } from '../../../src/queue/workers';
import { createRedisConnection } from '../../../src/queue';
import express from 'express';
import request from 'supertest';
import { createAuthFixture, loggedIn, userWithPassword } from '../auth/auth-fixture';
import type { WebFixture } from './web-fixture';
import { testRedisUrl, uniqueQueuePrefix } from '../../helpers/redis';
import { waitUntil } from '../../helpers/wait';

let fx: WebFixture;
beforeAll(async () => {
  fx = await createAuthFixture();
});
afterAll(async () => {
  await fx.close();
});

describe('bull-board', () => {
  it('is read-only for an admin: every queue says so and state changes are refused', async () => {
    const admin = await userWithPassword(fx.db, 'admin');
    const { agent } = await loggedIn(fx.app, admin);
    const list = await agent.get('/admin/queues/api/queues').expect(200);
    expect(list.body.queues.length).toBeGreaterThan(0);
    for (const q of list.body.queues) expect(q.readOnlyMode).toBe(true);
    const origin = 'http://127.0.0.1';
    for (const path of ['/admin/queues/api/queues/pause', '/admin/queues/api/queues/send/retry/failed']) {
      const refused = await agent.put(path).set('Origin', origin).set('Host', '127.0.0.1').expect(403);
      expect(refused.body.error.message).toContain('queues.manage');
    }
    await agent
      .post('/admin/queues/api/queues/send/clean/failed')
      .set('Origin', origin)
      .set('Host', '127.0.0.1')
      .expect(403);
  });

  it('answers /admin/queues by sending the browser to /admin/queues/, query kept', async () => {
    const admin = await userWithPassword(fx.db, 'admin');
    const { agent } = await loggedIn(fx.app, admin);
    await agent.get('/admin/queues').expect(302).expect('Location', '/admin/queues/');
    await agent
      .get('/admin/queues?status=failed')
      .expect(302)
      .expect('Location', '/admin/queues/?status=failed');
    const page = await agent.get('/admin/queues/').expect(200);
    expect(page.text).toContain('<base href="/admin/queues/"');
    // Only the board's mount lets a <base> of our own origin through; every other page keeps 'none'.
    const csp = (res: { headers: Record<string, string> }) => res.headers['content-security-policy'];
    expect(csp(page)).toContain("base-uri 'self'");
    expect(csp(page)).toContain("script-src 'self';");
    expect(csp(await agent.get('/inbox').expect(200))).toContain("base-uri 'none'");
    // A staff member is refused before any redirect says the board exists.
    const staff = await userWithPassword(fx.db, 'staff');
    const { agent: staffAgent } = await loggedIn(fx.app, staff);
    await staffAgent.get('/admin/queues').expect(403);
  });

  it('the writable board (for a holder of queues.manage) is a separate, explicit choice', async () => {
    const app = express();
    app.use('/b', createQueueBoard(fx.queues, '/b', { readOnly: false }));
    const list = await request(app).get('/b/api/queues').expect(200);
    for (const q of list.body.queues) expect(q.readOnlyMode).toBe(false);
    const ro = express();
    ro.use('/b', createQueueBoard(fx.queues, '/b'));
    const roList = await request(ro).get('/b/api/queues').expect(200);
    for (const q of roList.body.queues) expect(q.readOnlyMode).toBe(true);
  });
});

describe('job failure reasons', () => {
  it('are redacted before BullMQ stores them: no name, phone or email in failedReason or the stack', async () => {
    const prefix = uniqueQueuePrefix();
    const connection = createRedisConnection(testRedisUrl(), { connectionName: 'jest-redact' });
    const queue = new Queue('triage', { connection, prefix });
    const workers = startWorkers({
      connection,
      prefix,
      logger: pino({ level: 'silent' }),
      processors: {
        triage: {
          concurrency: 1,
          processor: async () => {
            // What a driver error quoting its input could look like.
            throw new TypeError(
              'invalid input "Maria Gonzalez, DOB 04/12/1961, call 555-867-5309, maria.gonzalez@example.com"',
            );
          },
        },
      },
    });
    try {
      const job = await queue.add('triage', { messageId: 'm-1' }, { attempts: 1 });
      const failed = await waitUntil('the job to fail', async () => {
        const j = await queue.getJob(job.id!);
        return j?.failedReason ? j : undefined;
      });
      const stored = `${failed.failedReason}\n${(failed.stacktrace ?? []).join('\n')}`;
      expect(failed.failedReason).toMatch(/^invalid input/);
      for (const phi of ['555-867-5309', 'maria.gonzalez@example.com', '04/12/1961', 'Gonzalez']) {
        expect(stored).not.toContain(phi);
      }
      expect(stored).not.toMatch(/\n\s+at /); // no stack frames either
      // And bull-board shows exactly that redacted reason.
      const app = express();
      app.use('/b', createQueueBoard({ triage: queue } as never, '/b'));
      const shown = await request(app).get('/b/api/queues?activeQueue=triage&status=failed').expect(200);
      expect(JSON.stringify(shown.body)).not.toContain('555-867-5309');
    } finally {
      await workers.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    }
  });
});
