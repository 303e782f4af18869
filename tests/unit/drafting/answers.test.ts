/**
 * Drafts that answer what the patient asked, from the chart fact the message names and never a
 * neighbour's; what the chart lacks or contradicts goes to staff as a flag, not into the patient's text.
 */
import path from 'node:path';
import type { ChartContext } from '../../../src/context/types';
import { draftReply } from '../../../src/drafting/drafter';
import { loadPrompts } from '../../../src/drafting/prompts';
import { fold } from '../../../src/drafting/reading-patterns';
import type { DraftDeps, DraftResult } from '../../../src/drafting/types';
import type { TriageResult } from '../../../src/triage/types';
import { NOW, sampleChart, triage } from './fixtures';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));
/** Monday 10:00 in Chicago: the clinic is open. */
const OPEN = new Date('2026-11-30T16:00:00Z');

function chart(): ChartContext {
  const c = sampleChart();
  c.observations.push(
    {
      source: 'Observation/a1c-new',
      name: 'Hemoglobin A1c',
      code: '4548-4',
      category: 'laboratory',
      value: 6.0,
      unit: '%',
      low: 4,
      high: 5.6,
      flag: 'high',
      date: '2026-11-20',
    },
    {
      source: 'Observation/a1c-old',
      name: 'Hemoglobin A1c',
      code: '4548-4',
      category: 'laboratory',
      value: 6.7,
      unit: '%',
      low: 4,
      high: 5.6,
      flag: 'high',
      date: '2026-06-20',
    },
  );
  c.medications.push({
    source: 'MedicationRequest/ins',
    name: 'Insulin glargine 100 units/mL pen',
    dose: '20 units',
    refillsLeft: 3,
    lastFill: '2026-10-20',
  });
  return c;
}

function draft(
  text: string,
  t: Partial<TriageResult>,
  c: ChartContext | undefined = chart(),
  deps: Partial<DraftDeps> = {},
): Promise<DraftResult> {
  return draftReply({ text, chart: c, triage: triage(t) }, { model: null, prompts, now: NOW, ...deps });
}

const body = (d: DraftResult) => d.body.split('\n\n').slice(1, -1).join('\n\n');
const flagsOf = (d: DraftResult, code: string) => d.flags.filter((f) => f.code === code);

describe('look-alike words', () => {
  it('reads "cancer" as cancer, not a misspelt "cancel"', async () => {
    expect(fold('my mom had breast cancer')).toContain('cancer');
    const d = await draft('When should I start mammograms? My mom had breast cancer.', {});
    expect(d.body).not.toMatch(/cancel/i);
    expect(body(d)).toMatch(/start mammograms at age 40/);
  });

  it('still reads a real misspelling of a key word', () => {
    expect(fold('I need to cancle my appointment')).toContain('cancel');
    expect(fold('my perscription ran out')).toContain('prescription');
  });
});

