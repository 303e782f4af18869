import type { ConceptId } from './concepts';
import type { RuleContext } from './rule-context';

const SUDDEN =
  /\b(?:sudden\w*|all of a sudden|out of nowhere|just (?:now|started)|started (?:an?|\d+|about|like) (?:hour|minute|min)s?|(?:an?|\d+|few|couple of) (?:minutes?|mins?|hours?) ago|this (?:morning|afternoon|evening)|tonight|woke up)\b/;

/** Onset words for a headache: "came on suddenly", not merely "since this morning". */
const SUDDEN_ONSET =
  /\b(?:sudden\w*|all of a sudden|out of nowhere|came on (?:fast|quick\w*|all at once)|like a (?:thunderclap|bomb|bat))\b/;

/** Symptoms that are more urgent together than apart (fever + stiff neck, swollen leg + breathlessness...). */
export function combinationRules(ctx: RuleContext): void {
  const { has, quote, quoteAny, add, fever, feverQuote, onThinner, ev } = ctx;
  const youngest = ctx.youngestDays;
  const facts = ev.facts;
  if (has('severe_headache', 'worst_headache') && has('stiff_neck')) {
    add(
      'emergent',
      'severe headache with stiff neck',
      `${quoteAny('worst_headache', 'severe_headache')} + ${quote('stiff_neck')}`,
    );
  }
  if (fever && has('petechial_rash'))
    add('emergent', 'fever with a rash that does not fade', `${feverQuote} + ${quote('petechial_rash')}`);
  if (has('dose_error') && has('dizziness', 'near_faint', 'fainting', 'confusion', 'palpitations', 'sob')) {
    add(
      'emergent',
      'took more medicine than prescribed, now with symptoms',
      `${quote('dose_error')} + ${quoteAny('dizziness', 'near_faint', 'fainting', 'confusion', 'palpitations', 'sob')}`,
    );
  }
  if (fever && has('stiff_neck'))
    add('emergent', 'fever with stiff neck', `${feverQuote} + ${quote('stiff_neck')}`);
  if (fever && has('confusion', 'unresponsive'))
    add('emergent', 'fever with confusion', `${feverQuote} + ${quoteAny('confusion', 'unresponsive')}`);
  if (fever && youngest !== undefined && youngest < 90) {
    add('emergent', 'fever in a baby under 3 months', `${feverQuote}, age ${Math.round(youngest)} days`);
  }
  if (youngest !== undefined && youngest < 90 && has('infant_signs', 'jaundice', 'dehydration')) {
    add(
      'emergent',
      'baby under 3 months feeding poorly, very sleepy or yellow',
      `${quoteAny('infant_signs', 'jaundice', 'dehydration')}, age ${Math.round(youngest)} days`,
    );
  }
  if (has('trauma') && has('injury_pain')) {
    add(
      'urgent',
      'possible broken bone after a fall or accident',
      `${quote('trauma')} + ${quote('injury_pain')}`,
    );
  }
  if (has('trauma') && has('stiff_neck', 'severe_pain', 'headache', 'severe_headache')) {
    add(
      'urgent',
      'pain after an accident or fall',
      `${quote('trauma')} + ${quoteAny('stiff_neck', 'severe_pain', 'headache', 'severe_headache')}`,
    );
  }
  if (ctx.feverFromNumberOnly) add('urgent', 'fever', feverQuote);
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
  if (
    has('trauma') &&
    !has('head_injury') &&
    has('confusion', 'fainting', 'vomiting', 'severe_headache', 'seizure')
  ) {
    add(
      'emergent',
      'accident or fall with confusion, fainting, vomiting or severe headache',
      `${quote('trauma')} + ${quoteAny('confusion', 'fainting', 'vomiting', 'severe_headache', 'seizure')}`,
    );
  }
  if (has('trauma') && onThinner && !has('head_injury')) {
    add(
      'urgent',
      'fall or injury on a blood thinner',
      `${quote('trauma')} + ${has('blood_thinner') ? quote('blood_thinner') : 'chart: anticoagulant'}`,
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
  const bleedingIds: ConceptId[] = [
    'bleeding',
    'bleeding_heavy',
    'vaginal_bleeding_heavy',
    'spotting',
    'black_stool',
    'hematuria',
  ];
  // Fainting with any bleeding, or dizziness with heavy bleeding, suggests real blood loss.
  const heavyBleeding: ConceptId[] = ['bleeding_heavy', 'vaginal_bleeding_heavy', 'black_stool', 'hematuria'];
  if ((has(...bleedingIds) && has('near_faint', 'fainting')) || (has(...heavyBleeding) && has('dizziness'))) {
    add(
      'emergent',
      'bleeding with dizziness or fainting',
      `${quoteAny(...bleedingIds)} + ${quoteAny('near_faint', 'fainting', 'dizziness')}`,
    );
  } else if (has('bleeding') && has('dizziness')) {
    add('urgent', 'bleeding with dizziness', `${quote('bleeding')} + ${quote('dizziness')}`);
  }
  if (has(...bleedingIds) && onThinner) {
    add(
      'urgent',
      'bleeding on a blood thinner',
      `${quoteAny(...bleedingIds)} + ${has('blood_thinner') ? quote('blood_thinner') : 'chart: anticoagulant'}`,
    );
  }
  if (has('head_injury') && has('headache', 'dizziness', 'nausea', 'vision_change')) {
    add(
      'urgent',
      'head injury with headache, dizziness or nausea',
      `${quote('head_injury')} + ${quoteAny('headache', 'dizziness', 'nausea', 'vision_change')}`,
    );
  }
  if (has('black_stool') && has('near_faint', 'fainting', 'dizziness')) {
    add(
      'emergent',
      'black or bloody stools with dizziness or fainting',
      `${quote('black_stool')} + ${quoteAny('near_faint', 'fainting', 'dizziness')}`,
    );
  }

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
  if (has('self_harm') && has('means_plan')) {
    add(
      'emergent',
      'thoughts of self-harm with means at hand or a time set',
      `${quote('self_harm')} + ${quote('means_plan')}`,
    );
  }
  if (
    /\b(?:heart failure|chf|congestive|cardiomyopathy)\b/.test(ev.folded) &&
    has('weight_gain') &&
    has('leg_swelling')
  ) {
    add(
      'urgent',
      'swelling with weight gain in heart failure',
      `${quote('leg_swelling')} + ${quote('weight_gain')}`,
    );
  }
  if (has('dysphagia') && has('allergic_reaction', 'allergen_exposure', 'anaphylaxis', 'lip_swelling')) {
    add(
      'emergent',
      'trouble swallowing with an allergic reaction or exposure',
      `${quote('dysphagia')} + ${quoteAny('allergic_reaction', 'lip_swelling', 'anaphylaxis', 'allergen_exposure')}`,
    );
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
  // "The rash is much better already" after a new prescription is an update, not a new reaction.
  if (has('rash', 'allergic_reaction') && has('new_med') && !(has('improving') && !has('worsening'))) {
    add(
      'urgent',
      'new rash after starting a medicine',
      `${quoteAny('rash', 'allergic_reaction')} + ${quote('new_med')}`,
    );
  }
  if (has('abdominal_pain') && has('vomiting', 'dehydration')) {
    add(
      'urgent',
      'belly pain with vomiting',
      `${quote('abdominal_pain')} + ${quoteAny('vomiting', 'dehydration')}`,
    );
  }
  if (has('limb_numbness')) {
    // Numbness on one side is a stroke sign when it is sudden or comes with other neurological signs.
    const neuro: ConceptId[] = [
      'stroke_face',
      'stroke_speech',
      'stroke_weakness',
      'vision_loss',
      'vision_change',
      'confusion',
      'worst_headache',
      'severe_headache',
    ];
    const m = ctx.by.get('limb_numbness')![0];
    const sentence = ev.folded.slice(Math.max(0, m.start - 80), m.end + 80);
    if (has(...neuro) || SUDDEN.test(sentence)) {
      add(
        'emergent',
        'sudden numbness on one side',
        has(...neuro) ? `${quote('limb_numbness')} + ${quoteAny(...neuro)}` : quote('limb_numbness'),
      );
    }
  }
  if (has('severe_headache') && !has('worst_headache')) {
    const m = ctx.by.get('severe_headache')![0];
    if (SUDDEN_ONSET.test(ev.folded.slice(m.start, m.end + 80))) {
      add('emergent', 'sudden severe headache', quote('severe_headache'));
    }
  }
  if (has('dehydration') && has('infant_signs', 'confusion', 'unresponsive')) {
    add(
      'emergent',
      'dehydration with lethargy',
      `${quote('dehydration')} + ${quoteAny('infant_signs', 'confusion', 'unresponsive')}`,
    );
  }
  if (has('cant_talk') && has('asthma_uncontrolled', 'wheezing', 'sob', 'stridor')) {
    add(
      'emergent',
      'breathing trouble, barely able to talk',
      `${quoteAny('asthma_uncontrolled', 'wheezing', 'sob', 'stridor')} + ${quote('cant_talk')}`,
    );
  }
  if (
    has('known_allergy') &&
    has('allergen_exposure') &&
    has('throat_symptom', 'cough', 'wheezing', 'lip_swelling', 'allergic_reaction', 'vomiting')
  ) {
    add(
      'emergent',
      'known allergy, exposure and throat, breathing or swelling symptoms',
      `${quote('known_allergy')} + ${quote('allergen_exposure')} + ${quoteAny('throat_symptom', 'cough', 'wheezing', 'lip_swelling', 'vomiting')}`,
    );
  }
  const sideEffects: ConceptId[] = [
    'vomiting',
    'diarrhea',
    'palpitations',
    'confusion',
    'dehydration',
    'agitation',
  ];
  if (
    has('new_med') &&
    has(...sideEffects) &&
    !/\b(?:mild|mildly|slight|slightly|minor|a little|a bit|just annoying)\b/.test(ev.folded)
  ) {
    add(
      'urgent',
      'significant side effects after a medicine change',
      `${quoteAny(...sideEffects)} + ${quote('new_med')}`,
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
}
