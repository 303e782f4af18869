import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { SANDBOX_RESOURCE_TYPES } from '../../../src/portal/fhir-types';
import { createSandboxApp } from '../../../src/portal/sandbox';
import { parseSandboxEnv } from '../../../src/portal/sandbox/main';
import { createSeededStore } from '../../../src/portal/sandbox/seed';
import { validateResource } from '../../../src/portal/sandbox/validation';

describe('sandbox seeded with the synthetic clinic', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const { store, counts } = createSeededStore({ seed: 7, patients: 25, messages: 30, now });
  const app = createSandboxApp({ store });

  it('holds a coherent clinic: every resource valid, every reference resolvable', () => {
    expect(counts.Patient).toBe(25);
    expect(counts.Practitioner).toBeGreaterThan(0);
    expect(counts.Communication).toBe(30);
    for (const type of SANDBOX_RESOURCE_TYPES) {
      for (const { resource } of store.list(type))
        expect(validateResource(type, resource, store)).toEqual([]);
    }
  });

  it('is the same clinic for the same seed', () => {
    const again = createSeededStore({ seed: 7, patients: 25, messages: 30, now });
    expect(again.counts).toEqual(counts);
    expect(again.store.list('Patient').map((s) => s.resource.id)).toEqual(
      store.list('Patient').map((s) => s.resource.id),
    );
  });

  it('serves the waiting patient messages in sent order, each from its patient', async () => {
    const res = await request(app).get('/fhir/R4/Communication').query({ _count: 100 }).expect(200);
    const sent = res.body.entry.map((e: { resource: { sent: string } }) => e.resource.sent);
    expect(sent).toEqual([...sent].sort());
    for (const e of res.body.entry) expect(e.resource.sender.reference).toBe(e.resource.subject.reference);
  });

  it('answers chart searches and accepts a patient message', async () => {
    const patientId = store.list('Patient')[0].resource.id as string;
    const conditions = await request(app).get('/fhir/R4/Condition').query({ patient: patientId }).expect(200);
    for (const e of conditions.body.entry) expect(e.resource.subject.reference).toBe(`Patient/${patientId}`);
    const obs = await request(app)
      .get('/fhir/R4/Observation')
      .query({ patient: patientId, _count: 5 })
      .expect(200);
    expect(obs.body.total).toBeGreaterThanOrEqual(obs.body.entry.length);
    const org = store.list('Organization')[0].resource;
    await request(app)
      .post('/fhir/R4/Communication')
      .send({
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: `Patient/${patientId}` },
        sender: { reference: `Patient/${patientId}` },
        recipient: [{ reference: `Organization/${org.id}` }],
        sent: new Date().toISOString(),
        payload: [{ contentString: 'Can I get a refill?' }],
      })
      .expect(201);
  });
});

describe('npm run portal', () => {
  it('validates its environment with clear messages', () => {
    expect(parseSandboxEnv({})).toMatchObject({
      SANDBOX_PORT: 8090,
      SANDBOX_PATIENTS: 300,
      SANDBOX_ADMIN: 'off',
    });
    expect(() => parseSandboxEnv({ SANDBOX_PORT: 'eighty' })).toThrow(/SANDBOX_PORT/);
    expect(() => parseSandboxEnv({ SANDBOX_ADMIN: 'maybe' })).toThrow(/SANDBOX_ADMIN/);
    expect(() => parseSandboxEnv({ SANDBOX_PATIENTS: '-3' })).toThrow(/SANDBOX_PATIENTS/);
    expect(() => parseSandboxEnv({ SANDBOX_SMART_CLIENT_ID: 'x' })).toThrow(/SANDBOX_SMART_PUBLIC_KEY_FILE/);
  });

  it('starts, prints its base URL, serves FHIR and stops on SIGTERM', async () => {
    const root = path.resolve(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/portal/sandbox/main.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          SANDBOX_PORT: '0',
          SANDBOX_PATIENTS: '3',
          SANDBOX_MESSAGES: '2',
          SANDBOX_ADMIN: 'off',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Sandbox FHIR: (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fhir\/R4$/);
      const res = await fetch(`${base}/Patient?_count=10`);
      expect(((await res.json()) as { total: number }).total).toBe(3);
      const messages = await fetch(`${base}/Communication`);
      expect(((await messages.json()) as { total: number }).total).toBe(2);
      expect((await fetch(`${base.replace(/\/fhir\/R4$/, '')}/_admin/faults`)).status).toBe(404);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
