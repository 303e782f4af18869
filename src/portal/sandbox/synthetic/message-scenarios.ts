/**
 * What a synthetic patient writes about, with the urgency and category a careful nurse would give it
 * (per the triage rubric), and which chart facts the message draws on. A scenario only fits a patient
 * whose chart makes it plausible: no refill of a medicine they do not take.
 */
import type { Category, Urgency } from '../../../triage/types';
import type { SyntheticPatient } from './clinic';
import type { PlannedMed } from './patient-chart';
import type { PlannedResult } from './patient-observations';
import type { PlannedVisit } from './patient-visits';
import type { Rng } from './prng';

export interface ScenarioFacts {
  med?: PlannedMed;
  result?: PlannedResult;
  previous?: PlannedResult;
  visit?: PlannedVisit;
  allergy?: string;
}

export interface Scenario {
  id: string;
  urgency: Urgency;
  category: Category;
  /** Relative frequency in a realistic inbox. */
  weight: number;
  /** The chart facts this message is about, or undefined when the patient could not have written it. */
  fit(p: SyntheticPatient, rng: Rng): ScenarioFacts | undefined;
}

const age = (p: SyntheticPatient) => p.demographics.ageYears;
const has = (p: SyntheticPatient, key: string) => p.chart.conditions.some((c) => c.def.key === key);
const adult = (p: SyntheticPatient) => age(p) >= 18;
const pickMed = (p: SyntheticPatient, rng: Rng, filter: (m: PlannedMed) => boolean = () => true) => {
  const meds = p.chart.meds.filter(filter);
  return meds.length ? rng.pick(meds) : undefined;
};
const always = (ok: boolean): ScenarioFacts | undefined => (ok ? {} : undefined);
const withMed = (m: PlannedMed | undefined) => (m ? { med: m } : undefined);
const upcoming = (p: SyntheticPatient) => p.visits.filter((v) => v.status !== 'fulfilled');

/** Newest result of a lab test (not blood pressure) and its previous value, if any. */
function latestResult(p: SyntheticPatient, rng: Rng, needPrevious: boolean): ScenarioFacts | undefined {
  const byKey = new Map<string, PlannedResult[]>();
  for (const r of p.results)
    if (r.key !== 'bloodPressure') byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const series = [...byKey.values()]
    .map((list) => list.sort((a, b) => a.date.localeCompare(b.date)))
    // A trend question is about a change: "went from 8 to 8" is not one a patient writes.
    .filter(
      (list) =>
        !needPrevious || (list.length > 1 && list[list.length - 1]!.value !== list[list.length - 2]!.value),
    );
  if (!series.length) return undefined;
  const list = rng.pick(series);
  return { result: list[list.length - 1], previous: list.length > 1 ? list[list.length - 2] : undefined };
}

