import { displayName } from '../../../src/context/result-names';
import { selectRelevant } from '../../../src/context/select';
import type { ChartContext, MedicationFact, ObservationFact } from '../../../src/context/types';

const med = (id: string, name: string, indication?: string): MedicationFact => ({
  source: `MedicationRequest/${id}`,
  name,
  indication,
});
const obs = (id: string, code: string, name: string, value: number, date: string): ObservationFact => ({
  source: `Observation/${id}`,
  name,
  code,
  category: 'laboratory',
  value,
  date,
});

function chart(): ChartContext {
  return {
    patient: {
      source: 'Patient/p1',
      givenNames: ['Ana'],
      nicknames: [],
      recordNumbers: [],
      phones: [],
      emails: [],
      addresses: [],
    },
    problems: [
      { source: 'Condition/htn', name: 'Essential hypertension' },
      { source: 'Condition/dm', name: 'Type 2 diabetes mellitus' },
      { source: 'Condition/asthma', name: 'Asthma' },
      { source: 'Condition/gerd', name: 'Gastroesophageal reflux disease' },
    ],
    medications: [
      med('lis', 'Lisinopril 10 mg tablet', 'Essential hypertension'),
      med('met', 'Metformin 500 mg tablet', 'Type 2 diabetes mellitus'),
      med('gla', 'Insulin glargine 100 units/mL pen', 'Type 2 diabetes mellitus'),
      med('levo', 'Levothyroxine 50 mcg tablet'),
      med('alb', 'Albuterol HFA 90 mcg/actuation inhaler', 'Asthma'),
    ],
    allergies: [{ source: 'AllergyIntolerance/a1', substance: 'Penicillin', reaction: 'Hives' }],
    // Newest first, as chartFromBundle returns them.
    observations: [
      obs('k3', '2823-3', 'Potassium', 5.4, '2026-03-01'),
      obs('a3', '4548-4', 'Hemoglobin A1c', 7.1, '2026-03-01'),
      obs('ldl2', '13457-7', 'LDL cholesterol', 128, '2026-03-01'),
      obs('hdl2', '2085-9', 'HDL cholesterol', 44, '2026-03-01'),
      obs('k2', '2823-3', 'Potassium', 5.0, '2025-12-01'),
      obs('a2', '4548-4', 'Hemoglobin A1c', 7.8, '2025-12-01'),
      obs('ferr', '2276-4', 'Ferritin', 15, '2025-11-01'),
      obs('k1', '2823-3', 'Potassium', 4.98, '2025-09-01'),
      obs('a1', '4548-4', 'Hemoglobin A1c', 7.8, '2025-09-01'),
    ],
    appointments: [{ source: 'Appointment/ap1', start: '2026-04-02T15:00:00Z', status: 'booked' }],
    careTeam: [{ source: 'Practitioner/dr1', name: 'Dr. Okonjo', role: 'primary care' }],
    warnings: [],
  };
}

const sources = (items: { source: string }[]) => items.map((i) => i.source);

