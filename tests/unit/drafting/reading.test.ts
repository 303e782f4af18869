/** The drafter's own reading of a message: sub-kinds and requests triage's categories do not tell apart. */
import {
  asksFor,
  contactChange,
  mentionsSelfHarm,
  readMessage,
  reportsImproving,
  schedulingRequest,
} from '../../../src/drafting/reading';
import { chooseKinds } from '../../../src/drafting/template-draft';
import { sampleChart, triage } from './fixtures';

describe('contact-detail changes', () => {
  it.each([
    ['Please update my phone number to (309) 555-0154. The old one is disconnected.', 'phone'],
    ['I moved, my new address is 12 Oak St, Springfield IL 62704. Please update my file.', 'address'],
    ['Can you change my email to kim@example.com?', 'email'],
    ['Please change my preferred pharmacy to the Walgreens on Elm St.', 'pharmacy'],
    ['Please change my perferred pharmacy to the Walgreens on Elm St.', 'pharmacy'],
    ['I got married, please update my last name.', 'name'],
    ['Por favor cambien mi número de teléfono a (312) 555-0180.', 'phone'],
    ['por favor cambien mi famracia a la Walgreens de la calle Elm.', 'pharmacy'],
    ['Me mudé. Mi nueva dirección es 45 Pine St.', 'address'],
  ])('%s → %s', (text, kind) => {
    expect(contactChange(text)).toBe(kind);
  });

  it('does not read a result number or an insurance change as a contact update', () => {
    expect(contactChange('My kidney number went up, is that bad?')).toBeUndefined();
    expect(contactChange('My insurance changed on the first of the month.')).toBeUndefined();
    expect(contactChange('I need my records sent to my new doctor.')).toBeUndefined();
  });
});

describe('scheduling requests', () => {
  it.each([
    ['Please cancel my appointment on January 15. I will call to set up a new one later.', 'cancel'],
    ['Por favor cancelen mi cita del 4 de enero.', 'cancel'],
    ['I need to reschedule my annual physical on February 8 at 12:20 PM.', 'reschedule'],
    ['can we move my appointment on March 3? something came up', 'reschedule'],
    ['Necesito cambiar mi cita del 14 de diciembre.', 'reschedule'],
    ["I'd like to schedule my yearly physical with Dr. Abara.", 'book'],
    ['How do I make an appoinmtent for a flu shot? Can I just walk in?', 'book'],
    ['Quiero hacer una cita para mi examen anual.', 'book'],
    ['What time is my visit next week?', 'question'],
  ])('%s → %s', (text, request) => {
    expect(schedulingRequest(text)).toBe(request);
  });
});

describe('updates, self-harm and clear requests', () => {
  it('tells an improvement from a worsening', () => {
    expect(reportsImproving('Feeling much better after the antibiotics, no more fever.')).toBe(true);
    expect(reportsImproving('Solo para avisar que ya me siento mucho mejor, ya no tengo tos.')).toBe(true);
    expect(reportsImproving('I felt better for a day but now the fever came back.')).toBe(false);
    expect(reportsImproving('It is not any better and the cough is worse.')).toBe(false);
  });

  it('finds self-harm in triage reasons or in the text, and not in other emergencies', () => {
    expect(mentionsSelfHarm('x', ['emergent: suicidal thoughts with plan or intent — "plan"'])).toBe(true);
    expect(mentionsSelfHarm('x', ['urgent: thoughts of not wanting to be alive — "wake up"'])).toBe(true);
    expect(mentionsSelfHarm('I have been thinking about ending my life.')).toBe(true);
    expect(mentionsSelfHarm('Pienso que sería mejor no despertar.')).toBe(true);
    expect(mentionsSelfHarm('Her face is drooping', ['emergent: face drooping — "face is drooping"'])).toBe(
      false,
    );
    expect(mentionsSelfHarm('I took 20 pills by mistake', ['emergent: overdose or poisoning'])).toBe(false);
  });

  it('needs a clear request phrase, not just a word a category shares', () => {
    expect(
      asksFor('scheduling', 'necesito una carta para mi trabajo que diga que vine a consulta el lunes'),
    ).toBe(false);
    expect(
      asksFor('portal_technical', "Is my sodium ok? I don't understand the numbers in the portal."),
    ).toBe(false);
    expect(asksFor('portal_technical', 'I cannot log in, it says my password is wrong')).toBe(true);
    expect(asksFor('forms_records', 'Also I need a note for work saying I was seen Monday.')).toBe(true);
    expect(asksFor('billing', 'Can I set up a payment plan?')).toBe(true);
  });
});

