import { CONCEPTS, type ConceptId } from './concepts';
import { assess } from './context';
import type { ConceptMatch } from './matcher';
import { excerpt, sentenceBounds } from './normalize';
import type { Vitals } from './numbers';
import type { Category, PatientFacts, Urgency } from './types';

/** One reason to give a level; the message's level is the most urgent finding. */
export interface Finding {
  level: Urgency;
  category: Category;
  reason: string;
}

export interface Evidence {
  original: string;
  folded: string;
  /** Affirmed concept matches (the patient's current state or request). */
  affirmed: ConceptMatch[];
  vitals: Vitals;
  facts: PatientFacts;
}

const ANTICOAGULANT_FACT =
  /warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|savaysa|enoxaparin|lovenox|heparin|clopidogrel|plavix|ticagrelor|brilinta|prasugrel/;
const CRITICAL_FACT =
  /insulin|levetiracetam|keppra|lamotrigine|phenytoin|valpro|carbamazepine|lacosamide|warfarin|apixaban|rivaroxaban|dabigatran|tacrolimus|mycophenolate|cyclosporine|sirolimus|bictegravir|dolutegravir|emtricitabine|tenofovir|darunavir|raltegravir|prednisone|hydrocortisone|prednisolone/;
const COUGH_ONLY =
  /\b(?:only )?(?:when|with|from|after) (?:i |he |she )?(?:cough|coughing)\b|\bfrom (?:all the |the )?coughing\b/;

