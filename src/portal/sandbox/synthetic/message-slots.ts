/** The words a message template fills in: names, medicines as patients write them, results, dates. */
import { DateTime } from 'luxon';
import type { SyntheticPatient } from './clinic';
import type { ScenarioFacts } from './message-scenarios';
import type { PlannedResult } from './patient-observations';
import type { Rng } from './prng';
import { STREETS } from './names';
import { CLINIC_ZONE } from './patient-visits';
import { staffById, staffDisplay } from './staff';

export type MessageLanguage = 'en' | 'es';

export interface TextSlots {
  /** Who writes: the patient's (or parent's) first name as they sign. */
  me: string;
  forChild: boolean;
  child: string;
  /** "my son" / "mi hijo", or "I" forms when the patient writes for themselves. */
  kid: string;
  kidAgeWeeks: number;
  kidAgeYears: number;
  doctor: string;
  med: string;
  medDose: string;
  result: string;
  value: string;
  unit: string;
  prevValue: string;
  flag: PlannedResult['flag'] | '';
  date: string;
  time: string;
  visit: string;
  allergy: string;
  weeks: number;
  homeBp: string;
  amount: string;
  newPhone: string;
  newAddress: string;
  gender: 'female' | 'male';
}

/** How patients write medicine names: generic, brand, or a common misspelling. */
const MISSPELLINGS: Record<string, string[]> = {
  lisinopril: ['lisinipril', 'lisinopirl', 'lisonopril'],
  metformin: ['metforman', 'metformine', 'metfromin'],
  levothyroxine: ['levothyroxin', 'levothyroxene', 'levothiroxine'],
  atorvastatin: ['atorvastatine', 'atorvastin'],
  amlodipine: ['amlodapine', 'amlodipene'],
  albuterol: ['albuteral', 'albutarol'],
  apixaban: ['apixiban', 'apixaban pills'],
  tacrolimus: ['tacrolimis', 'tacrolimous'],
  warfarin: ['warfrin', 'warferin'],
  losartan: ['losarton', 'lozartan'],
  sertraline: ['sertaline', 'sertralin'],
  omeprazole: ['omeprazol', 'omeprozole'],
  levetiracetam: ['levetiracetem', 'levetirecetam'],
};

export function medAsWritten(
  generic: string,
  brand: string | undefined,
  rng: Rng,
  lang: MessageLanguage,
): string {
  const roll = rng.next();
  if (brand && roll < 0.25) return brand;
  if (MISSPELLINGS[generic] && roll < 0.38) return rng.pick(MISSPELLINGS[generic]!);
  if (generic === 'insulin glargine')
    return rng.pick(
      lang === 'es' ? ['insulina', 'insulina Lantus'] : ['insulin', 'Lantus', 'long acting insulin'],
    );
  if (generic === 'prenatal vitamin') return lang === 'es' ? 'vitaminas prenatales' : 'prenatal vitamins';
  if (generic === 'hydrocortisone cream')
    return lang === 'es' ? 'crema de hidrocortisona' : 'hydrocortisone cream';
  return generic;
}

