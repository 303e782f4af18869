/**
 * The clinic's knowledge folder: files checked at start-up, BM25 retrieval that finds the passage a
 * question names and nothing for other messages, administrative questions answered outright with the
 * passage shown to staff, and the same passages given to the model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftReply } from '../../../src/drafting/drafter';
import { createKnowledgeIndex, loadKnowledge } from '../../../src/drafting/knowledge';
import { loadPrompts, PromptConfigError } from '../../../src/drafting/prompts';
import { createChatModel } from '../../../src/llm/chat-model';
import type { TriageResult } from '../../../src/triage/types';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai';
import { NOW, sampleChart, triage } from './fixtures';

const PROMPTS_DIR = path.join(__dirname, '../../../prompts');
const prompts = loadPrompts(PROMPTS_DIR);
const index = prompts.knowledgeIndex;
const top = (q: string) => index.search(q)[0]?.passage.id;

function withKnowledgeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
  fs.cpSync(PROMPTS_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'knowledge', name), text);
  return dir;
}

describe('loading the knowledge folder', () => {
  it('reads the demo clinic: contacts, topics and standing answers with their approval', () => {
    const { knowledge } = loadKnowledge(PROMPTS_DIR);
    expect(knowledge.contacts.after_hours).toBe('(217) 555-0199');
    const standing = knowledge.passages.filter((p) => p.file === 'knowledge/standing-answers.yaml');
    expect(standing.length).toBeGreaterThanOrEqual(5);
    for (const p of standing) {
      expect(p.approvedBy).toBeTruthy();
      expect(p.approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const topic of [
      'hours-weekly',
      'holidays',
      'after-hours',
      'refill-policy',
      'forms',
      'records',
      'fax',
      'fees',
      'portal-password',
      'billing-contact',
      'vaccines',
      'interpreter',
      'telehealth',
    ])
      expect(knowledge.passages.map((p) => p.id)).toContain(topic);
  });

  it.each([
    [
      'a standing answer without approved_by',
      'standing-answers.yaml',
      "answers:\n  - id: x\n    question: Q?\n    keywords: [q]\n    en: A.\n    es: A.\n    approved_on: '2026-01-01'\n",
      /standing-answers.yaml: field "answers.0.approved_by"/,
    ],
    [
      'an approval date not written YYYY-MM-DD',
      'standing-answers.yaml',
      'answers:\n  - id: x\n    question: Q?\n    keywords: [q]\n    en: A.\n    es: A.\n    approved_by: Dr. A\n    approved_on: last week\n',
      /field "answers.0.approved_on": must be a date written YYYY-MM-DD/,
    ],
    [
      'a passage without its Spanish text',
      'extra.yaml',
      'title: Parking\npassages:\n  - id: parking\n    keywords: [parking]\n    en: Park behind the clinic.\n',
      /extra.yaml: field "passages.0.es"/,
    ],
    [
      'a misspelt contact field',
      'contacts.yaml',
      "poison_controll: '1-800-222-1222'\n",
      /contacts.yaml: field "\(top level\)"/,
    ],
    [
      'an id used twice',
      'extra.yaml',
      'title: Hours again\npassages:\n  - id: hours-weekly\n    keywords: [hours]\n    en: Open.\n    es: Abierto.\n',
      /id "hours-weekly" is used twice/,
    ],
    ['YAML that does not parse', 'extra.yaml', 'title: [unclosed\n', /extra.yaml: not valid YAML/],
  ])('stops start-up on %s, naming file and field', (_what, file, text, message) => {
    const dir = withKnowledgeFile(file, text);
    expect(() => loadPrompts(dir)).toThrow(PromptConfigError);
    expect(() => loadPrompts(dir)).toThrow(message);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('works without the folder: the national emergency numbers only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    fs.cpSync(PROMPTS_DIR, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'knowledge'), { recursive: true });
    const bare = loadPrompts(dir);
    expect(bare.knowledge.passages).toEqual([]);
    expect(bare.knowledge.contacts).toMatchObject({
      emergency: '911',
      poison_control: '1-800-222-1222',
      crisis_line: '988',
    });
    expect(bare.knowledgeIndex.search('What are your hours?')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('retrieval', () => {
  it.each([
    ['What are your hours on Saturday?', 'hours-weekly'],
    ['¿A qué hora abren el sábado?', 'hours-weekly'],
    ['Are you open on Thanksgiving?', 'holidays'],
    ['What is your fax number?', 'fax'],
    ['How much does a visit cost without insurance?', 'fees'],
    ['Do you have an interpreter who speaks Somali?', 'interpreter'],
    ['Can I do a video visit instead?', 'telehealth'],
    ['How do I reset my password?', 'portal-password'],
    ['When should I start mammograms?', 'mammogram-start'],
    ['Do I need to fast before my blood test?', 'fasting-labs'],
    ['Do you have the shingles vaccine?', 'vaccines'],
    ['Who do I call about my bill?', 'billing-contact'],
  ])('%s -> %s', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it.each([
    'My knee aches after running.',
    'Are my biopsy results back?',
    'Necesito cambiar mi cita del 14 de diciembre porque tengo que trabajar.',
    'Thank you so much!',
  ])('finds nothing for "%s"', (q) => {
    expect(index.search(q)).toEqual([]);
  });

  it('counts a several-word keyword only as a whole phrase', () => {
    const own = createKnowledgeIndex({
      contacts: prompts.knowledge.contacts,
      warningSigns: [],
      passages: [
        {
          id: 'walk-in',
          file: 'x.yaml',
          title: 'Flu shots',
          keywords: ['sin cita'],
          text: { en: 'No visit needed for a flu shot.', es: 'Sin cita.' },
        },
      ],
    });
    expect(own.search('Necesito cambiar mi cita con la doctora.')).toEqual([]);
  });
});

describe('drafts from the knowledge folder', () => {
  function draft(text: string, t: Partial<TriageResult>) {
    return draftReply({ text, chart: sampleChart(), triage: triage(t) }, { model: null, prompts, now: NOW });
  }

  it('answers an administrative question outright and shows staff the passage and its approval', async () => {
    const d = await draft('What are your hours on Saturday?', {
      urgency: 'non_clinical',
      category: 'scheduling',
    });
    expect(d.body).toMatch(
      /We are open Monday to Friday, 8 AM to 5 PM\. .*We are closed on Saturday and Sunday\./,
    );
    expect(d.flags).toContainEqual({
      code: 'knowledge_used',
      detail: '"hours-weekly" from prompts/knowledge/hours.yaml',
    });
    expect(d.contextSnapshot.knowledge?.[0]).toMatchObject({
      id: 'hours-weekly',
      file: 'knowledge/hours.yaml',
    });
    const standing = await draft('When should I start mammograms? My mom had breast cancer.', {});
    expect(standing.flags).toContainEqual({
      code: 'knowledge_used',
      detail:
        '"mammogram-start" from prompts/knowledge/standing-answers.yaml, approved by Dr. Ana Ruiz, medical director on 2026-11-02',
    });
  });

  it('answers two information questions from two passages, without repeating the records line', async () => {
    const d = await draft('Can I get a copy of my records?\n\nAlso, what is your fax number?', {
      urgency: 'non_clinical',
      category: 'forms_records',
      categories: ['forms_records', 'scheduling'],
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(d.body).toMatch(/fill out a records release form/);
    expect(d.body).toMatch(/Our fax number is \(217\) 555-0102\./);
    expect(d.body).not.toMatch(/We will also start on your form/);
    expect(d.flags.filter((f) => f.code === 'knowledge_used').map((f) => f.detail)).toEqual([
      '"records" from prompts/knowledge/forms-records.yaml',
      '"fax" from prompts/knowledge/forms-records.yaml',
    ]);
  });

  it('answers in Spanish from the same passage', async () => {
    const d = await draft('¿Cuál es su número de fax?', { urgency: 'non_clinical', language: 'es' });
    expect(d.body).toMatch(/Nuestro número de fax es el \(217\) 555-0102\./);
  });

  it('answers a policy question about refills, but never a request for one, from the passage', async () => {
    const policy = await draft('How long does a refill take?', { category: 'medication' });
    expect(policy.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(policy.body).toMatch(/We send most refills to your pharmacy within 1 business day\./);
    const request = await draft('Can I get a refill of my lisinopril?', { category: 'medication' });
    expect(request.contextSnapshot.templateKinds).toEqual(['refill']);
    expect(request.contextSnapshot.knowledge).toEqual([]);
  });

  it('answers the knowledge question and the chart request of one message, with the clinic’s dates unflagged', async () => {
    const d = await draft('Can you renew my levothyroxine? Also what are your holiday hours for Christmas?', {
      urgency: 'non_clinical',
      category: 'scheduling',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge', 'refill']);
    expect(d.body).toMatch(/Christmas Day/);
    expect(d.body).toMatch(/It is for levothyroxine 50 mcg\. You have no refills left\./);
    expect(d.flags.filter((f) => f.code === 'ungrounded_value')).toEqual([]);
  });

  it('gives the fasting standing answer to a question about upcoming labs, not a results reply', async () => {
    const d = await draft('Do I need to fast for my labs on Friday?', {});
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(d.body).toMatch(/For a cholesterol or fasting sugar test, do not eat for 8 to 12 hours before\./);
    expect(d.body).not.toMatch(/look at your test results|TSH|potassium/i);
  });

  it('answers "how do I make an appointment for a flu shot?" from the passage, with no booking line', async () => {
    const d = await draft('How do I make an appointment for a flu shot? Can I just walk in?', {
      urgency: 'non_clinical',
      category: 'scheduling',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(d.body).toMatch(/You do not need a visit for a flu shot\./);
    expect(d.body).not.toMatch(/with times/);
  });

  it('does not answer a request to act with a policy passage', async () => {
    const d = await draft('Please cancel my flu shot appointment tomorrow.', {
      urgency: 'non_clinical',
      category: 'scheduling',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['scheduling']);
    expect(d.flags.map((f) => f.code)).not.toContain('knowledge_used');
  });
});

describe('the model gets the same passages', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('puts the matching passages in the prompt, and flags the one the draft used', async () => {
    fake.script({ json: { body: 'Our fax number is (217) 555-0102.' } });
    const model = createChatModel({
      baseUrl: fake.baseUrl,
      apiKey: 'k',
      model: 'fake-model',
      timeoutMs: 3000,
      maxRetries: 0,
    });
    const d = await draftReply(
      { text: 'What is your fax number?', chart: sampleChart(), triage: triage({ urgency: 'non_clinical' }) },
      { model, prompts, now: NOW },
    );
    expect(fake.requests[0]?.messagesText).toMatch(
      /<clinic_knowledge>\nOur fax number is \(217\) 555-0102\.\n<\/clinic_knowledge>/,
    );
    expect(d.source).toBe('llm');
    // The clinic's number is not an ungrounded value: the passage grounds it.
    expect(d.flags).toEqual([
      { code: 'knowledge_used', detail: '"fax" from prompts/knowledge/forms-records.yaml' },
    ]);
  });
});