describe("correcting triage's category from the text and the chart", () => {
  const chart = sampleChart();

  it('reads a result question triaged as a symptom as a result question, in both languages', () => {
    for (const text of [
      '¿Mi resultado de TSH está mejor? Antes era 4.1 y ahora salió 5.8.',
      'My TSH went from 4.1 to 5.8. Is that better or worse?',
    ]) {
      const r = readMessage(text, triage({ category: 'symptom' }), chart);
      expect(r.categories[0]).toBe('results');
      expect(r.categories).not.toContain('symptom');
      expect(r.improving).toBe(false);
    }
  });

  it('reads a log of home readings as a symptom update, even beside a number the chart holds', () => {
    expect(
      readMessage(
        'My fasting sugars this week: 118, 124, 109, 131, 115. Potassium last time was 4.2. Am I doing ok?',
        triage({ category: 'symptom' }),
        chart,
      ).categories[0],
    ).toBe('symptom');
  });

  it('reads more improvement wordings, and not a question about a result', () => {
    expect(
      reportsImproving("The dizziness went away after you stopped the pill. Haven't had any since."),
    ).toBe(true);
    expect(reportsImproving("it's completely gone now and I'm eating normally")).toBe(true);
    expect(reportsImproving('the new inhaler is working great')).toBe(true);
    const r = readMessage('¿Mi resultado de TSH está mejor?', triage({ category: 'symptom' }), chart);
    expect(r.improving).toBe(false);
  });

  it('keeps a home reading a symptom, and a test the chart lacks is no chart result', () => {
    expect(
      readMessage('Mi presión en casa salió 177/108 esta mañana.', triage({ category: 'symptom' }), chart)
        .categories[0],
    ).toBe('symptom');
    expect(
      readMessage('My A1c came back 7.2, is that ok?', triage({ category: 'symptom' }), chart).categories[0],
    ).toBe('symptom');
  });

  it('keeps urgent messages as triage read them', () => {
    const r = readMessage(
      'My TSH went from 4.1 to 5.8 and I feel faint',
      triage({ urgency: 'urgent', category: 'symptom' }),
      chart,
    );
    expect(r.categories).toEqual(['symptom']);
  });

  it('finds the request in a message triage could only call "other"', () => {
    expect(
      readMessage('¿Puedo hacer un plan de pagos para lo que debo?', triage(), chart).categories[0],
    ).toBe('billing');
    expect(
      readMessage('can you send my rceords to the specialist I am seeing?', triage(), chart).categories[0],
    ).toBe('forms_records');
    expect(
      readMessage('se me olvidó tomar el lisinopril ayer. ¿Me tomo dos hoy?', triage(), chart).categories[0],
    ).toBe('medication');
    expect(readMessage('Could you go over my lab results with me?', triage(), chart).categories[0]).toBe(
      'results',
    );
  });
});

describe('choosing the reply paragraphs', () => {
  const chart = sampleChart();
  const kinds = (text: string, t = triage()) => chooseKinds(t, text, readMessage(text, t, chart));

  it('gives a contact change its own reply, not the forms reply', () => {
    expect(
      kinds(
        'Please update my phone number to (309) 555-0154.',
        triage({
          urgency: 'non_clinical',
          category: 'forms_records',
          categories: ['forms_records', 'other'],
        }),
      ),
    ).toEqual(['contact_update']);
  });

  it('adds no paragraph for a category the message does not really ask about', () => {
    expect(
      kinds(
        'necesito una carta para mi trabajo que diga que vine a consulta el lunes',
        triage({
          urgency: 'non_clinical',
          category: 'forms_records',
          categories: ['forms_records', 'scheduling'],
          language: 'es',
        }),
      ),
    ).toEqual(['forms_records']);
    expect(
      kinds(
        "Is my TSH ok? I don't understand the numbers in the portal.",
        triage({ category: 'results', categories: ['results', 'portal_technical', 'other'] }),
      ),
    ).toEqual(['results']);
    expect(
      kinds(
        'Tengo alergias de temporada. ¿Puedo tomar pastillas para la alergia sin receta?',
        triage({ category: 'symptom', categories: ['symptom', 'medication'], language: 'es' }),
      ),
    ).toEqual(['symptom_routine']);
  });

  it('adds a second paragraph for a second request the message clearly makes, and never a third', () => {
    expect(
      kinds(
        'Please cancel my appointment on December 3. Also I need a note for work for last Monday.',
        triage({
          urgency: 'non_clinical',
          category: 'scheduling',
          categories: ['scheduling', 'forms_records'],
        }),
      ),
    ).toEqual(['scheduling', 'forms_records']);
    expect(
      kinds(
        'My home blood pressure was 174/104. Should I take an extra lisinopril?',
        triage({ category: 'symptom', categories: ['symptom', 'medication', 'other'] }),
      ),
    ).toEqual(['symptom_routine', 'medication']);
    expect(
      kinds(
        'Please refill my lisinopril, send my FMLA form and explain my bill.',
        triage({ category: 'medication', categories: ['medication', 'forms_records', 'billing'] }),
      ),
    ).toEqual(['refill', 'forms_records']);
  });

  it('answers an improvement update with the update reply, also when no reply is needed', () => {
    expect(
      kinds(
        'Feeling much better after the antibiotics, no more fever. Do I still need the follow up?',
        triage({ category: 'symptom', categories: ['symptom', 'other'] }),
      ),
    ).toEqual(['improving']);
    expect(kinds('The cough is finally gone. Thanks!', triage({ needsReply: false }))).toEqual(['improving']);
    expect(kinds('Thank you all so much!', triage({ needsReply: false }))).toEqual(['acknowledgement']);
  });
});
