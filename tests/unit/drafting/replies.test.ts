/**
 * Template replies a staff member could send after a glance: right for what the patient asked, grounded
 * in the chart, on the clinic's clock, without boilerplate that does not apply.
 */
import path from 'node:path';
import type { ChartContext, ObservationFact } from '../../../src/context/types';
import { draftReply } from '../../../src/drafting/drafter';
import { APPROVER_NOTES } from '../../../src/drafting/staff-flags';
import { loadPrompts } from '../../../src/drafting/prompts';
import type { DraftDeps, DraftResult } from '../../../src/drafting/types';
import type { TriageResult } from '../../../src/triage/types';
import { NOW, sampleChart, triage } from './fixtures';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));

function lab(
  code: string,
  name: string,
  value: number,
  date: string,
  high: number,
  low = 0,
): ObservationFact {
  return {
    source: `Observation/${code}-${date}`,
    code,
    name,
    category: 'laboratory',
    value,
    unit: 'mg/dL',
    low,
    high,
    flag: value > high ? 'high' : 'normal',
    date,
  };
}

/** The sample chart with a lipid panel drawn twice, newest first. */
function lipidChart(withTriglycerides = true): ChartContext {
  const chart = sampleChart();
  const panel = [
    lab('2093-3', 'Cholesterol, total', 182, '2026-11-01', 199, 100),
    lab('13457-7', 'LDL cholesterol', 112, '2026-11-01', 99),
    lab('2085-9', 'HDL cholesterol', 45, '2026-11-01', 100, 40),
    lab('2571-8', 'Triglycerides', 195, '2026-11-01', 149),
    lab('2093-3', 'Cholesterol, total', 201, '2026-08-01', 199, 100),
    lab('13457-7', 'LDL cholesterol', 130, '2026-08-01', 99),
    lab('2085-9', 'HDL cholesterol', 43, '2026-08-01', 100, 40),
    lab('2571-8', 'Triglycerides', 213, '2026-08-01', 149),
  ].filter((o) => withTriglycerides || o.code !== '2571-8');
  return { ...chart, observations: [...panel, ...chart.observations] };
}

/** Visits stored in UTC, as a FHIR server often returns them. */
function visitChart(): ChartContext {
  return {
    ...sampleChart(),
    appointments: [
      {
        source: 'Appointment/ap1',
        start: '2026-12-14T19:20:00.000Z',
        practitioner: 'Dr. Ana Ruiz',
        status: 'booked',
      },
      {
        source: 'Appointment/ap2',
        start: '2027-01-15T21:00:00.000Z',
        practitioner: 'Dr. Ana Ruiz',
        status: 'booked',
      },
    ],
  };
}

function draft(
  text: string,
  t: Partial<TriageResult>,
  chart: ChartContext = sampleChart(),
  deps: Partial<DraftDeps> = {},
): Promise<DraftResult> {
  return draftReply({ text, chart, triage: triage(t) }, { model: null, prompts, now: NOW, ...deps });
}

function body(d: DraftResult): string {
  const lines = d.body.split('\n\n');
  return lines.slice(1, -1).join('\n\n');
}

// Notes for the approver (a promise made, a knowledge passage used) describe the draft; they are not faults.
const problems = (d: DraftResult) =>
  d.flags.filter(
    (f) => !['needs_translation', 'chart_warnings'].includes(f.code) && !APPROVER_NOTES.has(f.code),
  );

/** Monday 10:00 in Chicago: the clinic is open, so "today" promises may be made (NOW is a Saturday). */
const OPEN = new Date('2026-11-30T16:00:00Z');

