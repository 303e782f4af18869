import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { runDraftCli } from '../../../src/drafting/cli';
import { generateClinic, patientBundle } from '../../../src/portal/sandbox/synthetic';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, lines: (object | string)[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return file;
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runDraftCli(args, out, env);
  out.end();
  const rows = Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, rows };
}

const clinic = generateClinic({ seed: 3, patients: 5, now: new Date() });
const bundle = patientBundle(clinic, clinic.patients[0].id);

describe('draft CLI', () => {
  it('prints one line per input line, with templates when no model is configured, and an error line for bad lines', async () => {
    const file = jsonl('mixed.jsonl', [
      { id: 'refill', text: 'Can I get a refill please? I have a week left.', patient_bundle: bundle },
      { id: 'chest', text: 'crushing chest pain for an hour and I cannot breathe' },
      'this is not json',
      { id: 'no-text' },
      { id: 'bad-bundle', text: 'When is my next appointment?', patient_bundle: { resourceType: 'Patient' } },
      { id: 'huge', text: `My knee hurts. ${'really '.repeat(20_000)}` },
      { id: 'grade', text: 'hello', target_grade: 50 },
      { id: 7, text: 'Can you explain my bill?', target_grade: 4 },
    ]);
    const { code, rows } = await run([file]);
    expect(code).toBe(1);
    expect(rows).toHaveLength(8);
    const byId = new Map(rows.map((r) => [r.id, r]));

    const refill = byId.get('refill')!;
    expect(Object.keys(refill)).toEqual(
      expect.arrayContaining(['id', 'urgency', 'source', 'draft', 'reading_grade', 'target_grade', 'flags']),
    );
    expect(refill.source).toBe('template');
    expect(typeof refill.draft).toBe('string');
    expect(refill.reading_grade as number).toBeLessThanOrEqual(refill.target_grade as number);

    expect(byId.get('chest')).toMatchObject({ urgency: 'emergent', source: 'escalation' });
    expect(byId.get('chest')!.draft).toMatch(/Call 911/);

    expect(rows.find((r) => r.line === 3)).toMatchObject({
      id: null,
      error: expect.stringMatching(/^line 3: /),
    });
    expect(byId.get('no-text')).toMatchObject({ error: expect.stringMatching(/line 4: text/) });
    expect(byId.get('grade')).toMatchObject({ error: expect.stringMatching(/target_grade/) });

    const badBundle = byId.get('bad-bundle')!;
    expect(badBundle.source).toBe('template');
    expect(badBundle.flags).toContainEqual({
      code: 'chart_missing',
      detail: expect.stringMatching(/patient_bundle not used: .*Bundle/),
    });

    expect(byId.get('huge')!.source).toBe('template');
    expect(byId.get(7)).toMatchObject({ target_grade: 4, source: 'template' });
  });

  it("never echoes a bad line: invalid JSON gets a fixed message, not the parser's quote of the text", async () => {
    const phi = '{"id": "x1", "text": "My name is Rosalind Okafor, DOB 04/17/1961, my potassium is 6.1",,}';
    const { rows } = await run([jsonl('phi.jsonl', [phi, '{"text": "Jane Roe 555-201-7788"'])]);
    expect(rows).toEqual([
      { id: 'x1', line: 1, error: 'line 1: not valid JSON' },
      { id: null, line: 2, error: 'line 2: not valid JSON' },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Okafor|04\/17|potassium|Jane|201-7788/);
  });

  it("writes visit times on the clinic's clock, from CLINIC_TIME_ZONE", async () => {
    const withVisit = clinic.patients.find((p) => p.visits.some((v) => v.status !== 'fulfilled'));
    if (!withVisit) throw new Error('the synthetic clinic has no upcoming visit');
    const visit = withVisit.visits.find((v) => v.status !== 'fulfilled')!;
    const file = jsonl('visit.jsonl', [
      { id: 'v', text: 'When is my next appointment?', patient_bundle: patientBundle(clinic, withVisit.id) },
    ]);
    for (const zone of ['America/Chicago', 'America/Los_Angeles']) {
      const { rows } = await run([file], { CLINIC_TIME_ZONE: zone });
      const local = DateTime.fromISO(visit.start).setZone(zone).setLocale('en').toFormat('h:mm a');
      expect(rows[0].draft).toContain(`at ${local}`);
    }
  });

  it('uses the model named by the environment', async () => {
    const fake: FakeOpenAI = await startFakeOpenAI();
    try {
      fake.setDefault({ json: { body: 'We will look at your bill and write back soon.' } });
      const file = jsonl('model.jsonl', [{ id: 'bill', text: 'Why is my bill so high this month?' }]);
      const env = {
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_API_KEY: 'test',
        LLM_MODEL: 'fake-model',
        LLM_MAX_RETRIES: '0',
      };
      const { code, rows } = await run([file], env);
      expect(code).toBe(0);
      expect(rows[0]).toMatchObject({ id: 'bill', source: 'llm' });
      expect(rows[0].draft).toContain('We will look at your bill and write back soon.');
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('explains its usage, a missing file and a bad environment with exit code 2', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await run([])).code).toBe(2);
      expect((await run([path.join(dir, 'absent.jsonl')])).code).toBe(2);
      expect((await run([jsonl('x.jsonl', [])], { OPENAI_BASE_URL: 'not a url' })).code).toBe(2);
      expect(spy.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
        /usage: draft FILE\.jsonl[\s\S]*no such file[\s\S]*OPENAI_BASE_URL/,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
