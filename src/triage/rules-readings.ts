import type { ConceptId } from './concepts';
import { assess } from './context';
import { excerpt, sentenceBounds } from './normalize';
import type { Evidence, RuleContext } from './rule-context';

/** Bleeding the sentence puts elsewhere (scratched skin, the nose, the gums) is not bleeding in pregnancy. */
const OTHER_BLEEDING_SOURCE =
  /\b(?:scratch\w*|nose ?bleeds?|nose|gums?|finger|shaving|tooth|teeth|lip|rash|skin|hemorrhoids?|rasc\w*|encias|nariz|dedo|cortada|piel)\b/;

const CRITICAL_FACT =
  /insulin|levetiracetam|keppra|lamotrigine|phenytoin|valpro|carbamazepine|lacosamide|warfarin|apixaban|rivaroxaban|dabigatran|tacrolimus|mycophenolate|cyclosporine|sirolimus|bictegravir|dolutegravir|emtricitabine|tenofovir|darunavir|raltegravir|prednisone|hydrocortisone|prednisolone/;

/** Rules on numbers and on medicines: readings against thresholds, pregnancy, glucose, run-outs. */
export function readingRules(ctx: RuleContext): void {
  if (ctx.pregnant) pregnancyRules(ctx);
  glucoseRules(ctx);
  medicineRules(ctx);
  vitalRules(ctx);
}

function pregnancyRules(ctx: RuleContext): void {
  const { has, quote, quoteAny, add } = ctx;
  const v = ctx.ev.vitals;
  const preg = v.pregnancyWeeks ? `pregnant ${v.pregnancyWeeks.value} weeks` : quote('pregnant');
  if (has('headache', 'severe_headache') && has('vision_change')) {
    add(
      'emergent',
      'pregnancy with headache and vision changes',
      `${preg} + ${quoteAny('severe_headache', 'headache')} + ${quote('vision_change')}`,
    );
  }
  if (has('near_faint', 'fainting') && has('severe_pain', 'abdominal_pain', 'bleeding', 'spotting')) {
    add(
      'emergent',
      'pregnancy with pain or bleeding and feeling faint',
      `${preg} + ${quoteAny('severe_pain', 'abdominal_pain', 'bleeding', 'spotting')} + ${quoteAny('near_faint', 'fainting')}`,
    );
  }
  if (has('severe_pain') && has('abdominal_pain')) {
    add('emergent', 'pregnancy with severe belly pain', `${preg} + ${quote('abdominal_pain')}`);
  }
  if (has('contractions')) {
    // Labour before 37 weeks is an emergency; at term it is a call to the birth unit, not the clinic queue.
    const preterm = (v.pregnancyWeeks?.value ?? 0) < 37;
    add(
      preterm ? 'emergent' : 'urgent',
      preterm ? 'contractions before 37 weeks' : 'contractions in pregnancy',
      `${preg} + ${quote('contractions')}`,
    );
  }
  if (has('itching_palms'))
    add('urgent', 'pregnancy with itching of palms or soles', `${preg} + ${quote('itching_palms')}`);
  const fromElsewhere = (ctx.by.get('bleeding') ?? []).every((m) => {
    const [start, end] = sentenceBounds(ctx.ev.folded, m.start, m.end);
    return OTHER_BLEEDING_SOURCE.test(ctx.ev.folded.slice(start, end));
  });
  if (has('bleeding') && !has('vaginal_bleeding_heavy', 'spotting') && !fromElsewhere) {
    // Bleeding in pregnancy: after 20 weeks, or with severe pain, it is an emergency; earlier, same day.
    const late = (v.pregnancyWeeks?.value ?? 0) >= 20;
    if (late || has('severe_pain'))
      add('emergent', 'bleeding in later pregnancy or with severe pain', `${preg} + ${quote('bleeding')}`);
    else add('urgent', 'bleeding in pregnancy', `${preg} + ${quote('bleeding')}`);
  }
  if (has('fetal_movement'))
    add('emergent', 'pregnancy, baby not moving', `${preg} + ${quote('fetal_movement')}`);
}

