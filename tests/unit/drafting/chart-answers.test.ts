/**
 * Offline drafts answer the question asked, from the chart or the clinic's knowledge, and promise only
 * what the clinic has decided: a goal the patient states for a result, a medicine the active list lacks,
 * a form nobody has yet, a disputed charge, proxy access, a pain-medicine question, a blood draw that is
 * not bleeding, a dose question that is not a price question.
 */
import path from 'node:path';
import type { ChartContext, ObservationFact } from '../../../src/context/types';
import { draftReply } from '../../../src/drafting/drafter';
import { loadPrompts } from '../../../src/drafting/prompts';
import { statedGoal } from '../../../src/drafting/template-view';
import { disputesCharge } from '../../../src/drafting/template-draft';
import type { DraftResult } from '../../../src/drafting/types';
import type { TriageResult } from '../../../src/triage/types';
import { NOW, sampleChart, triage } from './fixtures';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));

function draft(text: string, t: Partial<TriageResult>, chart: ChartContext = sampleChart()) {
  return draftReply({ text, chart, triage: triage(t) }, { model: null, prompts, now: NOW });
}

function body(d: DraftResult): string {
  return d.body.split('\n\n').slice(1, -1).join('\n\n');
}

function a1c(value: number, date: string): ObservationFact {
  return {
    source: `Observation/a1c-${date}`,
    code: '4548-4',
    name: 'Hemoglobin A1c',
    category: 'laboratory',
    value,
    unit: '%',
    high: 5.7,
    flag: value > 5.7 ? 'high' : 'normal',
    date,
  };
}

function a1cChart(latest: number): ChartContext {
  const chart = sampleChart();
  return {
    ...chart,
    observations: [a1c(latest, '2026-11-24'), a1c(8.1, '2026-06-03'), ...chart.observations],
  };
}

describe('a goal the patient states for a result', () => {
  it('reads a bound only in a sentence that names a goal, near the value', () => {
    expect(statedGoal('Dr said we wanted it under 7 so am I there?', 7.2)).toEqual({
      direction: 'under',
      target: 7,
    });
    expect(statedGoal('Mi meta es menos de 130.', 142)).toEqual({ direction: 'under', target: 130 });
    expect(statedGoal('My goal was to keep it above 40', 45)).toEqual({ direction: 'over', target: 40 });
    // No goal word: "under 7 days" is not a goal.
    expect(statedGoal('I have been sick under 7 days', 7.2)).toBeUndefined();
    // A goal word, but the number is about something else (pounds), far from the value.
    expect(statedGoal('The doctor wants me to lose more than 50 pounds', 7.2)).toBeUndefined();
  });

  it('says plainly whether the A1c is under the goal, besides the range and the change', async () => {
    const text =
      'is my A1C of 7.2 better than last time? Dr said we wanted it under 7 so am I still not there';
    const d = await draft(text, { category: 'results' }, a1cChart(7.2));
    expect(body(d)).toMatch(
      /Last time it was 8\.1%\. It is closer to the normal range now, so this is better\./,
    );
    expect(body(d)).toMatch(/You said your goal is under 7\. You are not there yet\./);
  });

  it('says the goal is met when it is, in Spanish too', async () => {
    const d = await draft(
      '¿Cómo salió mi A1C? El doctor quería que estuviera debajo de 7... mi meta es menos de 7',
      { category: 'results', language: 'es' },
      a1cChart(6.8),
    );
    expect(body(d)).toMatch(/Usted dijo que su meta es menos de 7\. Ya la alcanzó\./);
  });

  it('says nothing about a goal the patient did not state', async () => {
    const d = await draft('is my A1C better than last time?', { category: 'results' }, a1cChart(7.2));
    expect(body(d)).not.toMatch(/goal/);
  });
});

describe('a refill of a medicine the active list lacks', () => {
  it('says it is not on the list and who decides, never that it will be sent', async () => {
    const d = await draft('Need a refill on my amlodipine 5mg please, ran out a couple weeks ago', {
      category: 'medication',
    });
    expect(body(d)).toMatch(/Amlodipine is not on your current medicine list\./);
    expect(body(d)).toMatch(/Dr\. Ana Ruiz will decide whether to prescribe it/);
    expect(body(d)).not.toMatch(/send the request|to your pharmacy|today/);
  });

  it('in Spanish', async () => {
    const d = await draft('Necesito resurtido de mi amlodipino por favor', {
      category: 'medication',
      language: 'es',
    });
    expect(body(d)).toMatch(/no está en su lista de medicinas de ahora/);
    expect(body(d)).not.toMatch(/mandamos|farmacia/);
  });

  it('still gives the chart refills for a medicine on the list', async () => {
    const d = await draft('Can I get a refill of my lisinopril?', { category: 'medication' });
    expect(body(d)).toMatch(/You have 2 refills left\./);
    expect(body(d)).not.toMatch(/not on your current medicine list/);
  });
});

