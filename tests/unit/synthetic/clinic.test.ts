import { chartFromBundle } from '../../../src/context/from-bundle';
import { knownIdentifiers } from '../../../src/context/select';
import {
  allResources,
  generateClinic,
  patientBundle,
  type FhirResource,
  type SyntheticPatient,
} from '../../../src/portal/sandbox/synthetic';
import { CONDITIONS, PREGNANCY } from '../../../src/portal/sandbox/synthetic/catalog-conditions';

const NOW = new Date('2026-06-10T09:30:00Z');
const clinic = generateClinic({ seed: 2026, patients: 300, now: NOW });
const charts = new Map(clinic.patients.map((p) => [p.id, chartFromBundle(patientBundle(clinic, p.id), NOW)]));
const has = (p: SyntheticPatient, key: string) => p.chart.conditions.some((c) => c.def.key === key);
const ofType = (p: SyntheticPatient, type: string) => p.resources.filter((r) => r.resourceType === type);
const loincOf = (r: FhirResource) => (r.code as { coding: { code: string }[] }).coding[0]!.code;

describe('generateClinic: determinism', () => {
  it('gives identical output for the same seed and date, and different output for another seed', () => {
    const again = generateClinic({ seed: 2026, patients: 300, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(clinic));
    const other = generateClinic({ seed: 2027, patients: 300, now: NOW });
    expect(JSON.stringify(other.patients)).not.toBe(JSON.stringify(clinic.patients));
  });

  it('makes a smaller clinic a prefix of a larger one, and defaults to 300 patients', () => {
    const small = generateClinic({ seed: 2026, patients: 12, now: NOW });
    expect(small.patients).toEqual(clinic.patients.slice(0, 12));
    expect(generateClinic({ seed: 1, now: NOW }).patients).toHaveLength(300);
  });

  it('rejects a bad size or seed with a RangeError', () => {
    expect(() => generateClinic({ seed: 1, patients: -1 })).toThrow(RangeError);
    expect(() => generateClinic({ seed: 1, patients: 2.5 })).toThrow(RangeError);
    expect(() => generateClinic({ seed: 1, patients: 1e9 })).toThrow(RangeError);
    expect(() => generateClinic({ seed: Number.NaN })).toThrow(RangeError);
    expect(generateClinic({ seed: 1, patients: 0 }).patients).toEqual([]);
  });
});

describe('generateClinic: coherent charts', () => {
  it('reads back through chartFromBundle without a single warning', () => {
    for (const [id, chart] of charts) {
      expect({ id, warnings: chart.warnings }).toEqual({ id, warnings: [] });
      expect(chart.patient.source).toBe(`Patient/${id}`);
    }
  });

  it('gives every medicine an indication on the same chart, and never one the patient is allergic to', () => {
    let meds = 0;
    for (const p of clinic.patients) {
      const chart = charts.get(p.id)!;
      const problemNames = chart.problems.map((c) => c.name);
      for (const m of chart.medications) {
        meds++;
        expect(problemNames).toContain(m.indication);
        expect(m.directions).toBeTruthy();
        expect(m.dose).toBeTruthy();
        expect(m.refillsLeft).toBeGreaterThanOrEqual(0);
        expect(m.lastFill! <= NOW.toISOString().slice(0, 10)).toBe(true);
        for (const a of chart.allergies)
          expect(m.name.toLowerCase()).not.toContain(a.substance.toLowerCase());
      }
    }
    expect(meds).toBeGreaterThan(200);
  });

  it('gives every result a reference range, a flag that agrees with it, and a past date', () => {
    let results = 0;
    for (const chart of charts.values()) {
      for (const o of chart.observations) {
        results++;
        const parts = o.components ?? [o];
        for (const part of parts) {
          expect(part.low !== undefined || part.high !== undefined).toBe(true);
          const outside =
            (part.high !== undefined && part.value! > part.high) ||
            (part.low !== undefined && part.value! < part.low);
          expect({ source: o.source, outside }).toEqual({
            source: o.source,
            outside: part.flag !== 'normal',
          });
        }
        expect(new Date(o.date!).getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    expect(results).toBeGreaterThan(1000);
  });

  it('follows each problem with its medicines and tests', () => {
    const med = (p: SyntheticPatient, re: RegExp) =>
      charts.get(p.id)!.medications.some((m) => re.test(m.name));
    const test = (p: SyntheticPatient, code: string) =>
      ofType(p, 'Observation').filter((o) => loincOf(o) === code).length;
    for (const p of clinic.patients) {
      if (has(p, 'hypertension')) expect(test(p, '85354-9')).toBeGreaterThan(0);
      if (has(p, 'diabetes')) expect(med(p, /metformin/i) && test(p, '4548-4') >= 2).toBe(true);
      if (has(p, 'ckd')) expect(test(p, '2160-0')).toBeGreaterThanOrEqual(2);
      if (has(p, 'hypothyroidism')) expect(med(p, /levothyroxine/i) && test(p, '3016-3') > 0).toBe(true);
      if (has(p, 'hyperlipidemia')) expect(med(p, /statin/i) && test(p, '13457-7') > 0).toBe(true);
      if (has(p, 'asthma')) expect(med(p, /albuterol/i)).toBe(true);
      if (has(p, 'afib')) expect(med(p, /apixaban|warfarin/i)).toBe(true);
      if (med(p, /warfarin/i)) expect(test(p, '6301-6')).toBeGreaterThan(0);
      if (has(p, 'transplant')) expect(med(p, /tacrolimus/i) && test(p, '11253-5') > 0).toBe(true);
    }
  });

  it('fits problems to age and sex: pregnancy, AFib, diabetes and ADHD where they belong', () => {
    for (const p of clinic.patients) {
      const { ageYears, person } = p.demographics;
      for (const { def } of p.chart.conditions)
        expect(def.prevalence(ageYears, person.sex)).toBeGreaterThan(0);
      if (has(p, 'pregnancy')) {
        expect(person.sex).toBe('female');
        expect(charts.get(p.id)!.patient.pregnant).toBe(true);
      }
    }
    const count = (key: string) => clinic.patients.filter((p) => has(p, key)).length;
    for (const def of [
      ...CONDITIONS.filter((c) => !['transplant', 'epilepsy', 'adhd'].includes(c.key)),
      PREGNANCY,
    ]) {
      expect({ key: def.key, some: count(def.key) > 0 }).toEqual({ key: def.key, some: true });
    }
  });

  it('has infants and children with a parent contact, and upcoming booked or pending visits', () => {
    const kids = clinic.patients.filter((p) => p.demographics.ageYears < 18);
    expect(kids.length).toBeGreaterThan(20);
    expect(kids.every((p) => (charts.get(p.id)!.patient.contactNames ?? []).length === 1)).toBe(true);
    expect(clinic.patients.some((p) => p.demographics.ageDays < 90)).toBe(true);
    const visits = [...charts.values()].flatMap((c) => c.appointments);
    expect(visits.length).toBeGreaterThan(150);
    for (const v of visits) {
      expect(['booked', 'pending']).toContain(v.status);
      expect(new Date(v.start).getTime()).toBeGreaterThan(NOW.getTime());
      expect(v.practitioner).toMatch(/^Dr\. |, NP$/);
    }
    expect([...charts.values()].every((c) => c.careTeam.some((t) => t.role === 'primary care'))).toBe(true);
  });

  it('uses only fictional contact details, unique record numbers and varied names and languages', () => {
    const mrns = new Set<string>();
    const families = new Set<string>();
    const languages = new Map<string, number>();
    for (const chart of charts.values()) {
      const ids = knownIdentifiers(chart.patient);
      for (const phone of ids.phones) expect(phone).toMatch(/^\(\d{3}\) 555-01\d\d$/);
      for (const email of ids.emails) expect(email).toMatch(/@example\.(com|org|net)$/);
      expect(ids.recordNumbers).toHaveLength(1);
      mrns.add(ids.recordNumbers[0]!);
      families.add(chart.patient.familyName!);
      const lang = chart.patient.preferredLanguage!;
      languages.set(lang, (languages.get(lang) ?? 0) + 1);
    }
    expect(mrns.size).toBe(300);
    expect(families.size).toBeGreaterThan(60);
    expect(languages.get('es')).toBeGreaterThan(15);
    expect([...languages.keys()].filter((l) => l !== 'en' && l !== 'es').length).toBeGreaterThanOrEqual(3);
  });
});

describe('patientBundle and allResources', () => {
  it('bundles a patient with the staff it references, and lists the whole clinic once', () => {
    const p = clinic.patients[0]!;
    const b = patientBundle(clinic, p.id, 'searchset');
    expect(b.type).toBe('searchset');
    expect(b.entry[0]!.resource).toEqual(p.resources[0]);
    expect(b.entry.some((e) => e.resource.resourceType === 'Practitioner')).toBe(true);
    expect(() => patientBundle(clinic, 'pat-9999')).toThrow(RangeError);
    const all = allResources(clinic);
    expect(new Set(all.map((r) => `${r.resourceType}/${r.id}`)).size).toBe(all.length);
    expect(all.filter((r) => r.resourceType === 'Patient')).toHaveLength(300);
  });
});
