/**
 * Each emergency gets its own vetted step, in English and Spanish, with the clinic's numbers; messages
 * that are not about a symptom get no alarm text at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftReply } from '../../../src/drafting/drafter';
import { emergencyKind } from '../../../src/drafting/emergency-kind';
import { loadPrompts } from '../../../src/drafting/prompts';
import type { DraftResult } from '../../../src/drafting/types';
import type { TriageResult } from '../../../src/triage/types';
import { NOW, sampleChart, triage } from './fixtures';

const PROMPTS_DIR = path.join(__dirname, '../../../prompts');
const prompts = loadPrompts(PROMPTS_DIR);

function emergent(reason: string, language = 'en'): TriageResult {
  return triage({ urgency: 'emergent', category: 'symptom', reasons: [`emergent: ${reason}`], language });
}

const body = (d: DraftResult) => d.body.split('\n\n').slice(1, -1).join('\n\n');

async function draft(text: string, t: TriageResult, p = prompts, nurseAlerts = false): Promise<DraftResult> {
  return draftReply(
    { text, chart: sampleChart(), triage: t },
    { model: null, prompts: p, now: NOW, nurseAlerts },
  );
}

// [kind, message, reason, English step, Spanish step]
const CASES: [string, string, string, RegExp, RegExp][] = [
  [
    'emergency_anaphylaxis',
    'My throat is swelling after eating peanuts',
    'throat or tongue swelling — "throat is swelling"',
    /epinephrine auto-injector \(like an EpiPen\), use it now\. Then call 911\./,
    /autoinyector de epinefrina \(como un EpiPen\), úselo ya\. Luego llame al 911\./,
  ],
  [
    'emergency_labor',
    'I am 36 weeks pregnant and my water broke',
    'leaking fluid — "water broke"',
    /Go to Labor and Delivery at Riverbend Memorial Hospital, Labor and Delivery, 3rd floor now\. You can call them on the way at \(217\) 555-0170\./,
    /Vaya ahora a Labor y Parto en Riverbend Memorial Hospital/,
  ],
  [
    'emergency_poison',
    'My son swallowed some of my pills',
    'overdose or poisoning — "swallowed some of my pills"',
    /Call Poison Control now at 1-800-222-1222\./,
    /Llame ya a Control de Envenenamientos al 1-800-222-1222\./,
  ],
  [
    'emergency_unresponsive',
    'My husband will not wake up',
    'unresponsive or not breathing — "will not wake up"',
    /Call 911 now\. .*Do not drive them to the hospital yourself\./,
    /Llame al 911 ya\. No lo lleve usted al hospital en carro\./,
  ],
  [
    'emergency_self_harm',
    'I want to kill myself tonight',
    'suicidal thoughts with plan or intent — "want to kill myself"',
    /We are glad you reached out, and we care about you\. Please call or text 988 now/,
    /Por favor, llame o mande un texto al 988 ahora/,
  ],
  [
    'emergency_violence',
    'My boyfriend said he will kill me tonight',
    'thoughts of harming others — "said he will kill me"',
    /If you are in danger now, call 911\. .*call 1-800-799-7233.*If someone else can read your portal messages, you can call us instead at \(217\) 555-0100\./s,
    /Si está en peligro ahora, llame al 911\. .*1-800-799-7233.*Si otra persona puede leer sus mensajes del portal/s,
  ],
];

describe('emergency instructions per emergency', () => {
  it.each(CASES)('%s: the step that matters, in English and Spanish', async (kind, text, reason, en, es) => {
    expect(emergencyKind(emergent(reason), text)).toBe(kind);
    const d = await draft(text, emergent(reason));
    expect(d.source).toBe('escalation');
    expect(d.contextSnapshot.templateKinds).toEqual([kind]);
    expect(body(d)).toMatch(en);
    expect(d.flags.filter((f) => f.code !== 'promise_made')).toEqual([]);
    const spanish = await draft(text, emergent(reason, 'es'));
    expect(spanish.language).toBe('es');
    expect(body(spanish)).toMatch(es);
  });

  it('keeps the general text for other emergencies, and tells a threat from a thought of harming others', async () => {
    expect(emergencyKind(emergent('chest pain — "crushing chest pain"'), 'crushing chest pain')).toBe(
      'emergency',
    );
    expect(
      emergencyKind(emergent('thoughts of harming others — "hurt him"'), 'I want to hurt my neighbor'),
    ).toBe('emergency');
  });

  it('claims a nurse was alerted only when alerts are configured', async () => {
    const t = emergent('overdose or poisoning — "took pills"');
    expect((await draft('My son took my pills', t)).body).not.toMatch(/alerted/);
    const alerted = await draft('My son took my pills', t, prompts, true);
    expect(alerted.body).toMatch(/A nurse has been alerted\./);
    expect(alerted.flags).toContainEqual({ code: 'promise_made', detail: 'A nurse has been alerted.' });
  });

  it('takes the numbers from the clinic settings file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    fs.cpSync(PROMPTS_DIR, dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'knowledge/contacts.yaml'),
      "poison_control: '1-800-555-0999'\ncrisis_line: '1-800-555-0988'\nafter_hours: '(217) 555-0111'\n",
    );
    const own = loadPrompts(dir);
    const poison = await draft(
      'My son swallowed pills',
      emergent('overdose or poisoning — "swallowed"'),
      own,
    );
    expect(body(poison)).toMatch(/Call Poison Control now at 1-800-555-0999\./);
    // No Labor and Delivery line set: the draft says where to go without a number.
    const labour = await draft('my water broke', emergent('leaking fluid — "water broke"'), own);
    expect(body(labour)).toMatch(
      /^This needs to be checked now\. Go to Labor and Delivery now\. If you are bleeding/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('no alarm where none belongs', () => {
  const ALARM = /911|emergency room|chest pain|fainting|trouble breathing|sala de emergencias/i;
  const calm: [string, Partial<TriageResult>][] = [
    ['My knee aches after running.', { category: 'symptom', reasons: ['routine: symptom — "aches"'] }],
    ['I have a sunburn on my shoulders, what should I put on it?', { category: 'symptom' }],
    ['My fasting sugar was 128 this morning, is that ok?', { category: 'results' }],
    ['Should I take my prednisone in the morning or at night?', { category: 'medication' }],
    ['I need to cancel my appointment next week.', { urgency: 'non_clinical', category: 'scheduling' }],
    ['Can I get a refill of my lisinopril?', { category: 'medication' }],
    ['Me duele un poco la rodilla cuando camino.', { category: 'symptom', language: 'es' }],
    [
      '¿Cuánto cuesta una consulta sin seguro?',
      { urgency: 'non_clinical', category: 'billing', language: 'es' },
    ],
  ];
  it.each(calm)('%s', async (text, t) => {
    const d = await draftReply(
      { text, chart: sampleChart(), triage: triage(t) },
      { model: null, prompts, now: NOW },
    );
    expect(d.body).not.toMatch(ALARM);
  });
});

describe('warning signs from the protocol that made a message urgent', () => {
  const urgent = (reason: string, language = 'en') =>
    triage({ urgency: 'urgent', category: 'symptom', reasons: [`urgent: ${reason}`], language });
  async function urgentDraft(text: string, t: TriageResult): Promise<DraftResult> {
    return draftReply({ text, chart: sampleChart(), triage: t }, { model: null, prompts, now: NOW });
  }

  it('gives a fever its own signs, and a swollen leg a clot’s, in English and Spanish', async () => {
    const fever = await urgentDraft('Fever of 102 since last night', urgent('fever — "fever"'));
    expect(body(fever)).toMatch(
      /if you get a stiff neck, confusion, trouble breathing, or a rash that does not fade/,
    );
    expect(fever.body).not.toMatch(/chest pain/);
    expect(fever.flags).toContainEqual(
      expect.objectContaining({
        code: 'knowledge_used',
        detail: expect.stringMatching(/^warning signs "fever"/),
      }),
    );
    const leg = await urgentDraft(
      'My left calf is swollen and painful',
      urgent('one leg swollen and painful — "calf"'),
    );
    expect(body(leg)).toMatch(/Call 911 now if you get chest pain or sudden trouble breathing\./);
    expect(leg.body).not.toMatch(/stiff neck/);
    const es = await urgentDraft('Tengo fiebre de 39', urgent('fever — "fiebre"', 'es'));
    expect(body(es)).toMatch(/si tiene el cuello rígido, confusión/);
  });

  it('falls back to the general line for an urgent reason without its own signs', async () => {
    const d = await urgentDraft('My ear is draining', urgent('ear pain or drainage — "ear"'));
    expect(body(d)).toMatch(/If you get worse, call 911 or go to the emergency room now\./);
  });

  it('stops start-up on warning signs no clinician has reviewed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    fs.cpSync(PROMPTS_DIR, dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'knowledge/warning-signs.yaml'),
      'signs:\n  - id: fever\n    reasons: [fever]\n    en: Call 911 if worse.\n    es: Llame al 911.\n',
    );
    expect(() => loadPrompts(dir)).toThrow(/warning-signs.yaml: field "signs.0.reviewed_by"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
