import request from 'supertest';
import { createSandboxApp } from '../../../src/portal/sandbox';
import { createSandboxFixture, FHIR, type SandboxFixture } from './sandbox-fixture';

describe('sandbox FHIR server: faults', () => {
  let f: SandboxFixture;
  beforeEach(() => {
    f = createSandboxFixture();
  });

  describe('fault switches', () => {
    it('fails a share of requests, the next N, and recovers when reset', async () => {
      await request(f.app).post('/_admin/faults').send({ errorRate: 1, errorStatus: 503 }).expect(200);
      const failed = await request(f.app).get(`${FHIR}/Patient/p1`).expect(503);
      expect(failed.body.resourceType).toBe('OperationOutcome');
      await request(f.app).post('/_admin/faults').send({ failNext: 2 }).expect(200);
      await request(f.app).get(`${FHIR}/Patient/p1`).expect(500);
      await request(f.app).get(`${FHIR}/Patient/p1`).expect(500);
      await request(f.app).get(`${FHIR}/Patient/p1`).expect(200);
      expect((await request(f.app).get('/_admin/faults')).body).toMatchObject({ failNext: 0, errorRate: 0 });
    });

    it('adds latency and hangs on request', async () => {
      await request(f.app).post('/_admin/faults').send({ latencyMs: 150 }).expect(200);
      const start = Date.now();
      await request(f.app).get(`${FHIR}/Patient/p1`).expect(200);
      expect(Date.now() - start).toBeGreaterThanOrEqual(140);
      f.faults.settings = { ...f.faults.settings, latencyMs: 0, hang: true };
      await expect(request(f.app).get(`${FHIR}/Patient/p1`).timeout(200)).rejects.toThrow(/Timeout/);
      await request(f.app).post('/_admin/faults').send({}).expect(200);
      await request(f.app).get(`${FHIR}/Patient/p1`).expect(200);
    });

    it('rejects malformed fault settings', async () => {
      await request(f.app).post('/_admin/faults').send({ errorRate: 2 }).expect(400);
      await request(f.app).post('/_admin/faults').send({ explode: true }).expect(400);
      await request(f.app)
        .post('/_admin/faults')
        .set('Content-Type', 'application/json')
        .send('nope')
        .expect(400);
    });

    it('plants raw resources that skip validation, for malformed-FHIR tests', async () => {
      const raw = await request(f.app)
        .post('/_admin/resources')
        .send({ resourceType: 'Communication', status: 'completed', subject: { reference: 'Patient/ghost' } })
        .expect(201);
      expect((await request(f.app).get(`${FHIR}/Communication/${raw.body.id}`)).body.payload).toBeUndefined();
      await request(f.app).post('/_admin/resources').send({ resourceType: 'Spaceship' }).expect(400);
    });

    it('can run without the admin controls', async () => {
      const closed = createSandboxApp({ admin: false });
      await request(closed).post('/_admin/faults').send({ hang: true }).expect(404);
    });
  });
});