describe('selectRelevant', () => {
  it('a refill picks the named medicine (generic, brand or misspelled) plus allergies', () => {
    for (const text of [
      'Refill my lisinopril please',
      'need more Zestril',
      'can i get my lisinipril refilled',
      'más LISINOPRIL por favor',
    ]) {
      const r = selectRelevant(chart(), text, ['medication']);
      expect(sources(r.medications)).toEqual(['MedicationRequest/lis']);
      expect(sources(r.allergies)).toEqual(['AllergyIntolerance/a1']);
      expect(r.reasons[0]).toMatch(/^medicine named in message: ".+" → Lisinopril 10 mg tablet$/);
    }
    const brand = selectRelevant(chart(), 'is my synthroid the same as levothyroxin?', ['medication']);
    expect(sources(brand.medications)).toEqual(['MedicationRequest/levo']);
    const two = selectRelevant(chart(), 'refill metformin and my Lantus', ['medication']);
    expect(sources(two.medications)).toEqual(['MedicationRequest/met', 'MedicationRequest/gla']);
  });

  it('a medication question naming a kind of medicine, or none, picks that kind, else all active medicines', () => {
    const kind = selectRelevant(chart(), 'I need my blood pressure pills refilled', ['medication']);
    expect(sources(kind.medications)).toEqual(['MedicationRequest/lis']);
    const es = selectRelevant(chart(), 'se me acabó el inhalador', ['medication']);
    expect(sources(es.medications)).toEqual(['MedicationRequest/alb']);
    const none = selectRelevant(chart(), 'please refill everything', ['medication']);
    expect(none.medications).toHaveLength(5);
    expect(none.reasons).toContain(
      'medication question naming no medicine on the chart: all active medicines',
    );
  });

  it('notes well-known medicines the message names that the chart lacks', () => {
    const r = selectRelevant(chart(), 'can i get a refill on my atorvastatin 40mg and my Humalog', [
      'medication',
    ]);
    expect(r.medicinesNotOnChart).toEqual(['atorvastatin', 'insulin lispro']);
    expect(r.reasons).toContain(
      'medicine named in message but not on the chart: atorvastatin, insulin lispro',
    );
    expect(
      selectRelevant(chart(), 'refill my Lantus and metformin', ['medication']).medicinesNotOnChart,
    ).toBeUndefined();
  });

  it('does not confuse unrelated words with medicine names', () => {
    const r = selectRelevant(chart(), 'My latus muscle hurts and I met a friend', ['other']);
    expect(r.medications).toEqual([]);
    expect(r.allergies).toEqual([]);
  });

  it('"my potassium" gives the latest potassium, earlier values oldest first, and the direction', () => {
    const r = selectRelevant(chart(), 'what does my potassium result mean?', ['results']);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]!.latest.source).toBe('Observation/k3');
    expect(sources(r.results[0]!.previous)).toEqual(['Observation/k1', 'Observation/k2']);
    expect(r.results[0]!.direction).toBe('up');
    expect(r.reasons).toContain('result named in message: "potassium"');
  });

  it('finds tests by lay and Spanish names, with down and stable trends', () => {
    const a1c = selectRelevant(chart(), 'Mi hemoglobina A1c bajó?', ['results']);
    expect(a1c.results.map((t) => [t.latest.source, t.direction])).toEqual([['Observation/a3', 'down']]);
    const chol = selectRelevant(chart(), 'is my cholesterol ok', ['results']);
    expect(chol.results.map((t) => t.latest.source)).toEqual(['Observation/ldl2', 'Observation/hdl2']);
    const stable = selectRelevant(
      { ...chart(), observations: chart().observations.filter((o) => o.source !== 'Observation/k3') },
      'potasio',
      ['results'],
    );
    expect(stable.results[0]!.direction).toBe('stable');
    const ferritin = selectRelevant(chart(), 'my ferritn was low?', ['results']);
    expect(ferritin.results.map((t) => t.latest.source)).toEqual(['Observation/ferr']);
    expect(ferritin.results[0]!.direction).toBeUndefined();
  });

  it('a value of a panel picks that value, the panel name picks the panel', () => {
    const withCbc = {
      ...chart(),
      observations: [
        obs('hgb', '718-7', 'Hemoglobin', 13.1, '2026-03-02'),
        obs('wbc', '6690-2', 'White blood cell count', 11.8, '2026-03-02'),
        ...chart().observations,
      ],
    };
    const wbc = selectRelevant(withCbc, 'Is my white blood cell count ok?', ['results']);
    expect(wbc.results.map((t) => t.latest.source)).toEqual(['Observation/wbc']);
    const panel = selectRelevant(withCbc, 'what did my CBC show', ['results']);
    expect(panel.results.map((t) => t.latest.source).sort()).toEqual(['Observation/hgb', 'Observation/wbc']);
  });

  it('each lipid test is its own: a named test gives that test, the panel word gives the panel, total first', () => {
    const lipids = {
      ...chart(),
      observations: [
        obs('tg2', '2571-8', 'Triglycerides', 195, '2026-03-01'),
        obs('chol2', '2093-3', 'Cholesterol, total', 182, '2026-03-01'),
        ...chart().observations,
        obs('tg1', '2571-8', 'Triglycerides', 213, '2025-12-01'),
        obs('chol1', '2093-3', 'Cholesterol, total', 201, '2025-12-01'),
      ],
    };
    const latest = (text: string) =>
      selectRelevant(lipids, text, ['results']).results.map((t) => t.latest.source);
    expect(latest('triglycerides is 195 now, last time it was 213')).toEqual(['Observation/tg2']);
    expect(latest('mis trigliceridos salieron altos')).toEqual(['Observation/tg2']);
    expect(latest('what is my LDL')).toEqual(['Observation/ldl2']);
    expect(latest('is my bad cholesterol better')).toEqual(['Observation/ldl2']);
    expect(latest('mi colesterol bueno')).toEqual(['Observation/hdl2']);
    expect(latest('my total cholesterol')).toEqual(['Observation/chol2']);
    expect(latest('what does my cholesterol mean')).toEqual([
      'Observation/chol2',
      'Observation/ldl2',
      'Observation/hdl2',
      'Observation/tg2',
    ]);
    const trig = selectRelevant(lipids, 'my triglycerides', ['results']).results[0]!;
    expect(trig.previous.map((p) => p.value)).toEqual([213]);
    // A named test the chart lacks gives nothing else from its panel.
    const noTrig = selectRelevant(chart(), 'triglycerides is 195 now', ['results']);
    expect(noTrig.results).toEqual([]);
    expect(noTrig.reasons).toContain('result named in message but not in the chart: "triglycerides"');
  });

  it('gives results the names patients use, in English and Spanish', () => {
    expect(displayName({ code: '2093-3', name: 'Cholesterol, total' }, 'en')).toBe('total cholesterol');
    expect(displayName({ code: '2571-8', name: 'Triglycerides' }, 'es')).toBe('triglicéridos');
    expect(displayName({ code: '13457-7', name: 'LDL cholesterol' }, 'en')).toBe('LDL (bad) cholesterol');
    expect(displayName({ code: '2160-0', name: 'Creatinine' }, 'es')).toBe('creatinina (prueba del riñón)');
    expect(displayName({ name: 'Potassium' }, 'es')).toBe('potasio');
    expect(displayName({ code: '2276-4', name: 'Ferritin' }, 'en')).toBe('ferritin');
    expect(displayName({ name: 'Vitamin D, 25-hydroxy' }, 'en')).toBe('25-hydroxy Vitamin D');
  });

  it('"my labs" gives the latest lab draw; a test the chart lacks is said so', () => {
    const general = selectRelevant(chart(), 'can you explain my blood work', ['results']);
    expect(general.results.map((t) => t.latest.source)).toEqual([
      'Observation/k3',
      'Observation/a3',
      'Observation/ldl2',
      'Observation/hdl2',
    ]);
    expect(general.reasons).toContain('results asked about in general ("blood work"): the latest lab draw');
    const missing = selectRelevant(chart(), 'what was my TSH', ['results']);
    expect(missing.results).toEqual([]);
    expect(missing.reasons).toContain('result named in message but not in the chart: "tsh"');
  });

  it('scheduling gives upcoming appointments', () => {
    const r = selectRelevant(chart(), 'can I move my appointment', ['scheduling']);
    expect(sources(r.appointments)).toEqual(['Appointment/ap1']);
    expect(r.medications).toEqual([]);
    const none = selectRelevant({ ...chart(), appointments: [] }, 'book me in', ['scheduling']);
    expect(none.reasons).toContain('scheduling message: no upcoming appointments on the chart');
  });

  it('a symptom gives related problems, their medicines and allergies', () => {
    const r = selectRelevant(chart(), 'wheezing since last night, the inhaler only helps an hour', [
      'symptom',
    ]);
    expect(sources(r.problems)).toEqual(['Condition/asthma']);
    expect(sources(r.medications)).toEqual(['MedicationRequest/alb']);
    expect(sources(r.allergies)).toEqual(['AllergyIntolerance/a1']);
    const rash = selectRelevant(chart(), 'new itchy rash on my arms', ['symptom']);
    expect(rash.medications).toHaveLength(5);
    expect(rash.reasons).toContain('possible reaction: all active medicines');
    const unlinked = selectRelevant(chart(), 'my knee hurts', ['symptom']);
    expect(unlinked.problems).toHaveLength(4);
  });

  it('administrative messages need no clinical facts; huge text stays fast', () => {
    const r = selectRelevant(chart(), 'I got a bill I do not understand', ['billing']);
    expect(r).toMatchObject({ medications: [], results: [], problems: [], allergies: [], appointments: [] });
    expect(r.reasons).toEqual(['no chart facts needed for: billing']);
    const started = Date.now();
    selectRelevant(chart(), 'lisinopril potassium '.repeat(6000), ['medication', 'results', 'symptom']);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
