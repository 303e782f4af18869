import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBlindDrafting } from '../../../scripts/drafting-eval/blind-run';
import { runBlindModes } from '../../../scripts/drafting-eval/cli';
import { quote } from '../../../scripts/drafting-eval/rating-sheet';
import type { DraftLine, ErrorLine } from '../../../scripts/drafting-eval/types';
import { startFakeOpenAI } from '../../helpers/fake-openai';
import { NOW, sampleChart } from './charts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-drafting-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const chart = sampleChart();
const english = {
  ...chart,
  patient: { ...chart.patient, language: 'en', given: 'Wren', family: 'Halvorsen' },
};
const GOOD = [
  {
    id: 'm-refill',
    text: 'Can I get a refill on my metformin? I have about a week left.',
    lang: 'en',
    kind: 'refill',
    chart: english,
  },
  { id: 'm-es', text: '¿Ya están mis resultados de la hemoglobina A1c?', lang: 'es', chart },
  {
    id: 'm-911',
    text: 'My husband collapsed and is not breathing, his lips are blue',
    lang: 'en',
    chart: english,
  },
  {
    id: 'm-html',
    text: '<img src=x onerror=alert(1)> # Big heading\n[click](http://evil.example) **bold** when is my visit?',
    lang: 'en',
    chart: english,
  },
];

function batch(name: string, lines: (object | string)[]): { messages: string; out: string; sheet: string } {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  const messages = path.join(folder, 'messages.jsonl');
  fs.writeFileSync(messages, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return { messages, out: path.join(folder, 'drafts.jsonl'), sheet: path.join(folder, 'rating-sheet.md') };
}

function read(file: string): (DraftLine | ErrorLine)[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DraftLine | ErrorLine);
}

describe('rating sheet quoting', () => {
  it('keeps every line and its breaks, and nothing in it can become markup', () => {
    expect(quote('# one\n- two\n1. three\n\n> four & <b>five</b>')).toBe(
      ['> \\# one  ', '> \\- two  ', '> 1\\. three', '>', '> \\> four \\& \\<b\\>five\\</b\\>'].join('\n'),
    );
    expect(quote('  ')).toBe('> (empty)');
  });
});

