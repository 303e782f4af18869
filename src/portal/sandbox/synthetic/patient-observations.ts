/**
 * Results and vitals that follow the patient's problems: an A1c trend for diabetes, a creeping
 * creatinine in kidney disease, a TSH settling on levothyroxine. Every result carries its range and flag.
 */
import type { DateTime } from 'luxon';
import { BLOOD_PRESSURE, LABS, interpretationOf, type LabDef, type LabKey } from './catalog-labs';
import { LOINC, type FhirResource } from './fhir-types';
import type { ChartPlan } from './patient-chart';
import type { Demographics } from './patient-demographics';
import type { Rng } from './prng';

export interface PlannedResult {
  id: string;
  key: LabKey | 'bloodPressure';
  name: string;
  value: number;
  /** Diastolic value, for blood pressure only. */
  value2?: number;
  unit: string;
  date: string;
  flag: 'HH' | 'H' | 'LL' | 'L' | 'N';
}

type Trend = { start: number; step: number; sd: number };

/** Where a test starts, how it moves per draw (oldest to newest) and how noisy it is, given the chart. */
function trendFor(
  key: LabKey,
  rng: Rng,
  has: (c: string) => boolean,
  d: Demographics,
  plan: ChartPlan,
): Trend {
  const r = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const female = d.person.sex === 'female';
  switch (key) {
    case 'a1c':
      return has('diabetes')
        ? { start: r(6.6, 9.6), step: r(-0.5, 0.4), sd: 0.15 }
        : { start: r(5.0, 5.6), step: 0, sd: 0.1 };
    case 'glucose':
      return has('diabetes')
        ? { start: r(125, 215), step: r(-12, 8), sd: 10 }
        : { start: r(78, 96), step: 0, sd: 5 };
    case 'potassium':
      if (has('ckd') || has('transplant')) return { start: r(4.5, 5.3), step: r(0.05, 0.25), sd: 0.1 };
      return { start: rng.chance(0.06) ? 3.3 : r(3.8, 4.8), step: 0, sd: 0.15 };
    case 'sodium':
      return { start: r(136, 143), step: 0, sd: 1.2 };
    case 'creatinine':
      if (has('ckd')) return { start: r(1.5, 2.1), step: r(0.05, 0.15), sd: 0.05 };
      if (has('transplant')) return { start: r(1.1, 1.5), step: r(-0.05, 0.05), sd: 0.06 };
      return female ? { start: r(0.6, 0.95), step: 0, sd: 0.05 } : { start: r(0.8, 1.2), step: 0, sd: 0.05 };
    case 'egfr':
      return has('ckd')
        ? { start: r(38, 55), step: r(-4, -1), sd: 1.5 }
        : { start: r(75, 110), step: 0, sd: 3 };
    case 'tsh':
      return plan.meds.some((m) => m.def.generic === 'levothyroxine')
        ? { start: r(4.5, 9.0), step: r(-2.0, -0.8), sd: 0.2 }
        : { start: r(1.2, 3.2), step: 0, sd: 0.2 };
    case 'cholesterol':
      return has('hyperlipidemia')
        ? { start: r(205, 265), step: r(-18, -5), sd: 6 }
        : { start: r(150, 195), step: 0, sd: 6 };
    case 'ldl':
      return has('hyperlipidemia')
        ? { start: r(125, 185), step: r(-18, -6), sd: 5 }
        : { start: r(70, 98), step: 0, sd: 5 };
    case 'hdl':
      return { start: r(36, 62), step: 0, sd: 3 };
    case 'triglycerides':
      return { start: r(110, 240), step: r(-10, 5), sd: 12 };
    case 'inr':
      return { start: rng.chance(0.08) ? 4.8 : r(1.8, 3.3), step: 0, sd: 0.2 };
    case 'tacrolimus':
      return { start: r(5.0, 11.5), step: r(-0.5, 0.5), sd: 0.6 };
    case 'hemoglobin':
      return plan.gestationWeeks
        ? { start: r(10.6, 12.6), step: -0.2, sd: 0.2 }
        : female
          ? { start: r(12, 14.2), step: 0, sd: 0.3 }
          : { start: r(13.6, 16), step: 0, sd: 0.3 };
    case 'wbc':
      return { start: r(4.5, 9.5), step: 0, sd: 0.6 };
    case 'heartRate':
      return has('afib') ? { start: r(68, 112), step: 0, sd: 8 } : { start: r(62, 90), step: 0, sd: 5 };
  }
}

function rangeFor(def: LabDef, d: Demographics): { low?: number; high?: number } {
  if (def.key !== 'hemoglobin') return { low: def.low, high: def.high };
  return d.person.sex === 'female' ? { low: 12.0, high: 15.5 } : { low: 13.5, high: 17.5 };
}

function quantity(value: number, unit: string) {
  return { value, unit, system: 'http://unitsofmeasure.org', code: unit };
}