describe('no neighbour facts', () => {
  it('gives no potassium to a biopsy question, and tells staff the chart holds no biopsy', async () => {
    const c = sampleChart();
    c.observations = c.observations.filter((o) => o.name === 'Potassium');
    const d = await draft(
      'Are my biopsy results back?',
      {
        category: 'results',
        reasons: ['routine: question about results — "Are my biopsy results"'],
      },
      c,
    );
    expect(d.body).not.toMatch(/potassium|4\.2/i);
    expect(flagsOf(d, 'not_in_chart')).toEqual([
      { code: 'not_in_chart', detail: 'message asks about a biopsy result; the chart holds none' },
    ]);
  });

  it('answers a vaccine question from the clinic, without a line about a blood-pressure medicine', async () => {
    const d = await draft('Can I get the flu shot here? Do you have the shingles vaccine?', {
      category: 'medication',
      reasons: ['routine: vaccine question — "Can I get the flu shot"'],
    });
    expect(d.body).not.toMatch(/lisinopril|levothyroxine|blood pressure|how you take your medicine/i);
    expect(body(d)).toMatch(/We give flu, COVID, shingles/);
  });

  it('flags a named lab the chart lacks, and states no other lab in its place', async () => {
    const d = await draft('Is my cholesterol ok?', { category: 'results' });
    expect(d.body).not.toMatch(/TSH|potassium|A1c|\d+(?:\.\d+)? ?(?:mg|mmol|%)/);
    expect(d.flags).toContainEqual({
      code: 'not_in_chart',
      detail: 'message asks about a cholesterol result; the chart holds none',
    });
  });

  it('never tells a patient already out of insulin "so you do not run out"', async () => {
    const t = { urgency: 'urgent' as const, category: 'medication' as const };
    for (const now of [NOW, OPEN]) {
      const d = await draft('I am already out of insulin, can you send more?', t, chart(), { now });
      expect(d.body).not.toMatch(/run out/);
    }
    const open = await draft('I am already out of insulin, can you send more?', t, chart(), { now: OPEN });
    expect(body(open)).toMatch(/A nurse will call you today\./);
    const closed = await draft('I am already out of insulin, can you send more?', t, chart(), { now: NOW });
    expect(body(closed)).toMatch(
      /Since you are out of it, please call our after-hours nurse line at \(217\) 555-0199\./,
    );
    // A cough gone ("ya no tengo tos") is not a medicine run out.
    const better = await draft('Ya me siento mucho mejor, ya no tengo tos.', {
      language: 'es',
      needsReply: false,
    });
    expect(better.flags.map((f) => f.code)).not.toContain('chart_contradiction');
    expect(better.body).not.toMatch(/run out|se queda sin/);
    // "No refills left" at the pharmacy is not "out of the medicine".
    const noRefills = await draft(
      'Necesito receta de levotiroxina, la farmacia dice que ya no tengo resurtidos',
      {
        category: 'medication',
        language: 'es',
      },
    );
    expect(body(noRefills)).toMatch(/Nos dijo que la farmacia necesita una receta nueva\./);
    const running = await draft('I am running low on insulin, can you send more?', t, chart(), { now: OPEN });
    expect(body(running)).toMatch(/so you do not run out/);
  });
});

describe('answers from the chart', () => {
  it('says whether a result is better than last time, judged against the normal range', async () => {
    const d = await draft('My A1c went from 6.7 to 6, is that better or worse?', {});
    expect(body(d)).toMatch(/Your A1c result from November 20 is 6%/);
    expect(body(d)).toMatch(
      /Last time it was 6\.7%\. It is closer to the normal range now, so this is better\./,
    );
    const es = await draft('Mi A1c bajó de 6.7 a 6, ¿es mejor?', { language: 'es' });
    expect(body(es)).toMatch(/Ahora está más cerca de lo normal\. Eso es mejor\./);
  });

  it('says a result moved away from the range without calling it better', async () => {
    const c = chart();
    c.observations = c.observations.map((o) =>
      o.source === 'Observation/a1c-new' ? { ...o, value: 7.4 } : o,
    );
    const d = await draft('Is my A1c better than last time?', { category: 'results' }, c);
    expect(body(d)).toMatch(/further from the normal range now/);
    expect(body(d)).not.toMatch(/better\./);
  });

  it('answers "the pharmacy needs a new approval" as such, and flags the chart\'s refills to staff', async () => {
    const d = await draft('The pharmacy says they need a new approval for my lisinopril.', {});
    expect(d.contextSnapshot.templateKinds).toEqual(['refill']);
    expect(body(d)).toMatch(/You said the pharmacy needs a new OK\./);
    expect(d.body).not.toMatch(/refills left|send the request to your pharmacy today/);
    expect(flagsOf(d, 'chart_contradiction')[0]?.detail).toBe(
      'message: the pharmacy needs a new approval; chart: 2 refill(s) left on Lisinopril 10 mg tablet (MedicationRequest/m1)',
    );
  });
});