export const SCENARIOS: Scenario[] = [
  // Emergent: the reply must be "call 911"; every one of these is a rubric example.
  {
    id: 'chest_pain',
    urgency: 'emergent',
    category: 'symptom',
    weight: 1.2,
    fit: (p) => always(age(p) >= 30),
  },
  {
    id: 'stroke_signs',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.8,
    fit: (p) => always(age(p) >= 55),
  },
  {
    id: 'infant_fever',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.8,
    fit: (p) => always(p.demographics.ageDays < 90),
  },
  {
    id: 'pregnancy_bleeding',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.6,
    fit: (p) => always(has(p, 'pregnancy')),
  },
  {
    id: 'anaphylaxis',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.6,
    // Only the allergies whose recorded reaction is already severe (foods): a plausible anaphylaxis.
    fit: (p, rng) => {
      const severe = p.chart.allergies.filter((a) => a.severity === 'severe');
      return severe.length && age(p) >= 2 ? { allergy: rng.pick(severe).substance } : undefined;
    },
  },
  {
    id: 'suicidal_plan',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.5,
    fit: (p) => always(age(p) >= 16),
  },
  {
    id: 'gi_bleed_anticoagulant',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.5,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => ['apixaban', 'warfarin'].includes(m.def.generic))),
  },
  {
    id: 'overdose',
    urgency: 'emergent',
    category: 'medication',
    weight: 0.4,
    fit: (p, rng) => (adult(p) ? withMed(pickMed(p, rng, (m) => m.def.doseUnit === 'mg')) : undefined),
  },
  {
    id: 'hypoglycemia_confused',
    urgency: 'emergent',
    category: 'symptom',
    weight: 0.5,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => m.def.generic === 'insulin glargine')),
  },
  // Urgent: a clinician today.
  { id: 'uti_fever', urgency: 'urgent', category: 'symptom', weight: 1.2, fit: (p) => always(adult(p)) },
  {
    id: 'asthma_flare',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.8,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => m.def.generic === 'albuterol')),
  },
  {
    id: 'rash_new_medicine',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.8,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => m.def.doseUnit === 'mg' || m.def.doseUnit === 'mcg')),
  },
  {
    id: 'out_of_critical_medicine',
    urgency: 'urgent',
    category: 'medication',
    weight: 1.2,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => !!m.def.critical)),
  },
  {
    id: 'high_home_bp',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.8,
    fit: (p, rng) =>
      has(p, 'hypertension') ? { med: pickMed(p, rng, (m) => m.conditionKey === 'hypertension') } : undefined,
  },
  {
    id: 'child_fever',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.8,
    fit: (p) => always(age(p) >= 1 && age(p) <= 12),
  },
  {
    id: 'passive_si',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.4,
    fit: (p, rng) =>
      has(p, 'depression') ? { med: pickMed(p, rng, (m) => m.conditionKey === 'depression') } : undefined,
  },
  {
    id: 'vomiting_dehydration',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.7,
    fit: (p) => always(age(p) >= 3),
  },
  {
    id: 'pregnancy_spotting',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.4,
    fit: (p) => always((p.chart.gestationWeeks ?? 99) <= 16),
  },
  {
    id: 'high_inr',
    urgency: 'urgent',
    category: 'results',
    weight: 0.4,
    fit: (p, rng) => {
      const inr = p.results
        .filter((r) => r.key === 'inr')
        .sort((a, b) => a.date.localeCompare(b.date))
        .pop();
      const med = pickMed(p, rng, (m) => m.def.generic === 'warfarin');
      return inr && med && (inr.flag === 'H' || inr.flag === 'HH') ? { result: inr, med } : undefined;
    },
  },
  {
    id: 'wound_infection',
    urgency: 'urgent',
    category: 'symptom',
    weight: 0.5,
    fit: (p) => always(adult(p)),
  },
  // Routine: clinical, not time-sensitive.
  {
    id: 'refill',
    urgency: 'routine',
    category: 'medication',
    weight: 7,
    fit: (p, rng) => withMed(pickMed(p, rng)),
  },
  {
    id: 'medication_question',
    urgency: 'routine',
    category: 'medication',
    weight: 3,
    fit: (p, rng) => withMed(pickMed(p, rng, (m) => m.def.doseUnit === 'mg' || m.def.doseUnit === 'mcg')),
  },
  {
    id: 'result_question',
    urgency: 'routine',
    category: 'results',
    weight: 4,
    fit: (p, rng) => latestResult(p, rng, false),
  },
  {
    id: 'result_trend',
    urgency: 'routine',
    category: 'results',
    weight: 2,
    fit: (p, rng) => latestResult(p, rng, true),
  },
  {
    id: 'explain_labs',
    urgency: 'routine',
    category: 'results',
    weight: 2,
    fit: (p) => always(p.results.some((r) => r.key !== 'bloodPressure')),
  },
  {
    id: 'mild_symptom',
    urgency: 'routine',
    category: 'symptom',
    weight: 3,
    fit: (p) => always(age(p) >= 16),
  },
  { id: 'feeling_better', urgency: 'routine', category: 'other', weight: 1, fit: (p) => always(age(p) >= 3) },
  // Non-clinical: staff can handle it.
  {
    id: 'reschedule',
    urgency: 'non_clinical',
    category: 'scheduling',
    weight: 4,
    fit: (p, rng) => (upcoming(p).length ? { visit: rng.pick(upcoming(p)) } : undefined),
  },
  { id: 'book_visit', urgency: 'non_clinical', category: 'scheduling', weight: 3, fit: () => ({}) },
  {
    id: 'cancel_visit',
    urgency: 'non_clinical',
    category: 'scheduling',
    weight: 1.5,
    fit: (p, rng) => (upcoming(p).length ? { visit: rng.pick(upcoming(p)) } : undefined),
  },
  { id: 'billing', urgency: 'non_clinical', category: 'billing', weight: 3, fit: () => ({}) },
  { id: 'form_request', urgency: 'non_clinical', category: 'forms_records', weight: 2.5, fit: () => ({}) },
  { id: 'records_request', urgency: 'non_clinical', category: 'forms_records', weight: 1.5, fit: () => ({}) },
  { id: 'portal_login', urgency: 'non_clinical', category: 'portal_technical', weight: 2, fit: () => ({}) },
  {
    id: 'portal_missing_results',
    urgency: 'non_clinical',
    category: 'portal_technical',
    weight: 1,
    fit: (p) => always(p.results.length > 0),
  },
  { id: 'thanks', urgency: 'non_clinical', category: 'other', weight: 2, fit: () => ({}) },
  { id: 'contact_update', urgency: 'non_clinical', category: 'other', weight: 1.5, fit: () => ({}) },
  {
    id: 'pharmacy_change',
    urgency: 'non_clinical',
    category: 'other',
    weight: 1,
    fit: (p) => always(p.chart.meds.length > 0),
  },
];

export function scenarioById(id: string): Scenario {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown scenario ${id}`);
  return s;
}
