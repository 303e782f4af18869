/**
 * The sandbox portal as a child process (exactly `npm run portal`), with its /_admin switches: fault
 * settings for the FHIR API the workers use, and raw inserts. Patient messages go in through
 * /_admin/resources — the patient's side of the portal, which the API's fault switches do not stop —
 * keeping the sandbox's own ids and ordering (every write gets a later lastUpdated).
 */
import { type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { freePort, projectRoot } from '../../src/demo/services';
import { REPLY_IDENTIFIER_SYSTEM } from '../../src/portal/reply-writer';
import { patientMessage } from '../../src/portal/sandbox/synthetic';
import { gone, spawnTracked, stopGently } from './cleanup';
import { waitFor } from './wait';

export interface SandboxFaults {
  errorRate?: number;
  errorStatus?: number;
  failNext?: number;
  latencyMs?: number;
  hang?: boolean;
  methods?: ('GET' | 'POST' | 'PUT' | 'DELETE')[];
}

export interface ChaosSandbox {
  origin: string;
  fhirBaseUrl: string;
  patientIds: string[];
  setFaults: (faults: SandboxFaults) => Promise<void>;
  /** Stores a resource as is (no validation); returns the id the sandbox gave it. */
  plant: (resource: Record<string, unknown>) => Promise<string>;
  /** A patient writes in; returns the Communication id. */
  postMessage: (patientId: string, text: string) => Promise<string>;
  /** How many Communications on the portal carry this reply id (1 = sent once). */
  replyCopies: (replyId: string) => Promise<number>;
  stop: () => Promise<void>;
}

export async function startChaosSandbox(options: {
  patients: number;
  logFile: string;
}): Promise<ChaosSandbox> {
  const port = await freePort();
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawnTracked(
    process.execPath,
    ['--import', 'tsx', 'src/portal/sandbox/main.ts'],
    {
      cwd: projectRoot(),
      env: {
        PATH: process.env.PATH,
        SANDBOX_PORT: String(port),
        SANDBOX_PATIENTS: String(options.patients),
        SANDBOX_MESSAGES: '0',
        SANDBOX_ADMIN: 'on',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let ready = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('Sandbox FHIR:')) ready = true;
    log.write(chunk);
  });
  child.stderr?.pipe(log);
  await waitFor(
    'the sandbox portal',
    () => {
      if (gone(child)) throw new Error(`the sandbox portal exited (see ${options.logFile})`);
      return ready;
    },
    60_000,
  );
  const origin = `http://127.0.0.1:${port}`;
  const fhirBaseUrl = `${origin}/fhir/R4`;

  const json = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const patients = await json(await fetch(`${fhirBaseUrl}/Patient?_count=1000`), 'listing patients');
  const patientIds = ((patients.entry ?? []) as { resource: { id: string } }[]).map((e) => e.resource.id);
  if (patientIds.length === 0) throw new Error('the sandbox has no patients');

  const plant = async (resource: Record<string, unknown>) => {
    const res = await fetch(`${origin}/_admin/resources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(resource),
    });
    return String((await json(res, 'planting a resource')).id);
  };
  return {
    origin,
    fhirBaseUrl,
    patientIds,
    setFaults: async (faults) => {
      const res = await fetch(`${origin}/_admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      await json(res, 'setting sandbox faults');
    },
    plant,
    postMessage: (patientId, text) => plant({ ...patientMessage(patientId, text) }),
    replyCopies: async (replyId) => {
      const token = encodeURIComponent(`${REPLY_IDENTIFIER_SYSTEM}|${replyId}`);
      const bundle = await json(
        await fetch(`${fhirBaseUrl}/Communication?identifier=${token}&_count=10`),
        'searching replies',
      );
      return ((bundle.entry ?? []) as unknown[]).length;
    },
    stop: async () => {
      await stopGently(child, 3000);
      log.end();
    },
  };
}