describe('request analysis', () => {
  it('answers a knowledge question and gives the visit time the chart holds, in one reply', async () => {
    const d = await draft('When is my next appointment and do I need to fast for it?', {
      urgency: 'non_clinical',
      category: 'scheduling',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge', 'scheduling']);
    expect(body(d)).toMatch(/For most blood tests you do not need to fast\./);
    expect(body(d)).toMatch(/Your next visit is on December 3 at 9:30 AM with Dr\. Ana Ruiz\./);
  });

  it('reads "sin cita" and "la gripe" in a vaccine question as neither a visit nor a symptom', async () => {
    const d = await draft('¿Puedo ir sin cita para la vacuna de la gripe?', {
      category: 'medication',
      categories: ['medication', 'symptom', 'scheduling'],
      language: 'es',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(body(d)).toMatch(/^Gracias por su pregunta\. No necesita cita para la vacuna de la gripe\./);
    expect(d.body).not.toMatch(/cómo se siente|próxima cita/);
  });

  it('does not read "my blood pressure pill" as a question about a blood pressure result', async () => {
    const d = await draft('Is it ok to take Tylenol for my headache with my blood pressure pill?', {
      category: 'medication',
    });
    expect(d.flags.map((f) => f.detail)).not.toContainEqual(expect.stringMatching(/blood pressure result/));
  });

  it('lists each part of a message with the words that name it', async () => {
    const d = await draft(
      'I waited 2 hours in the lobby and nobody called me. Also can you send my records to Dr. Smith?',
      { urgency: 'non_clinical', category: 'forms_records' },
    );
    expect(d.contextSnapshot.requests?.map((p) => p.kind)).toEqual(['complaint', 'form']);
    expect(d.contextSnapshot.requests?.[1]?.words).toMatch(/send my records/);
    // Both parts answered: the complaint first, then the records request.
    expect(d.contextSnapshot.templateKinds).toEqual(['complaint', 'forms_records']);
    expect(body(d)).toMatch(/We are sorry about your experience/);
    expect(body(d)).toMatch(/records request/);
  });

  it("tells the approver which part of a three-part message the draft leaves out, in the patient's words", async () => {
    const d = await draft(
      'Can you refill my lisinopril? Also I need to cancel my appointment on December 3. And what is your fax number?',
      { category: 'medication', categories: ['medication', 'scheduling'] },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['refill', 'scheduling']);
    expect(d.flags.filter((f) => f.code === 'part_not_answered')).toEqual([
      { code: 'part_not_answered', detail: 'information: "fax"' },
    ]);
    const two = await draft(
      'Can you refill my lisinopril? Also I need to cancel my appointment on December 3.',
      {
        category: 'medication',
        categories: ['medication', 'scheduling'],
      },
    );
    expect(two.flags.map((f) => f.code)).not.toContain('part_not_answered');
  });

  it('answers an information question beside a request in the same message', async () => {
    const d = await draft(
      'Do you have an interpreter for Vietnamese? Also I need to reschedule my appointment on December 3.',
      { urgency: 'non_clinical', category: 'scheduling' },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['scheduling', 'knowledge']);
    expect(body(d)).toMatch(/new time for your visit on December 3/);
    expect(body(d)).toMatch(/free interpreters/);
  });

  it('thanks a thank-you note instead of promising a reply to it', async () => {
    const d = await draft('Thank you so much for your help last week!', {
      urgency: 'non_clinical',
      reasons: ['non_clinical: thank-you note — "Thank"'],
    });
    expect(body(d)).toBe(
      'You are very welcome. Thank you for your kind words. We will share them with the team.',
    );
    const withAsk = await draft('Thanks! Can I get a copy of my records?', {
      urgency: 'non_clinical',
      category: 'forms_records',
    });
    expect(withAsk.contextSnapshot.templateKinds).not.toContain('thanks');
    const better = await draft('I feel much better now, thank you! The antibiotics worked.', {
      categories: ['symptom', 'other'],
      category: 'symptom',
      needsReply: false,
    });
    expect(body(better)).toMatch(/^Thank you for the update\. We are glad to hear things are better\./);
    const withSymptom = await draft('Thank you! My knee still hurts a bit though.', {
      categories: ['other'],
    });
    expect(withSymptom.contextSnapshot.templateKinds).not.toContain('thanks');
  });
});