function glucoseRules(ctx: RuleContext): void {
  const { ev, has, quote, quoteAny, add } = ctx;
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

function medicineRules(ctx: RuleContext): void {
  const { ev, has, quote, add } = ctx;
  if (!has('run_out')) return;
  const chartCritical = (ev.facts.medications ?? []).some((m) => CRITICAL_FACT.test(m));
  if ((has('critical_med', 'blood_thinner') || chartCritical) && !has('supply_left')) {
    const med = has('critical_med', 'blood_thinner')
      ? quote(has('critical_med') ? 'critical_med' : 'blood_thinner')
      : 'chart: critical medicine';
    add('urgent', 'out of a medicine that must not be missed', `${quote('run_out')} + ${med}`, 'medication');
  } else add('routine', 'refill needed', quote('run_out'), 'medication');
}

function vitalRules(ctx: RuleContext): void {
  const { ev, pregnant, add } = ctx;
  const v = ev.vitals;
  // Symptoms that turn a very high reading into a hypertensive emergency.
  const organ = new Set<ConceptId>([
    'headache',
    'severe_headache',
    'worst_headache',
    'vision_change',
    'vision_loss',
    'chest_pain',
    'confusion',
    'stroke_face',
    'stroke_speech',
    'stroke_weakness',
    'sob',
    'breathing_severe',
  ]);
  const hasOrgan = ev.affirmed.some((m) => organ.has(m.concept));
  for (const bp of v.bp.filter((b) => numberIsCurrent(ev, b))) {
    const q = `"${excerpt(ev.original, bp.start, bp.end)}"`;
    if (pregnant && (bp.systolic >= 160 || bp.diastolic >= 110))
      add('emergent', 'severe-range blood pressure in pregnancy', q);
    else if (pregnant && (bp.systolic >= 140 || bp.diastolic >= 90))
      add('urgent', 'high blood pressure in pregnancy', q);
    else if ((bp.systolic >= 180 || bp.diastolic >= 120) && hasOrgan) {
      add('emergent', 'very high blood pressure with headache, vision, chest or neurological symptoms', q);
    } else if (bp.systolic >= 180 || bp.diastolic >= 110) add('urgent', 'very high home blood pressure', q);
    else if (bp.systolic >= 170 && v.bp.filter((b) => b.systolic >= 170).length >= 2)
      // Two readings at 170 or more: recheck and advice today, even without symptoms.
      add('urgent', 'repeated high home blood pressure readings', q);
    else if ((bp.systolic >= 160 || bp.diastolic >= 100) && ctx.has('run_out'))
      // High and out of the pill that controls it: a refill and advice today.
      add('urgent', 'high blood pressure while out of the medicine', `${q} + ${ctx.quote('run_out')}`);
    else if ((bp.systolic >= 160 || bp.diastolic >= 100) && hasOrgan) {
      add('urgent', 'high blood pressure with symptoms', q);
    } else if (bp.systolic < 90 && ctx.fever)
      // Low pressure with a fever is how sepsis shows at home.
      add('emergent', 'very low blood pressure with fever (possible sepsis)', `${q} + ${ctx.feverQuote}`);
    else if (bp.systolic < 90) add('urgent', 'very low home blood pressure', q);
    else if (bp.systolic < 100 && ctx.has('dizziness', 'near_faint', 'fainting'))
      // Low-normal pressure with dizziness on standing (often a diuretic or new pill): same day.
      add(
        'urgent',
        'low blood pressure with dizziness',
        `${q} + ${ctx.quoteAny('dizziness', 'near_faint', 'fainting')}`,
      );
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
  if (v.potassium && numberIsCurrent(ev, v.potassium)) {
    const q = `"${excerpt(ev.original, v.potassium.start, v.potassium.end)}"`;
    if (v.potassium.value >= 6 || v.potassium.value < 3) add('urgent', 'potassium far outside normal', q);
    else add('routine', 'potassium result', q, 'results');
  }
  if (v.inr && numberIsCurrent(ev, v.inr)) {
    const q = `"${excerpt(ev.original, v.inr.start, v.inr.end)}"`;
    const bleeding = ctx.has('bleeding', 'bleeding_heavy', 'black_stool', 'vomit_blood', 'hematuria');
    if (v.inr.value >= 9 || (v.inr.value >= 4.5 && bleeding))
      add('emergent', 'INR far too high (bleeding risk)', q);
    else if (v.inr.value >= 4.5) add('urgent', 'INR too high on a blood thinner', q);
    else add('routine', 'INR reading', q);
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
export function numberIsCurrent(ev: Evidence, r: { start: number; end: number }): boolean {
  return assess(ev.folded, { concept: 'fever', pack: 0, start: r.start, end: r.end }) === 'affirmed';
}