function interpretation(flag: string) {
  return [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: flag }],
    },
  ];
}

function category(code: 'laboratory' | 'vital-signs') {
  return [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];
}

export function buildObservations(
  rng: Rng,
  patientId: string,
  d: Demographics,
  plan: ChartPlan,
  now: DateTime,
) {
  const has = (key: string) => plan.conditions.some((c) => c.def.key === key);
  const resources: FhirResource[] = [];
  const results: PlannedResult[] = [];
  if (d.ageYears < 12) return { resources, results };

  const chronic = new Set<LabKey>(plan.conditions.flatMap((c) => c.def.labs));
  if (plan.meds.some((m) => m.def.generic === 'warfarin')) chronic.add('inr');
  const screening: LabKey[] =
    d.ageYears >= 18 && rng.chance(0.7)
      ? ['sodium', 'potassium', 'creatinine', 'glucose', 'hemoglobin', 'wbc']
      : [];
  const draws = chronic.size ? rng.int(2, 4) : screening.length ? 1 : 0;
  const latest = now.minus({ days: rng.int(2, 40) });
  const dates = Array.from({ length: draws }, (_, i) =>
    latest.minus({ days: (draws - 1 - i) * rng.int(80, 100) }),
  );

  const keys = [...new Set<LabKey>([...chronic, ...screening])];
  for (const key of keys) {
    const def = LABS[key];
    const trend = trendFor(key, rng, has, d, plan);
    const range = rangeFor(def, d);
    dates.forEach((date, i) => {
      // Screening tests are drawn once, with the latest panel.
      if (!chronic.has(key) && i !== dates.length - 1) return;
      const f = 10 ** def.decimals;
      const raw = Math.max(0.1, trend.start + trend.step * i + rng.normal(0, trend.sd, 3));
      const value = Math.round(raw * f) / f;
      const flag = interpretationOf({ ...def, ...range }, value);
      const id = `${patientId}-obs-${key}-${i + 1}`;
      results.push({ id, key, name: def.name, value, unit: def.unit, date: date.toISO()!, flag });
      resources.push({
        resourceType: 'Observation',
        id,
        status: 'final',
        category: category(def.category),
        code: { coding: [{ system: LOINC, code: def.loinc, display: def.name }], text: def.name },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: date.toISO(),
        valueQuantity: quantity(value, def.unit),
        interpretation: interpretation(flag),
        referenceRange: [
          {
            ...(range.low !== undefined ? { low: quantity(range.low, def.unit) } : {}),
            ...(range.high !== undefined ? { high: quantity(range.high, def.unit) } : {}),
          },
        ],
      });
    });
  }

  if (d.ageYears >= 18) {
    const hypertensive = has('hypertension');
    const readings = rng.int(1, 3);
    for (let i = 0; i < readings; i++) {
      const date = latest.minus({ days: (readings - 1 - i) * rng.int(30, 120) });
      const sys = Math.round(hypertensive ? rng.normal(146, 12, 0) : rng.normal(118, 7, 0));
      const dia = Math.round(hypertensive ? rng.normal(90, 7, 0) : rng.normal(74, 5, 0));
      const sysFlag = interpretationOf(BLOOD_PRESSURE.systolic, sys);
      const diaFlag = interpretationOf(BLOOD_PRESSURE.diastolic, dia);
      const flag = sysFlag !== 'N' ? sysFlag : diaFlag;
      const id = `${patientId}-obs-bp-${i + 1}`;
      results.push({
        id,
        key: 'bloodPressure',
        name: BLOOD_PRESSURE.name,
        value: sys,
        value2: dia,
        unit: 'mmHg',
        date: date.toISO()!,
        flag,
      });
      const part = (
        p: typeof BLOOD_PRESSURE.systolic | typeof BLOOD_PRESSURE.diastolic,
        value: number,
        f: string,
      ) => ({
        code: { coding: [{ system: LOINC, code: p.loinc, display: p.name }], text: p.name },
        valueQuantity: quantity(value, BLOOD_PRESSURE.unit),
        interpretation: interpretation(f),
        referenceRange: [
          { low: quantity(p.low, BLOOD_PRESSURE.unit), high: quantity(p.high, BLOOD_PRESSURE.unit) },
        ],
      });
      resources.push({
        resourceType: 'Observation',
        id,
        status: 'final',
        category: category('vital-signs'),
        code: {
          coding: [{ system: LOINC, code: BLOOD_PRESSURE.loinc, display: BLOOD_PRESSURE.name }],
          text: BLOOD_PRESSURE.name,
        },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: date.toISO(),
        interpretation: interpretation(flag),
        component: [
          part(BLOOD_PRESSURE.systolic, sys, sysFlag),
          part(BLOOD_PRESSURE.diastolic, dia, diaFlag),
        ],
      });
    }
  }
  return { resources, results };
}
