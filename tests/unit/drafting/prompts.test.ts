import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPrompts, PromptConfigError } from '../../../src/drafting/prompts';
import { CATEGORIES } from '../../../src/triage/types';
import { DRAFT_LANGUAGES, TEMPLATE_KINDS } from '../../../src/drafting/types';

const PROMPTS = path.join(__dirname, '../../../prompts');

/** A private copy of the clinic's prompt folder that a test may break. */
function copyPrompts(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
  fs.cpSync(PROMPTS, dir, { recursive: true });
  return dir;
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

describe('loadPrompts', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const scratch = () => {
    const d = copyPrompts();
    made.push(d);
    return d;
  };

  it("reads the clinic's voice settings, guidance for every category and every template in en and es", () => {
    const p = loadPrompts(PROMPTS);
    expect(p.voice.clinic_name).toBe('Riverbend Community Health');
    expect(p.voice.default_reading_grade).toBe(6);
    expect(p.voice.words_to_avoid).toContainEqual({ avoid: 'medication', use: 'medicine' });
    expect(p.voice.description).toMatch(/warm, calm and direct/);
    for (const c of CATEGORIES) expect(p.categories[c].guidance.length).toBeGreaterThan(20);
    expect(p.categories.scheduling.suggestAppointment).toBe(true);
    expect(p.categories.billing.suggestAppointment).toBe(false);
    for (const kind of TEMPLATE_KINDS)
      for (const lang of DRAFT_LANGUAGES) expect(p.templates.has(`${kind}.${lang}`)).toBe(true);
    expect(p.templates.get('emergency.vi')).toMatch(/911/);
  });

  it('versions the prompt set by content: same files, same version; one edit, a new one', () => {
    const dir = scratch();
    const before = loadPrompts(dir).version;
    expect(loadPrompts(PROMPTS).version).toBe(before);
    edit(dir, 'templates/billing.en.md', (t) => t.replace('Thank you', 'Thanks'));
    expect(loadPrompts(dir).version).not.toBe(before);
  });

  it('names the bad field of voice.md', () => {
    const dir = scratch();
    edit(dir, 'voice.md', (t) => t.replace('default_reading_grade: 6', 'default_reading_grade: six'));
    expect(() => loadPrompts(dir)).toThrow(PromptConfigError);
    expect(() => loadPrompts(dir)).toThrow(/voice\.md: front matter field "default_reading_grade"/);
  });

  it('rejects an unknown setting and a bad choice, naming them', () => {
    const dir = scratch();
    edit(dir, 'voice.md', (t) => t.replace('no_reply_messages: acknowledge', 'no_reply_messages: sometimes'));
    expect(() => loadPrompts(dir)).toThrow(/"no_reply_messages"/);
    edit(dir, 'voice.md', (t) =>
      t.replace('no_reply_messages: sometimes', 'no_reply_messages: none\ncolour: blue'),
    );
    expect(() => loadPrompts(dir)).toThrow(/voice\.md: front matter/);
  });

  it('reports YAML that does not parse, and a missing front matter block', () => {
    const dir = scratch();
    edit(dir, 'categories/billing.md', (t) =>
      t.replace('suggest_appointment: no', 'suggest_appointment: [no'),
    );
    expect(() => loadPrompts(dir)).toThrow(/categories\/billing\.md: front matter is not valid YAML/);
    const dir2 = scratch();
    edit(dir2, 'voice.md', (t) => t.replace(/^---\n/, ''));
    expect(() => loadPrompts(dir2)).toThrow(/voice\.md: must start with a front matter block/);
  });

  it('catches a misspelled slot and a broken section in a template', () => {
    const dir = scratch();
    edit(dir, 'templates/refill.en.md', (t) => t.replace('{{medicine}}', '{{medcine}}'));
    expect(() => loadPrompts(dir)).toThrow(/templates\/refill\.en\.md: unknown slot \{\{medcine\}\}/);
    const dir2 = scratch();
    edit(dir2, 'templates/general.es.md', (t) => `${t}\n{{#urgent}}sin cerrar`);
    expect(() => loadPrompts(dir2)).toThrow(/templates\/general\.es\.md: Unclosed section "urgent"/);
  });

  it('requires every template kind in English and Spanish', () => {
    const dir = scratch();
    fs.rmSync(path.join(dir, 'templates/billing.es.md'));
    expect(() => loadPrompts(dir)).toThrow(/missing template templates\/billing\.es\.md/);
  });

  it('says which file is missing', () => {
    const dir = scratch();
    fs.rmSync(path.join(dir, 'system.md'));
    expect(() => loadPrompts(dir)).toThrow(/prompts: missing file system\.md/);
  });
});