describe('contact-detail changes', () => {
  it('acknowledges a new phone number without the forms wording or a claim that it is done', async () => {
    const d = await draft('Please update my phone number to (309) 555-0154. The old one is disconnected.', {
      urgency: 'non_clinical',
      category: 'forms_records',
      categories: ['forms_records', 'other'],
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['contact_update']);
    expect(body(d)).toMatch(/front desk will update your phone number/);
    expect(d.body).not.toMatch(/business days|Forms, letters|is updated|was updated|has been updated/);
    expect(problems(d)).toEqual([]);
    expect(d.readingGrade!).toBeLessThanOrEqual(d.targetGrade);
  });

  it('handles a pharmacy change in Spanish, with a next step for a refill', async () => {
    const d = await draft('Por favor cambien mi farmacia a la Walgreens de la calle Elm.', {
      urgency: 'non_clinical',
      language: 'es',
    });
    expect(d.language).toBe('es');
    expect(body(d)).toMatch(/cambiar su farmacia/);
    expect(body(d)).toMatch(/díganos cuál/);
    expect(d.body).not.toMatch(/lo va a leer/);
    expect(problems(d)).toEqual([]);
  });
});

describe('one paragraph per real request', () => {
  it('answers a Spanish work-note request with the forms reply only', async () => {
    const d = await draft('necesito una carta para mi trabajo que diga que vine a consulta el lunes', {
      urgency: 'non_clinical',
      category: 'forms_records',
      categories: ['forms_records', 'scheduling'],
      language: 'es',
    });
    expect(d.contextSnapshot.templateKinds).toEqual(['forms_records']);
    expect(d.body).not.toMatch(/cita/i);
    expect(body(d).split('\n\n')).toHaveLength(1);
  });

  it('keeps a second request to a short line, without a second thank-you or phone number', async () => {
    const d = await draft(
      'Please cancel my appointment on December 14. Also I need a note for work for last Monday.',
      { urgency: 'non_clinical', category: 'scheduling', categories: ['scheduling', 'forms_records'] },
      visitChart(),
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['scheduling', 'forms_records']);
    const [, second] = body(d).split('\n\n');
    expect(second).toMatch(/^For your form or records request, our staff will check that we have it\./);
    expect(second).not.toMatch(/start on/);
    expect(second).not.toMatch(/Thank you|555-0100/);
    expect(problems(d)).toEqual([]);
  });
});

describe('result questions', () => {
  it('answers about the test the patient names: triglycerides, not total cholesterol', async () => {
    const d = await draft(
      'just saw my new labs, triglycerides is 195 now, last time it was 213. should i be worried?',
      { category: 'results', categories: ['results', 'other'] },
      lipidChart(),
    );
    expect(body(d)).toMatch(/^Your triglycerides result from November 1 is 195 mg\/dL\./);
    expect(body(d)).toMatch(/Last time it was 213 mg\/dL\./);
    expect(d.body).not.toMatch(/182|Cholesterol, total|total cholesterol/);
    expect(problems(d)).toEqual([]);
  });

  it.each([
    ['What does my LDL mean?', 'LDL (bad) cholesterol', '112'],
    ['Is my good cholesterol ok?', 'HDL (good) cholesterol', '45'],
    ['My total cholesterol went from 201 to 182, is that good?', 'total cholesterol', '182'],
    ['Can you explain my cholesterol?', 'total cholesterol', '182'],
  ])('%s → %s', async (text, name, value) => {
    const d = await draft(text, { category: 'results' }, lipidChart());
    expect(body(d)).toContain(`Your ${name} result from November 1 is ${value} mg/dL.`);
  });

  it("does not put another test's value in place of a named test the chart lacks", async () => {
    const d = await draft(
      'triglycerides is 195 now, last time it was 213. should i be worried?',
      { category: 'results' },
      lipidChart(false),
    );
    expect(d.body).not.toMatch(/182|201|112|45 mg/);
    expect(body(d)).toMatch(/will look at them/);
    expect(problems(d)).toEqual([]);
  });

  it('answers a Spanish result question triaged as a symptom with the result, named in Spanish', async () => {
    const d = await draft(
      '¿Mi resultado de TSH está mejor? Antes era 4.1 y ahora salió 5.8.',
      { category: 'symptom', language: 'es' },
      sampleChart(),
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['results']);
    expect(body(d)).toMatch(/^Su resultado de tiroides \(TSH\) del 20 de noviembre es 5\.8 mIU\/L\./);
    expect(d.body).not.toMatch(/Nos da gusto|le falta el aire/);
    expect(problems(d)).toEqual([]);
  });
});

describe('visits on the clinic clock', () => {
  it('acknowledges a cancellation of the visit the patient names, at its local time', async () => {
    const d = await draft(
      'Please cancel my appointment on January 15. I will call to set up a new one later.',
      { urgency: 'non_clinical', category: 'scheduling', categories: ['scheduling'] },
      visitChart(),
    );
    // 21:00 UTC in January is 3:00 PM in Chicago, the default clinic zone.
    expect(body(d)).toMatch(/you need to cancel your visit on January 15, 2027 at 3:00 PM\./);
    expect(body(d)).toMatch(/front desk will cancel it/);
    expect(d.body).not.toMatch(/9:00 PM|has been cancel|was cancel|December 14/);
    expect(problems(d)).toEqual([]);
  });

  it("uses the clinic's configured time zone", async () => {
    const d = await draft(
      'Necesito cambiar mi cita del 14 de diciembre porque tengo que trabajar.',
      { urgency: 'non_clinical', category: 'scheduling', language: 'es' },
      visitChart(),
      { timeZone: 'America/New_York' },
    );
    expect(body(d)).toMatch(/otra hora para su cita del 14 de diciembre a las 14:20\./);
    expect(problems(d)).toEqual([]);
  });

  it('names no other visit when the day the patient gives is not on the chart', async () => {
    const d = await draft(
      'I need to reschedule my visit on March 9, I have to work.',
      { urgency: 'non_clinical', category: 'scheduling' },
      visitChart(),
    );
    expect(d.body).not.toMatch(/December|January/);
    expect(body(d)).toMatch(/need a new time\. Our front desk will write back/);
  });

  it('asks for times for a new visit without promising one is booked', async () => {
    const d = await draft(
      "I'd like to schedule my yearly physical. Mornings are best.",
      { urgency: 'non_clinical', category: 'scheduling' },
      visitChart(),
    );
    expect(body(d)).toMatch(
      /^Thank you for asking for a visit\. Our front desk will write back .* with times\./,
    );
    expect(d.body).not.toMatch(/booked|scheduled|December|January/);
  });
});

describe('emergency and crisis lines', () => {
  it('gives 988 only when the message is about self-harm, in English and Spanish', async () => {
    const stroke = await draft('her face is drooping and she is slurring words', {
      urgency: 'emergent',
      category: 'symptom',
      reasons: ['emergent: face drooping — "face is drooping"'],
    });
    expect(stroke.source).toBe('escalation');
    expect(stroke.body).toMatch(/Call 911/);
    expect(stroke.body).not.toMatch(/988/);

    const plan = await draft('I have been saving my pills and plan to take them all tonight', {
      urgency: 'emergent',
      category: 'symptom',
      reasons: ['emergent: thoughts of not wanting to live with a plan or means — "saving up my pills"'],
    });
    expect(plan.body).toMatch(/call or text 988/);

    const es = await draft('Tengo guardadas mis pastillas y pienso tomármelas todas esta noche.', {
      urgency: 'emergent',
      category: 'symptom',
      language: 'es',
      reasons: ['emergent: suicidal thoughts with plan or intent — "pastillas y pienso tomarmelas"'],
    });
    expect(es.body).toMatch(/llame al 911/i);
    expect(es.body).toMatch(/988/);
  });

  it('adds the crisis line to the same-day reply for passive thoughts of not wanting to live', async () => {
    const d = await draft(
      "some days I wish I wouldn't wake up. I'm safe, no plans",
      {
        urgency: 'urgent',
        category: 'symptom',
        reasons: ['urgent: thoughts of not wanting to be alive — "wish I wouldn\'t wake up"'],
      },
      sampleChart(),
      { now: OPEN },
    );
    expect(body(d)).toMatch(/A nurse will call you today/);
    expect(body(d)).toMatch(/988/);
    const other = await draft('Burning when I pee and a fever of 101.5', {
      urgency: 'urgent',
      category: 'symptom',
    });
    expect(other.body).not.toMatch(/988/);
  });
});

describe('improvement updates', () => {
  it('answers warmly and says the clinician will answer, without worsening warnings or a visit offer', async () => {
    const d = await draft(
      'Feeling much better after the antibiotics, no more fever. Do I still need the follow up?',
      {
        category: 'symptom',
        categories: ['symptom', 'other'],
      },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['improving']);
    expect(body(d)).toMatch(/glad to hear things are better/);
    expect(body(d)).toMatch(/Dr\. Ana Ruiz will read your question/);
    expect(d.body).not.toMatch(/911|trouble breathing|set up a visit|not getting better/);
    expect(problems(d)).toEqual([]);
  });

  it('says only thank you when the update asks nothing', async () => {
    const d = await draft('Solo para avisar que ya me siento mucho mejor, ya no tengo tos.', {
      category: 'other',
      language: 'es',
      needsReply: false,
    });
    expect(body(d)).toBe('Gracias por avisarnos. Nos da gusto que esté mejor.');
  });
});

describe('facts the patient did not ask about stay out', () => {
  it('names no chart medicine in place of one the chart lacks', async () => {
    const refill = await draft('i need a refill of my sertraline 50 mg, i have about 2 wks left', {
      category: 'medication',
    });
    expect(refill.contextSnapshot.templateKinds).toEqual(['refill']);
    expect(refill.body).not.toMatch(/lisinopril|levothyroxine|refills left/i);
    // A medicine the active list lacks is not promised to the pharmacy, on a Saturday or a Monday morning.
    expect(body(refill)).toMatch(
      /^We got your refill request\. Sertraline is not on your current medicine list\. Dr\. Ana Ruiz will decide whether to prescribe it/,
    );
    const monday = await draft(
      'i need a refill of my sertraline 50 mg, i have about 2 wks left',
      { category: 'medication' },
      sampleChart(),
      { now: OPEN },
    );
    expect(body(monday)).toMatch(/Sertraline is not on your current medicine list\./);
    expect(body(monday)).not.toMatch(/send|today/);
    expect(problems(refill)).toEqual([]);

    const oneMed = { ...sampleChart(), medications: sampleChart().medications.slice(0, 1) };
    const question = await draft(
      'Should I take my levothyroxine before or after my coffee?',
      { category: 'medication' },
      oneMed,
    );
    expect(question.body).not.toMatch(/lisinopril/i);
    const plain = await draft('Can I get a refill please?', { category: 'medication' }, oneMed);
    expect(body(plain)).toMatch(/It is for lisinopril 10 mg\. You have 2 refills left\./);
  });

  it('states no chart value when the patient quotes a different one for that test', async () => {
    const d = await draft("portal says resulted but i can't make sense of TSH 7.2. is that why I'm tired?", {
      category: 'results',
    });
    expect(d.body).not.toMatch(/5\.8|4\.1/);
    expect(body(d)).toMatch(/will look at them/);
    const same = await draft('My TSH came back 5.8, what does that mean?', { category: 'results' });
    expect(body(same)).toMatch(/Your thyroid test \(TSH\) result from November 20 is 5\.8 mIU\/L\./);
  });

  it('finds the visit by "tomorrow" or a weekday, and names none when no visit is on that day', async () => {
    const chart = {
      ...visitChart(),
      appointments: [
        // NOW is Saturday November 28; this is Sunday 10:00 AM in Chicago.
        {
          source: 'Appointment/t',
          start: '2026-11-29T16:00:00Z',
          practitioner: 'Dr. Ana Ruiz',
          status: 'booked',
        },
        ...visitChart().appointments,
      ],
    };
    const t = { urgency: 'non_clinical' as const, category: 'scheduling' as const };
    expect(body(await draft('pls cancel my appt tmrw, car broke down', t, chart))).toMatch(
      /cancel your visit on November 29 at 10:00 AM\./,
    );
    const none = await draft('pls cancel my appt tmrw 10am, car broke down', t, visitChart());
    expect(none.body).not.toMatch(/December|January/);
    const weekday = await draft('is my appt still on for Friday?', t, visitChart());
    expect(weekday.body).not.toMatch(/December|January/);
  });

  it('tells portal trouble from a portal question, and a form the patient fills in from a form request', async () => {
    const how = await draft("I'm my mom's caregiver, how do I get proxy access to her portal account?", {
      urgency: 'non_clinical',
      category: 'portal_technical',
    });
    // The clinic's knowledge folder answers how proxy access works.
    expect(body(how)).toMatch(
      /^Thank you for your question\. A parent, family member or caregiver can get their own portal access/,
    );
    expect(how.flags).toContainEqual(expect.objectContaining({ code: 'knowledge_used' }));
    expect(how.body).not.toMatch(/Forgot password|giving you trouble/);
    const stuck = await draft(
      "The new patient form asks for family history. Where do I put that in the portal? It won't let me save the page.",
      {
        urgency: 'non_clinical',
        category: 'scheduling',
        categories: ['scheduling', 'forms_records', 'portal_technical'],
      },
    );
    expect(stuck.contextSnapshot.templateKinds).toEqual(['portal_technical']);
    expect(stuck.body).not.toMatch(/5 to 7 business days|visit/);
  });

  it('updates several contact details at once without naming only one', async () => {
    const d = await draft(
      'New address: 518 Quillan Ave, Springfield. New cell 555-0162. Please update my chart thx',
      {
        urgency: 'non_clinical',
        category: 'forms_records',
      },
    );
    expect(body(d)).toMatch(/Our front desk will update your record\./);
    expect(d.body).not.toMatch(/5 to 7/);
  });
});

describe('questions triage filed under another category', () => {
  it('answers a value the portal shows as a result question, with the same-day call for a critical one', async () => {
    const chart = sampleChart();
    chart.observations = [
      {
        ...chart.observations[0],
        source: 'Observation/inr',
        name: 'INR',
        code: '6301-6',
        value: 4.8,
        unit: '{INR}',
        low: 2,
        high: 3,
        flag: 'critical_high',
      },
      ...chart.observations,
    ];
    const d = await draft(
      'The portal says my INR is 4.8. Should I change what I take tonight?',
      { urgency: 'non_clinical', category: 'portal_technical', categories: ['portal_technical', 'other'] },
      chart,
      { now: OPEN },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['results']);
    expect(body(d)).toMatch(
      /^Your INR result from November 20 is 4\.8\. The normal range is 2 to 3\. This is much higher than normal\./,
    );
    expect(body(d)).toMatch(/A nurse will call you today about it\./);
    expect(d.body).not.toMatch(/\{INR\}|portal/);
  });

  it('adds the medicine line when a symptom message asks about an extra dose', async () => {
    const d = await draft(
      'Mi presión en casa salió 177/105 esta mañana. ¿Me tomo otra pastilla de lisinopril?',
      { category: 'symptom', language: 'es' },
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['symptom_routine', 'medication']);
    expect(body(d)).toMatch(
      /También preguntó sobre lisinopril 10 mg\. Por favor, no cambie cómo la toma hasta que hablemos\./,
    );
    expect(problems(d)).toEqual([]);
  });

  it('says "1 refill", not "1 refills"', async () => {
    const chart = sampleChart();
    chart.medications = [{ ...chart.medications[0], refillsLeft: 1 }];
    const en = await draft('Please refill my lisinopril', { category: 'medication' }, chart);
    expect(body(en)).toMatch(/You have 1 refill left\./);
    const es = await draft(
      'Necesito un resurtido de mi lisinopril',
      { category: 'medication', language: 'es' },
      chart,
    );
    expect(body(es)).toMatch(/Le queda 1 resurtido\./);
  });
});

describe('a visit whose name sounds like a symptom', () => {
  it('answers "reschedule my blood pressure check" as scheduling only, but keeps a real symptom', async () => {
    const chart = sampleChart();
    chart.appointments = [{ ...chart.appointments[0], start: '2027-02-01T14:20:00Z' }];
    const t = (phrase: string) => ({
      category: 'symptom' as const,
      categories: ['symptom' as const, 'scheduling' as const],
      reasons: [`routine: symptom — "${phrase}"`, 'non_clinical: scheduling — "reschedule"'],
    });
    const check = await draft(
      'I need to reschedule my blood pressure check on February 1 at 8:20 AM, I have to work.',
      t('blood pressure'),
      chart,
    );
    expect(check.contextSnapshot.templateKinds).toEqual(['scheduling']);
    expect(body(check)).toMatch(/new time for your visit on February 1, 2027 at 8:20 AM\./);
    const cough = await draft(
      'Can I reschedule my physical? Also I have had a cough for a week.',
      t('cough'),
      chart,
    );
    expect(cough.contextSnapshot.templateKinds).toEqual(['scheduling', 'symptom_routine']);
    expect(body(cough)).toMatch(/You also told us how you feel\./);
  });

  it('reads "is my result better?" as a result question, vital signs included', async () => {
    const chart = sampleChart();
    chart.observations = [
      {
        source: 'Observation/hr2',
        name: 'Heart rate',
        code: '8867-4',
        category: 'vital-signs',
        value: 105,
        unit: '/min',
        low: 60,
        high: 100,
        flag: 'high',
        date: '2026-11-20',
      },
      {
        source: 'Observation/hr1',
        name: 'Heart rate',
        code: '8867-4',
        category: 'vital-signs',
        value: 90,
        unit: '/min',
        low: 60,
        high: 100,
        date: '2026-08-20',
      },
      ...chart.observations,
    ];
    const d = await draft(
      '¿Mi resultado de ritmo cardiaco está mejor? Antes era 90 y ahora salió 105.',
      { category: 'symptom', categories: ['symptom', 'other'], language: 'es' },
      chart,
    );
    expect(d.contextSnapshot.templateKinds).toEqual(['results']);
    expect(body(d)).toMatch(/^Su resultado de pulso del 20 de noviembre es 105 por minuto\./);
  });
});