describe('blind drafting run', () => {
  it('drafts each message as the worker would, without a model, and writes one line per message', async () => {
    const files = batch('batch-a', [
      ...GOOD,
      'this is not json {"text": "my private words"}',
      { id: 'm-no-chart', text: 'hello', lang: 'en' },
      {
        id: 'm-bad-chart',
        text: 'hello',
        lang: 'en',
        chart: { medications: [{ name: 'x', status: 'later' }] },
      },
      { id: 'm-refill', text: 'the same id again', lang: 'en', chart },
    ]);
    const code = await runBlindDrafting({ ...files, now: NOW, env: {} });
    expect(code).toBe(1);
    const lines = read(files.out);
    expect(lines).toHaveLength(8);

    const byId = new Map(lines.filter((l) => !('error' in l)).map((l) => [l.id, l as DraftLine]));
    const refill = byId.get('m-refill')!;
    expect(Object.keys(refill).sort()).toEqual(
      [
        'id',
        'text',
        'lang',
        'kind',
        'chart_summary',
        'urgency',
        'triage_reasons',
        'draft',
        'draft_flags',
        'source',
      ].sort(),
    );
    expect(refill).toMatchObject({ lang: 'en', kind: 'refill', source: 'template', urgency: 'routine' });
    expect(refill.chart_summary).toContain('metformin 500 mg tablet');
    expect(refill.draft).toMatch(/^Hi Wren,/);
    expect(refill.draft.toLowerCase()).toContain('metformin');
    expect(byId.get('m-es')!.draft).toMatch(/^Hola/);
    expect(byId.get('m-911')).toMatchObject({ urgency: 'emergent', source: 'escalation' });
    expect(byId.get('m-911')!.triage_reasons.length).toBeGreaterThan(0);

    const errors = lines.filter((l): l is ErrorLine => 'error' in l);
    expect(errors.map((e) => [e.id, e.line])).toEqual([
      [null, 5],
      ['m-no-chart', 6],
      ['m-bad-chart', 7],
      ['m-refill', 8],
    ]);
    expect(errors.map((e) => e.error)).toEqual([
      'line 5: not valid JSON',
      'line 6: chart: no chart',
      expect.stringMatching(/^line 7: chart\.medications\.0\.status: not one of/),
      'line 8: id "m-refill" appears twice',
    ]);
  });

  it('writes a rating sheet with what the inbox shows and none of the engine internals, patient text inert', async () => {
    const files = batch('batch-b', GOOD);
    expect(await runBlindDrafting({ ...files, now: NOW, env: {} })).toBe(0);
    const sheet = fs.readFileSync(files.sheet, 'utf8');
    const lines = read(files.out) as DraftLine[];
    expect(sheet).toMatch(/^# Draft rating sheet: batch-b\n/);
    expect(sheet).toContain('Mon 7 Dec 2026, 3:00 PM CST');
    for (const l of lines) {
      expect(sheet).toContain(`. ${l.id}\n`);
      expect(sheet).toContain(quote(l.draft));
      for (const reason of l.triage_reasons) expect(sheet).not.toContain(reason);
    }
    expect(sheet).toContain('urgency: **Emergent**');
    expect(sheet).toContain('Can I get a refill on my metformin? I have about a week left.');
    for (const internal of ['template', 'escalation', 'source', 'triage_reasons', 'kind', '555-0187'])
      expect(sheet).not.toContain(internal);
    expect(sheet).not.toMatch(/(?<!\\)<img/);
    expect(sheet).toContain('\\<img src=x onerror=alert(1)\\> # Big heading');
    expect(sheet).toContain('\\[click\\](http://evil.example) \\*\\*bold\\*\\*');
  });

  it('does not replace drafts that may have been rated unless told to', async () => {
    const files = batch('batch-c', GOOD.slice(0, 1));
    expect(await runBlindDrafting({ ...files, now: NOW, env: {} })).toBe(0);
    fs.writeFileSync(files.out, 'rated already\n');
    expect(await runBlindDrafting({ ...files, now: NOW, env: {} })).toBe(2);
    expect(fs.readFileSync(files.out, 'utf8')).toBe('rated already\n');
    expect(await runBlindDrafting({ ...files, now: NOW, env: {}, force: true })).toBe(0);
    expect(read(files.out)).toHaveLength(1);
  });

  it('uses the configured model (OPENAI_*) for the second opinion and the draft, as the worker does', async () => {
    const fake = await startFakeOpenAI();
    try {
      fake.setDefault({ json: { body: 'Thank you for your message. We will write back soon.' } });
      const files = batch('batch-d', GOOD.slice(0, 1));
      const env = { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'test', LLM_MAX_RETRIES: '0' };
      expect(await runBlindDrafting({ ...files, now: NOW, env })).toBe(0);
      const [line] = read(files.out) as DraftLine[];
      expect(line.source).toBe('llm');
      expect(line.draft).toContain('Thank you for your message. We will write back soon.');
      // One request for the urgency second opinion, then the draft.
      expect(fake.requests.length).toBeGreaterThanOrEqual(2);
      expect(fake.requests.some((r) => r.messagesText.includes('refill on my metformin'))).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe('eval:drafting blind modes', () => {
  it('drafts with --blind and --out, the sheet beside the drafts and "now" from --now', async () => {
    const files = batch('batch-e', GOOD.slice(0, 1));
    const code = await runBlindModes(
      ['--blind', files.messages, '--out', files.out, '--now', '2026-12-07T21:30:00-06:00'],
      {},
    );
    expect(code).toBe(0);
    expect(fs.readFileSync(files.sheet, 'utf8')).toContain('Mon 7 Dec 2026, 9:30 PM CST');
  });

  it('refuses incomplete or mixed arguments with the usage', async () => {
    const files = batch('batch-f', GOOD.slice(0, 1));
    for (const args of [
      ['--blind', files.messages],
      ['--blind', files.messages, '--out', files.out, '--now', 'yesterday'],
      ['--blind', files.messages, '--out', files.out, '--ratings', files.out],
      ['--ratings', files.out],
      ['--ratings', files.out, '--drafts', files.out, 'extra'],
    ]) {
      expect(await runBlindModes(args, {})).toBe(2);
    }
    expect(fs.existsSync(files.out)).toBe(false);
  });
});