export function applyRules(ev: Evidence): Finding[] {
  const by = new Map<ConceptId, ConceptMatch[]>();
  for (const m of ev.affirmed) {
    const list = by.get(m.concept) ?? [];
    list.push(m);
    by.set(m.concept, list);
  }
  const has = (...ids: ConceptId[]): boolean => ids.some((id) => by.has(id));
  const quote = (id: ConceptId): string => {
    const m = by.get(id)![0];
    return `"${excerpt(ev.original, m.start, m.end)}"`;
  };
  const quoteAny = (...ids: ConceptId[]): string => quote(ids.find((id) => by.has(id))!);
  const findings: Finding[] = [];
  const add = (level: Urgency, label: string, evidence: string, category: Category = 'symptom'): void => {
    findings.push({ level, category, reason: `${level}: ${label} — ${evidence}` });
  };
  const v = ev.vitals;
  const facts = ev.facts;

  const ageDays = facts.ageDays ?? (facts.ageYears !== undefined ? facts.ageYears * 365 : undefined);
  const youngest = v.youngestAgeDays?.value ?? ageDays;
  const pregnant = has('pregnant') || v.pregnancyWeeks !== undefined || facts.pregnant === true;
  const onThinner = has('blood_thinner') || (facts.medications ?? []).some((m) => ANTICOAGULANT_FACT.test(m));
  const feverTemp = v.tempF && v.tempF.value >= 100.4 && numberIsCurrent(ev, v.tempF) ? v.tempF : undefined;
  const fever = has('fever') || feverTemp !== undefined;
  const feverQuote = feverTemp
    ? `"${excerpt(ev.original, Math.max(0, feverTemp.start - 12), feverTemp.end + 2)}" (${feverTemp.value.toFixed(1)} F)`
    : has('fever')
      ? quote('fever')
      : '';

  // Single concepts, with the few that depend on context handled here.
  for (const [id, matches] of by) {
    const concept = CONCEPTS[id];
    if (concept.level === null) continue;
    const m = matches[0];
    const q = `"${excerpt(ev.original, m.start, m.end)}"`;
    let level: Urgency = concept.level;
    let label: string = concept.label;
    if (id === 'chest_pain' && sentenceMatches(ev.folded, m, COUGH_ONLY)) {
      level = 'urgent';
      label = 'chest pain only with coughing';
    } else if (id === 'vaginal_bleeding_heavy' && pregnant) level = 'emergent';
    else if (id === 'spotting' && pregnant) level = 'urgent';
    else if (id === 'leaking_fluid' && pregnant && (v.pregnancyWeeks?.value ?? 0) < 37) level = 'emergent';
    if (concept.kind === 'symptom' && level !== 'emergent') {
      if (level === 'routine' && nearConcept(by, 'worsening', ev.folded, m)) {
        level = 'urgent';
        label = `${label}, getting worse`;
      } else if (level === 'urgent' && nearConcept(by, 'improving', ev.folded, m)) {
        level = 'routine';
        label = `${label}, improving`;
      }
    }
    add(level, label, q, concept.category);
  }

  // Combinations.
  if (fever && has('stiff_neck'))
    add('emergent', 'fever with stiff neck', `${feverQuote} + ${quote('stiff_neck')}`);
  if (fever && has('confusion', 'unresponsive'))
    add('emergent', 'fever with confusion', `${feverQuote} + ${quoteAny('confusion', 'unresponsive')}`);
  if (fever && youngest !== undefined && youngest < 90) {
    add('emergent', 'fever in a baby under 3 months', `${feverQuote}, age ${Math.round(youngest)} days`);
  }
  if (feverTemp && !has('fever')) add('urgent', 'fever', feverQuote);
  if (fever && has('dysuria', 'flank_pain', 'chills', 'hematuria')) {
    add(
      'urgent',
      'fever with urinary symptoms, flank pain or chills',
      `${feverQuote} + ${quoteAny('dysuria', 'flank_pain', 'chills', 'hematuria')}`,
    );
  }
  if (has('leg_clot_signs') && has('sob', 'pleuritic', 'chest_pain', 'breathing_severe')) {
    add(
      'emergent',
      'swollen leg with shortness of breath or chest pain (possible clot in the lung)',
      `${quote('leg_clot_signs')} + ${quoteAny('sob', 'pleuritic', 'chest_pain', 'breathing_severe')}`,
    );
  }
  if (has('head_injury')) {
    if (onThinner)
      add(
        'emergent',
        'head injury on a blood thinner',
        `${quote('head_injury')} + ${has('blood_thinner') ? quote('blood_thinner') : 'chart: anticoagulant'}`,
      );
    if (has('confusion', 'fainting', 'vomiting', 'severe_headache', 'seizure', 'near_faint')) {
      add(
        'emergent',
        'head injury with confusion, fainting or vomiting',
        `${quote('head_injury')} + ${quoteAny('confusion', 'fainting', 'vomiting', 'severe_headache', 'seizure', 'near_faint')}`,
      );
    }
  }
  if (has('black_stool') && has('near_faint', 'fainting', 'dizziness')) {
    add(
      'emergent',
      'black or bloody stools with dizziness or fainting',
      `${quote('black_stool')} + ${quoteAny('near_faint', 'fainting', 'dizziness')}`,
    );
  }
  if (pregnant) pregnancyRules(has, quote, quoteAny, add, v);
  glucoseRules(ev, has, quote, quoteAny, add);
  if (has('kussmaul') && has('glucose_context', 'glucose_high_words')) {
    add('emergent', 'fast deep breathing with high blood sugar (possible DKA)', `${quote('kussmaul')}`);
  }
  if (
    (has('lip_swelling', 'sob', 'wheezing') &&
      has('allergic_reaction', 'allergen_exposure', 'anaphylaxis')) ||
    (has('lip_swelling') && has('sob', 'wheezing'))
  ) {
    if (has('sob', 'wheezing') || has('allergic_reaction')) {
      add(
        'emergent',
        'allergic reaction with swelling or trouble breathing',
        `${quoteAny('lip_swelling', 'sob', 'wheezing')} + ${quoteAny('allergic_reaction', 'allergen_exposure', 'sob', 'wheezing')}`,
      );
    }
  }
  if (has('passive_si') && has('means_plan')) {
    add(
      'emergent',
      'thoughts of not wanting to live with a plan or means',
      `${quote('passive_si')} + ${quote('means_plan')}`,
    );
  }
  if (has('arm_jaw_pain') && has('sweating', 'sob', 'nausea')) {
    add(
      'emergent',
      'arm or jaw pain with sweating, nausea or shortness of breath',
      `${quote('arm_jaw_pain')} + ${quoteAny('sweating', 'sob', 'nausea')}`,
    );
  }
  if (has('palpitations') && has('near_faint', 'fainting', 'chest_pain')) {
    add(
      'emergent',
      'racing heart with fainting or chest pain',
      `${quote('palpitations')} + ${quoteAny('near_faint', 'fainting', 'chest_pain')}`,
    );
  }
  if (has('rash', 'allergic_reaction') && has('new_med')) {
    add(
      'urgent',
      'new rash after starting a medicine',
      `${quoteAny('rash', 'allergic_reaction')} + ${quote('new_med')}`,
    );
  }
  if (has('dizziness', 'near_faint') && has('new_med')) {
    add(
      'urgent',
      'dizziness after a medicine change',
      `${quoteAny('dizziness', 'near_faint')} + ${quote('new_med')}`,
    );
  }
  if (has('leg_swelling') && has('weight_gain')) {
    add('urgent', 'swelling with rapid weight gain', `${quote('leg_swelling')} + ${quote('weight_gain')}`);
  }
  if (
    has('weight_gain', 'leg_swelling') &&
    (facts.conditions ?? []).some((c) => /heart failure|chf|cardiomyopathy/.test(c))
  ) {
    add('urgent', 'weight gain or swelling in heart failure', quoteAny('weight_gain', 'leg_swelling'));
  }
  medicineRules(ev, has, quote, add);
  vitalRules(ev, pregnant, add);
  return findings;
}