describe('forms: no work is promised before the clinic has the form', () => {
  it('says staff will check that the form arrived, not that they started on it', async () => {
    const d = await draft(
      'My employer needs FMLA paperwork filled out. I faxed it over on Monday, did you guys get it?',
      { category: 'forms_records', urgency: 'non_clinical' },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['forms_records']);
    expect(body(d)).toMatch(/Our staff will check that we have your form/);
    expect(body(d)).not.toMatch(/start on it|We will start/);
  });

  it('in Spanish, with no "ya empezamos"', async () => {
    const d = await draft('Necesito una carta para mi trabajo que diga que estuve en la cita el martes', {
      category: 'forms_records',
      urgency: 'non_clinical',
      language: 'es',
    });
    expect(body(d)).toMatch(/va a revisar que tengamos su formulario/);
    expect(body(d)).not.toMatch(/empezamos|vamos a empezar/);
  });

  it('answers how to send a work form from the knowledge folder, not with insurance', async () => {
    const d = await draft(
      'I need a form filled out for my new job. Can I upload it on here or do I have to drop it off? how long does it usually take',
      { category: 'forms_records', urgency: 'non_clinical' },
    );
    expect(body(d)).toMatch(/upload a form in the portal/);
    expect(body(d)).not.toMatch(/Medicare|refill/i);
  });

  it('adds no "we will start on your form" after the knowledge answer about records', async () => {
    const d = await draft(
      'Me voy a cambiar a Houston, ¿cómo le hago para que manden mi expediente a la otra clínica?',
      { category: 'forms_records', categories: ['forms_records'], urgency: 'non_clinical', language: 'es' },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(body(d)).toMatch(/formulario de entrega de expediente/);
    expect(body(d)).not.toMatch(/empezar|empezamos/);
  });
});

describe('billing', () => {
  it('tells a disputed charge from a price question', () => {
    expect(disputesCharge('Why am I getting charged anything? Was it coded wrong?')).toBe(true);
    expect(disputesCharge('I got charged a $40 no-show fee but I cancelled the day before')).toBe(true);
    expect(disputesCharge('¿Por qué me cobraron si ya pagué?')).toBe(true);
    expect(disputesCharge('How much does a visit cost without insurance?')).toBe(false);
  });

  it('sends a disputed charge to billing first, without "pay in the portal"', async () => {
    const d = await draft(
      'I got a bill for $185 from my visit on Oct 22 but I have Medicare. Why am I getting charged anything? Was it coded wrong?',
      { category: 'billing', urgency: 'non_clinical' },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['billing']);
    expect(body(d)).toMatch(/billing team will look at your account/);
    expect(body(d)).not.toMatch(/pay your bill in the portal|payment plan/);
  });

  it('reads "I cancelled" in a fee dispute as the charge\'s subject, not a request to cancel', async () => {
    const d = await draft(
      'I got charged a $40 no-show fee for Nov 12 but I cancelled through the portal the day before. Also how do I download my visit summary?',
      {
        category: 'billing',
        categories: ['billing', 'scheduling', 'portal_technical'],
        urgency: 'non_clinical',
      },
    );
    expect(d.contextSnapshot.templateKinds[0]).toBe('billing');
    expect(d.contextSnapshot.templateKinds).not.toContain('scheduling');
    expect(body(d)).not.toMatch(/need to cancel|will cancel it/);
  });

  it('answers a price question from the knowledge folder with no account review promised', async () => {
    const d = await draft('Ya no tengo seguro. ¿Cuánto cuesta una consulta si pago en efectivo?', {
      category: 'billing',
      urgency: 'non_clinical',
      language: 'es',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['knowledge']);
    expect(body(d)).toMatch(/\$95/);
    expect(body(d)).not.toMatch(/va a ver su cuenta/);
  });
});

describe('proxy access from the knowledge folder', () => {
  it('answers how a daughter can see the account and send messages', async () => {
    const d = await draft('How do I set it up so my daughter can see my account and send messages for me?', {
      category: 'portal_technical',
      urgency: 'non_clinical',
    });
    expect(body(d)).toMatch(/family member or caregiver can get their own portal access/);
    expect(body(d)).toMatch(/proxy form/);
    expect(body(d)).not.toMatch(/Your next visit/);
  });

  it('in Spanish', async () => {
    const d = await draft('¿Cómo le hago para que mi hija tenga acceso a mi cuenta del portal?', {
      category: 'portal_technical',
      urgency: 'non_clinical',
      language: 'es',
    });
    expect(body(d)).toMatch(/acceso al portal de otra persona/);
  });
});

describe('a pain medicine with a blood pressure medicine', () => {
  it('gives the clinic passage (acetaminophen first, ask before NSAIDs) after a routine symptom', async () => {
    const d = await draft(
      'hurt my back moving furniture this weekend. is it ok to take advil with my blood pressure pill? how much can i take',
      { category: 'symptom', categories: ['symptom', 'medication'] },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['symptom_routine', 'knowledge']);
    expect(body(d)).toMatch(/acetaminophen \(Tylenol\) is the safer pain medicine/);
    expect(body(d)).toMatch(/ask us before you take them/);
    // "How much can I take" asks for a dose, not a price.
    expect(body(d)).not.toMatch(/\$95|sliding fee/);
    // No nurse call is promised for a routine question.
    expect(body(d)).not.toMatch(/nurse will (?:call|confirm)/i);
  });

  it('in Spanish', async () => {
    const d = await draft('¿Puedo tomar ibuprofeno con mi pastilla de la presión? Me duele la rodilla.', {
      category: 'symptom',
      categories: ['symptom', 'medication'],
      language: 'es',
    });
    expect(body(d)).toMatch(/el paracetamol \(Tylenol\) es la medicina para el dolor más segura/);
  });

  it('gives no pain-medicine passage to a symptom message that asks no medicine question', async () => {
    const d = await draft('My knee has been aching for two weeks, worse on stairs.', { category: 'symptom' });
    expect(body(d)).not.toMatch(/acetaminophen/);
  });
});

describe('symptom replies only for symptoms', () => {
  it('reads a blood draw as a lab visit, not bleeding: no "if it does not get better" on a portal question', async () => {
    const d = await draft(
      'No puedo ver mis resultados de laboratorio en el portal, dice que no hay nada nuevo pero me sacaron sangre el 20 de noviembre. ¿Cómo los encuentro?',
      {
        category: 'symptom',
        categories: ['symptom', 'portal_technical'],
        language: 'es',
        reasons: ['routine: bleeding — "sangre"', 'non_clinical: portal or login problem — "portal"'],
      },
    );
    expect(d.contextSnapshot.templateKinds).not.toContain('symptom_routine');
    expect(body(d)).not.toMatch(/no mejora|se siente peor/);
  });

  it('in English', async () => {
    const d = await draft(
      'They drew blood on Nov 20 but the portal shows nothing new. Where are my results?',
      {
        category: 'symptom',
        categories: ['symptom', 'portal_technical'],
        reasons: ['routine: bleeding — "blood"', 'non_clinical: portal or login problem — "portal"'],
      },
    );
    expect(d.contextSnapshot.templateKinds).not.toContain('symptom_routine');
    expect(body(d)).not.toMatch(/not getting better|gets worse/);
  });

  it('keeps the symptom reply for real bleeding beside a blood draw', async () => {
    const d = await draft('They drew blood yesterday and now my gums are bleeding a lot. Is that normal?', {
      category: 'symptom',
      categories: ['symptom', 'results'],
      reasons: ['routine: bleeding — "bleeding"'],
    });
    expect(d.contextSnapshot.templateKinds[0]).toBe('symptom_routine');
  });
});

describe('each part of a multi-part message, and no promise the result may change', () => {
  /** Levothyroxine with refills left, and the sample chart's TSH (5.8, high). */
  function thyroidChart(): ChartContext {
    const chart = sampleChart();
    return {
      ...chart,
      medications: chart.medications.map((m) =>
        m.name.startsWith('Levothyroxine') ? { ...m, refillsLeft: 1 } : m,
      ),
    };
  }

  it('answers the result question triage missed, and holds the refill until the clinician sees the high TSH', async () => {
    const d = await draft(
      "Two things: can you refill my levothyroxine, I'm almost out. And did my thyroid test come back ok?",
      { category: 'medication', categories: ['medication'] },
      thyroidChart(),
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['refill', 'results']);
    expect(body(d)).toMatch(/will look at your new thyroid test \(TSH\) result before sending it/);
    expect(body(d)).not.toMatch(/send the request to your pharmacy|refills? left/);
    expect(body(d)).toMatch(/TSH\) result from November 20 is 5\.8 mIU\/L/);
  });

  it('still sends a refill with refills left when no result is asked about', async () => {
    const d = await draft(
      "Can you refill my levothyroxine, I'm almost out.",
      { category: 'medication' },
      thyroidChart(),
    );
    expect(body(d)).toMatch(/You have 1 refill left\./);
    expect(body(d)).not.toMatch(/before sending it/);
  });

  it('keeps the refill promise when the result asked about is normal', async () => {
    const d = await draft(
      'Can you refill my levothyroxine? And did my potassium come back ok?',
      { category: 'medication', categories: ['medication'] },
      thyroidChart(),
    );
    expect(body(d)).not.toMatch(/before sending it/);
  });
});

describe('a thank-you with a doubtful name in it', () => {
  it('reads "(Tina?)" as doubt, not a question: no "will read your question"', async () => {
    const d = await draft(
      'Just wanted to say thank you to Dr. Reyes and the nurse (Tina?) for squeezing me in on Tuesday. Feeling much better already!',
      { category: 'other', urgency: 'non_clinical', needsReply: false },
    );
    expect(body(d)).not.toMatch(/your question|write back/);
  });
});

describe('checking a visit without the word "appointment"', () => {
  it('answers "still on for Thursday with Dr Ruiz?" with the chart visit', async () => {
    const d = await draft(
      "Just confirming I'm still on for Thursday morning with Dr Ruiz? want to ask off work",
      {
        category: 'other',
        urgency: 'non_clinical',
      },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['scheduling']);
    expect(body(d)).toMatch(/December 3 at 9:30 AM/);
  });

  it('in Spanish', async () => {
    const d = await draft('¿Sigo teniendo cita el jueves en la mañana con la doctora?', {
      category: 'other',
      urgency: 'non_clinical',
      language: 'es',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['scheduling']);
    expect(body(d)).toMatch(/3 de diciembre/);
  });

  it('gives no other visit for a named day the chart has none on', async () => {
    const d = await draft("Just confirming I'm still on for Monday at 9 with Dr Ruiz?", {
      category: 'other',
      urgency: 'non_clinical',
    });
    expect(body(d)).not.toMatch(/December 3/);
  });
});

describe('visit questions with a second part', () => {
  it('answers "do I need to fast for it" from the knowledge folder beside the visit time', async () => {
    const d = await draft(
      'hey when is my physical? i think its next week sometime but i lost the card. also do i need to fast for it',
      { category: 'scheduling', urgency: 'non_clinical' },
    );
    expect(d.contextSnapshot.templateKinds).toContain('scheduling');
    expect(d.contextSnapshot.templateKinds).toContain('knowledge');
    expect(body(d)).toMatch(/do not need to fast/);
    expect(body(d)).toMatch(/December 3/);
  });

  it('reads "me la pueden cambiar para la otra semana" as moving the visit, not a question about it', async () => {
    const d = await draft(
      'Hola, tengo cita el jueves 3 pero no voy a poder ir. Me la pueden cambiar para la otra semana en la mañana?',
      { category: 'scheduling', urgency: 'non_clinical', language: 'es' },
    );
    expect(body(d)).toMatch(/otra hora para su cita del 3 de diciembre/);
    expect(body(d)).not.toMatch(/Su próxima cita es/);
  });
});

describe('a result question triage filed under no category', () => {
  it('gets the results reply, not the general acknowledgement, and no other result in its place', async () => {
    const d = await draft(
      'I had that spot on my back biopsied by the dermatologist on Nov 18th, has the result come back yet? im kind of worried',
      { category: 'other' },
    );
    expect(d.contextSnapshot.templateKinds[0]).toBe('results');
    expect(body(d)).toMatch(/Thank you for asking about your test results/);
    expect(body(d)).not.toMatch(/TSH|Potassium/i);
  });
});
