import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runTriageCli } from '../../../src/triage/cli';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function fileWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, content);
  return file;
}

describe('runTriageCli', () => {
  it('writes one line per message in input order, reports bad lines and keeps going', async () => {
    const file = fileWith(
      [
        JSON.stringify({ id: 'a', text: 'crushing chest pain and sweating' }),
        'this is not json',
        JSON.stringify({ id: 7, text: 'please cancel my appointment tomorrow' }),
        JSON.stringify({ id: 'missing text' }),
        '',
        JSON.stringify({ id: 'c', text: 'Thank you so much!' }),
      ].join('\n'),
    );
    const out = collect();
    const err = collect();
    const code = await runTriageCli([file], out.stream, err.stream);
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 7, 'c']);
    expect(lines[0]).toMatchObject({ urgency: 'emergent', category: 'symptom', needs_reply: true });
    expect(lines[0].reasons[0]).toMatch(/^emergent: chest pain/);
    expect(lines[1]).toMatchObject({ urgency: 'non_clinical', category: 'scheduling' });
    expect(lines[2]).toMatchObject({ urgency: 'non_clinical', needs_reply: false });
    expect(Object.keys(lines[0]).sort()).toEqual(['category', 'id', 'needs_reply', 'reasons', 'urgency']);
    expect(err.text()).toContain('line 2:');
    expect(err.text()).toContain('line 4:');
    expect(code).toBe(1);
  });

  it('exits 0 when every line is good, 2 on usage or missing file', async () => {
    const out = collect();
    const err = collect();
    expect(
      await runTriageCli(
        [fileWith('{"id":"x","text":"refill please, 2 weeks left"}\n')],
        out.stream,
        err.stream,
      ),
    ).toBe(0);
    expect(await runTriageCli([], out.stream, err.stream)).toBe(2);
    expect(await runTriageCli(['/nonexistent/file.jsonl'], out.stream, err.stream)).toBe(2);
    expect(err.text()).toContain('usage');
  });
});