type Has = (...ids: ConceptId[]) => boolean;
type Quote = (id: ConceptId) => string;
type QuoteAny = (...ids: ConceptId[]) => string;
type Add = (level: Urgency, label: string, evidence: string, category?: Category) => void;

function pregnancyRules(has: Has, quote: Quote, quoteAny: QuoteAny, add: Add, v: Vitals): void {
  const preg = v.pregnancyWeeks ? `pregnant ${v.pregnancyWeeks.value} weeks` : quote('pregnant');
  if (has('headache', 'severe_headache') && has('vision_change')) {
    add(
      'emergent',
      'pregnancy with headache and vision changes',
      `${preg} + ${quoteAny('severe_headache', 'headache')} + ${quote('vision_change')}`,
    );
  }
  if (has('severe_pain') && has('abdominal_pain')) {
    add('emergent', 'pregnancy with severe belly pain', `${preg} + ${quote('abdominal_pain')}`);
  }
  if (has('fetal_movement'))
    add('emergent', 'pregnancy, baby not moving', `${preg} + ${quote('fetal_movement')}`);
}

function glucoseRules(ev: Evidence, has: Has, quote: Quote, quoteAny: QuoteAny, add: Add): void {
  const current = ev.vitals.glucose.filter((g) => numberIsCurrent(ev, g));
  const high = current.filter((g) => g.value >= 300).sort((a, b) => b.value - a.value)[0];
  const low = current.filter((g) => g.value < 70).sort((a, b) => a.value - b.value)[0];
  const highQ = high
    ? `"${excerpt(ev.original, Math.max(0, high.start - 16), high.end)}"`
    : has('glucose_high_words')
      ? quote('glucose_high_words')
      : undefined;
  const lowQ = low
    ? `"${excerpt(ev.original, Math.max(0, low.start - 16), low.end)}"`
    : has('glucose_low_words')
      ? quote('glucose_low_words')
      : undefined;
  if (highQ) {
    const danger: ConceptId[] = [
      'vomiting',
      'dehydration',
      'confusion',
      'kussmaul',
      'unresponsive',
      'breathing_severe',
      'sob',
    ];
    if (has(...danger)) {
      add(
        'emergent',
        'very high blood sugar with vomiting, confusion or heavy breathing',
        `${highQ} + ${quoteAny(...danger)}`,
      );
    } else add('urgent', 'very high blood sugar', highQ);
  }
  if (lowQ) {
    if (has('confusion', 'unresponsive', 'seizure', 'fainting')) {
      add(
        'emergent',
        'low blood sugar with confusion',
        `${lowQ} + ${quoteAny('confusion', 'unresponsive', 'seizure', 'fainting')}`,
      );
    } else add('urgent', 'low blood sugar', lowQ);
  }
}