/** The name a patient uses for a test, per language; select.ts must recognise each of these. */
const RESULT_WORDS: Record<string, { en: string[]; es: string[] }> = {
  a1c: { en: ['A1c', 'a1c', 'hemoglobin A1c'], es: ['A1c', 'hemoglobina A1c'] },
  glucose: { en: ['blood sugar', 'glucose'], es: ['azúcar', 'glucosa'] },
  potassium: { en: ['potassium'], es: ['potasio'] },
  sodium: { en: ['sodium'], es: ['sodio'] },
  creatinine: { en: ['creatinine', 'kidney number (creatinine)'], es: ['creatinina'] },
  egfr: { en: ['eGFR', 'kidney function (eGFR)'], es: ['eGFR', 'función del riñón (eGFR)'] },
  tsh: { en: ['TSH', 'thyroid test (TSH)'], es: ['TSH', 'tiroides (TSH)'] },
  cholesterol: { en: ['cholesterol', 'total cholesterol'], es: ['colesterol'] },
  ldl: { en: ['LDL', 'LDL cholesterol', 'bad cholesterol'], es: ['LDL', 'colesterol malo'] },
  hdl: { en: ['HDL', 'good cholesterol'], es: ['HDL', 'colesterol bueno'] },
  triglycerides: { en: ['triglycerides'], es: ['triglicéridos'] },
  inr: { en: ['INR'], es: ['INR'] },
  tacrolimus: { en: ['tacrolimus level', 'tacro level'], es: ['nivel de tacrolimus'] },
  hemoglobin: { en: ['hemoglobin'], es: ['hemoglobina'] },
  wbc: { en: ['white blood cell count', 'white count'], es: ['glóbulos blancos'] },
  heartRate: { en: ['heart rate', 'pulse'], es: ['pulso', 'ritmo cardiaco'] },
};

export function resultAsWritten(key: string, rng: Rng, lang: MessageLanguage): string {
  const words = RESULT_WORDS[key];
  return words ? rng.pick(words[lang]) : key;
}

function formatValue(r: PlannedResult | undefined): string {
  if (!r) return '';
  return r.value2 !== undefined ? `${r.value}/${r.value2}` : String(r.value);
}

function firstName(p: SyntheticPatient['demographics']['person'], rng: Rng): string {
  return p.nickname && rng.chance(0.6) ? p.nickname : p.given;
}

export function buildSlots(
  p: SyntheticPatient,
  facts: ScenarioFacts,
  lang: MessageLanguage,
  rng: Rng,
): TextSlots {
  const d = p.demographics;
  const writer = d.parent ?? d.person;
  const forChild = !!d.parent;
  const son = d.person.sex === 'male';
  const kid = lang === 'es' ? (son ? 'mi hijo' : 'mi hija') : son ? 'my son' : 'my daughter';
  const visitStart = facts.visit
    ? DateTime.fromISO(facts.visit.start)
        .setZone(CLINIC_ZONE)
        .setLocale(lang === 'es' ? 'es' : 'en-US')
    : undefined;
  const doctor = staffById(facts.visit?.with.id ?? d.pcp.id);
  return {
    me: firstName(writer, rng),
    forChild,
    child: d.person.nickname ?? d.person.given,
    kid,
    kidAgeWeeks: Math.max(1, Math.floor(d.ageDays / 7)),
    kidAgeYears: d.ageYears,
    doctor: doctor.suffix === 'MD' ? `Dr. ${doctor.family}` : staffDisplay(doctor),
    med: facts.med ? medAsWritten(facts.med.def.generic, facts.med.def.brand, rng, lang) : '',
    medDose: facts.med ? `${facts.med.def.doseValue} ${facts.med.def.doseUnit}` : '',
    result: facts.result ? resultAsWritten(facts.result.key, rng, lang) : '',
    value: formatValue(facts.result),
    unit: facts.result?.unit ?? '',
    prevValue: formatValue(facts.previous),
    flag: facts.result?.flag ?? '',
    date: visitStart ? visitStart.toFormat(lang === 'es' ? "d 'de' MMMM" : 'MMMM d') : '',
    time: visitStart ? visitStart.toFormat(lang === 'es' ? 'H:mm' : 'h:mm a') : '',
    visit: facts.visit?.description ?? '',
    allergy: facts.allergy ?? '',
    weeks: p.chart.gestationWeeks ?? 0,
    homeBp: `${rng.int(172, 188)}/${rng.int(102, 112)}`,
    amount: `${rng.int(45, 890)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
    newPhone: `(${rng.pick(['217', '312', '309'])}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    newAddress: `${rng.int(100, 9899)} ${rng.pick(STREETS)}, Apt ${rng.int(1, 12)}, ${d.address.city} ${d.address.state} ${d.address.zip}`,
    gender: d.person.sex,
  };
}