function medicineRules(ev: Evidence, has: Has, quote: Quote, add: Add): void {
  if (!has('run_out')) return;
  const chartCritical = (ev.facts.medications ?? []).some((m) => CRITICAL_FACT.test(m));
  if ((has('critical_med', 'blood_thinner') || chartCritical) && !has('supply_left')) {
    const med = has('critical_med', 'blood_thinner')
      ? quote(has('critical_med') ? 'critical_med' : 'blood_thinner')
      : 'chart: critical medicine';
    add('urgent', 'out of a medicine that must not be missed', `${quote('run_out')} + ${med}`, 'medication');
  } else add('routine', 'refill needed', quote('run_out'), 'medication');
}

function vitalRules(ev: Evidence, pregnant: boolean, add: Add): void {
  const v = ev.vitals;
  for (const bp of v.bp.filter((b) => numberIsCurrent(ev, b))) {
    const q = `"${excerpt(ev.original, bp.start, bp.end)}"`;
    if (pregnant && (bp.systolic >= 160 || bp.diastolic >= 110))
      add('emergent', 'severe-range blood pressure in pregnancy', q);
    else if (pregnant && (bp.systolic >= 140 || bp.diastolic >= 90))
      add('urgent', 'high blood pressure in pregnancy', q);
    else if (bp.systolic >= 180 || bp.diastolic >= 110) add('urgent', 'very high home blood pressure', q);
    else if (bp.systolic < 90) add('urgent', 'very low home blood pressure', q);
    else add('routine', 'home blood pressure reading', q);
  }
  for (const hr of v.heartRate.filter((r) => numberIsCurrent(ev, r))) {
    const q = `"${excerpt(ev.original, Math.max(0, hr.start - 12), hr.end)}"`;
    if (hr.value >= 130 || hr.value < 40) add('urgent', 'heart rate far outside normal', q);
    else add('routine', 'heart rate reading', q);
  }
  for (const s of v.spo2.filter((r) => numberIsCurrent(ev, r))) {
    const q = `"${excerpt(ev.original, Math.max(0, s.start - 12), s.end + 1)}"`;
    if (s.value < 90) add('emergent', 'oxygen level below 90%', q);
    else if (s.value <= 92) add('urgent', 'low oxygen level', q);
  }
  if (v.dosesTaken && v.dosesTaken.value >= 3) {
    add(
      'emergent',
      'took far more medicine than prescribed',
      `"${excerpt(ev.original, v.dosesTaken.start, v.dosesTaken.end)}"`,
    );
  }
  if (v.tempF && v.tempF.value < 100.4 && numberIsCurrent(ev, v.tempF)) {
    add(
      'routine',
      'temperature below fever threshold',
      `"${excerpt(ev.original, Math.max(0, v.tempF.start - 8), v.tempF.end)}"`,
    );
  }
}

/** A reading is current unless the modifiers say it is negated, past or hypothetical. */
function numberIsCurrent(ev: Evidence, r: { start: number; end: number }): boolean {
  return assess(ev.folded, { concept: 'fever', pack: 0, start: r.start, end: r.end }) === 'affirmed';
}

function sentenceMatches(folded: string, m: ConceptMatch, rx: RegExp): boolean {
  const [s, e] = sentenceBounds(folded, m.start, m.end);
  return rx.test(folded.slice(s, e));
}

function nearConcept(
  by: Map<ConceptId, ConceptMatch[]>,
  id: ConceptId,
  folded: string,
  m: ConceptMatch,
): boolean {
  const others = by.get(id);
  if (!others) return false;
  const [s, e] = sentenceBounds(folded, m.start, m.end);
  return others.some((o) => o.start >= s && o.end <= e);
}
