import type { Category, Urgency } from './types';

/**
 * How context modifiers apply to a concept:
 * - symptom: negation, history, hypothetical and experiencer all apply;
 * - event: a disease name ("stroke", "heart attack") that counts only with an active cue
 *   ("is having", "just had"), because patients mostly name diseases for history or education;
 * - request: a clinical or administrative ask; only hypotheticals are ignored;
 * - modifier: context for rules (a medicine class, "ran out", "getting worse"); never a level itself.
 */
export type ConceptKind = 'symptom' | 'event' | 'request' | 'modifier';

export interface Concept {
  label: string;
  /** Level the concept gives on its own; null = only meaningful inside a combination rule. */
  level: Urgency | null;
  category: Category;
  kind: ConceptKind;
}

const E = 'emergent';
const U = 'urgent';
const R = 'routine';
const N = 'non_clinical';

function c(label: string, level: Urgency | null, category: Category, kind: ConceptKind): Concept {
  return { label, level, category, kind };
}

/** Every concept the lexicons may name. Order matters: earlier concepts win ties at one position. */
export const CONCEPTS = {
  // Emergent on their own.
  chest_pain: c('chest pain', E, 'symptom', 'symptom'),
  breathing_severe: c('severe trouble breathing', E, 'symptom', 'symptom'),
  cyanosis: c('lips or face turning blue', E, 'symptom', 'symptom'),
  stroke_face: c('face drooping', E, 'symptom', 'symptom'),
  stroke_speech: c('slurred or confused speech', E, 'symptom', 'symptom'),
  stroke_weakness: c('sudden weakness or numbness on one side', E, 'symptom', 'symptom'),
  vision_loss: c('sudden loss of vision', E, 'symptom', 'symptom'),
  throat_swelling: c('throat or tongue swelling', E, 'symptom', 'symptom'),
  suicide_plan: c('suicidal thoughts with plan or intent', E, 'symptom', 'symptom'),
  harm_others: c('thoughts of harming others', E, 'symptom', 'symptom'),
  bleeding_heavy: c("heavy bleeding that won't stop", E, 'symptom', 'symptom'),
  vomit_blood: c('vomiting blood', E, 'symptom', 'symptom'),
  worst_headache: c('sudden worst headache of life', E, 'symptom', 'symptom'),
  fainting: c('fainting / passing out', E, 'symptom', 'symptom'),
  confusion: c('new confusion', E, 'symptom', 'symptom'),
  unresponsive: c('unresponsive or not breathing', E, 'symptom', 'symptom'),
  seizure: c('seizure', E, 'symptom', 'symptom'),
  overdose: c('overdose or poisoning', E, 'symptom', 'symptom'),
  fetal_movement: c('baby has stopped moving', E, 'symptom', 'symptom'),
  anaphylaxis: c('anaphylaxis', E, 'symptom', 'symptom'),
  choking: c('choking', E, 'symptom', 'symptom'),
  cauda_equina: c('leg weakness or numbness with loss of bladder or bowel control', E, 'symptom', 'symptom'),
  spinal_injury: c("can't feel or move the legs", E, 'symptom', 'symptom'),
  acute_abdomen: c('rigid belly or possible burst appendix', E, 'symptom', 'symptom'),
  open_fracture: c('bone showing or limb bent out of shape', E, 'symptom', 'symptom'),
  heart_attack: c('possible heart attack', E, 'symptom', 'event'),
  stroke: c('possible stroke', E, 'symptom', 'event'),
  // Urgent on their own.
  sob: c('shortness of breath', U, 'symptom', 'symptom'),
  fracture_signs: c('possible broken bone', U, 'symptom', 'symptom'),
  hearing_loss: c('sudden hearing loss', U, 'symptom', 'symptom'),
  hernia_stuck: c('hernia or groin bulge that will not go back in', U, 'symptom', 'symptom'),
  recurrent_bleeding: c('bleeding that keeps coming back', U, 'symptom', 'symptom'),
  burn: c('large or deep burn', U, 'symptom', 'symptom'),
  weight_loss: c('unexplained weight loss', U, 'symptom', 'symptom'),
  jaundice: c('yellow skin or eyes', U, 'symptom', 'symptom'),
  alcohol_withdrawal: c('alcohol withdrawal risk', U, 'symptom', 'symptom'),
  stridor: c('high-pitched breathing (stridor)', U, 'symptom', 'symptom'),
  postpartum_mood: c('low mood after a birth', U, 'symptom', 'symptom'),
  severe_symptom: c('severe symptom', U, 'symptom', 'symptom'),
  contractions: c('contractions', R, 'symptom', 'symptom'),
  cant_talk: c('barely able to talk', R, 'symptom', 'symptom'),
  dysphagia: c('trouble swallowing', R, 'symptom', 'symptom'),
  throat_symptom: c('throat tight, hoarse or feeling strange', R, 'symptom', 'symptom'),
  hyperglycemia_signs: c('very thirsty and passing a lot of urine', U, 'symptom', 'symptom'),
  ear_drainage: c('ear pain or drainage', U, 'symptom', 'symptom'),
  itching_palms: c('itching of palms or soles', R, 'symptom', 'symptom'),
  throat_severe: c("severe sore throat (can't open mouth, drooling)", U, 'symptom', 'symptom'),
  shingles: c('possible shingles', U, 'symptom', 'symptom'),
  bite_puncture: c('animal bite or deep puncture wound', U, 'symptom', 'symptom'),
  foreign_body: c('something stuck in the eye, ear, nose or throat', U, 'symptom', 'symptom'),
  device_problem: c('medical device problem', U, 'symptom', 'symptom'),
  dose_error: c('took more than the prescribed dose', U, 'medication', 'symptom'),
  petechial_rash: c('rash that does not fade when pressed', U, 'symptom', 'symptom'),
  palpitations: c('racing or irregular heartbeat', U, 'symptom', 'symptom'),
  near_faint: c('nearly fainted', U, 'symptom', 'symptom'),
  fever: c('fever', U, 'symptom', 'symptom'),
  dysuria: c('painful urination', U, 'symptom', 'symptom'),
  hematuria: c('blood in urine', U, 'symptom', 'symptom'),
  flank_pain: c('flank pain', U, 'symptom', 'symptom'),
  severe_headache: c('severe headache', U, 'symptom', 'symptom'),
  vision_change: c('vision changes', U, 'symptom', 'symptom'),
  leg_clot_signs: c('one leg swollen and painful', U, 'symptom', 'symptom'),
  lip_swelling: c('lip or face swelling', U, 'symptom', 'symptom'),
  wound_infection: c('wound or skin redness, warmth, spreading or pus', U, 'symptom', 'symptom'),
  dehydration: c('no fluids kept down / dehydration', U, 'symptom', 'symptom'),
  black_stool: c('black or bloody stools', U, 'symptom', 'symptom'),
  abuse: c('violence or abuse at home disclosed', U, 'symptom', 'symptom'),
  passive_si: c('thoughts of not wanting to be alive', U, 'symptom', 'symptom'),
  self_harm: c('self-harm', U, 'symptom', 'symptom'),
  vaginal_bleeding_heavy: c('heavy vaginal bleeding', U, 'symptom', 'symptom'),
  eye_pain: c('eye pain or light sensitivity', U, 'symptom', 'symptom'),
  asthma_uncontrolled: c('asthma not helped by rescue inhaler', U, 'symptom', 'symptom'),
  wheezing: c('wheezing', U, 'symptom', 'symptom'),
  severe_pain: c('severe pain', U, 'symptom', 'symptom'),
  allergic_reaction: c('allergic reaction', U, 'symptom', 'symptom'),
  pleuritic: c('pain on deep breath', U, 'symptom', 'symptom'),
  glucose_high_words: c('very high blood sugar', U, 'symptom', 'symptom'),
  glucose_low_words: c('low blood sugar', U, 'symptom', 'symptom'),
  // Features: clinical, routine alone, but they complete a combination.
  stiff_neck: c('stiff neck', R, 'symptom', 'symptom'),
  light_sensitivity: c('light sensitivity', R, 'symptom', 'symptom'),
  chills: c('chills', R, 'symptom', 'symptom'),
  headache: c('headache', R, 'symptom', 'symptom'),
  vomiting: c('vomiting', R, 'symptom', 'symptom'),
  diarrhea: c('diarrhea', R, 'symptom', 'symptom'),
  cough: c('cough', R, 'symptom', 'symptom'),
  dizziness: c('dizziness', R, 'symptom', 'symptom'),
  leg_swelling: c('leg or ankle swelling', R, 'symptom', 'symptom'),
  weight_gain: c('rapid weight gain', R, 'symptom', 'symptom'),
  rash: c('rash', R, 'symptom', 'symptom'),
  head_injury: c('head injury', R, 'symptom', 'symptom'),
  trauma: c('accident or fall', R, 'symptom', 'symptom'),
  injury_pain: c('hurts to move or bear weight', R, 'symptom', 'symptom'),
  abdominal_pain: c('belly pain', R, 'symptom', 'symptom'),
  spotting: c('spotting or vaginal bleeding', R, 'symptom', 'symptom'),
  leaking_fluid: c('leaking fluid', R, 'symptom', 'symptom'),
  sweating: c('sweating', R, 'symptom', 'symptom'),
  nausea: c('nausea', R, 'symptom', 'symptom'),
  limb_numbness: c('numbness on one side', R, 'symptom', 'symptom'),
  arm_jaw_pain: c('pain spreading to arm or jaw', R, 'symptom', 'symptom'),
  kussmaul: c('fast deep breathing', R, 'symptom', 'symptom'),
  infant_signs: c('baby feeding poorly or very sleepy', R, 'symptom', 'symptom'),
  bleeding: c('bleeding', R, 'symptom', 'symptom'),
  agitation: c('agitation or no sleep', R, 'symptom', 'symptom'),
  mild_symptom: c('symptom', R, 'symptom', 'symptom'),
  // Clinical requests and updates.
  refill: c('refill request', R, 'medication', 'request'),
  med_question: c('medication question', R, 'medication', 'request'),
  results_question: c('question about results', R, 'results', 'request'),
  referral_status: c('referral status', N, 'other', 'request'),
  referral: c('referral request', R, 'other', 'request'),
  records: c('records request', N, 'forms_records', 'request'),
  vaccine: c('vaccine question', R, 'medication', 'request'),
  er_followup: c('follow-up after an emergency visit', R, 'symptom', 'request'),
  clinical_update: c('update that things are better', R, 'symptom', 'request'),
  home_readings: c('home readings', R, 'symptom', 'request'),
  // Administrative requests.
  scheduling: c('scheduling', N, 'scheduling', 'request'),
  billing: c('billing or insurance', N, 'billing', 'request'),
  forms: c('forms or letters', N, 'forms_records', 'request'),
  portal: c('portal or login problem', N, 'portal_technical', 'request'),
  demographics: c('contact or chart details update', N, 'forms_records', 'request'),
  thanks: c('thank-you note', N, 'other', 'request'),
  // Modifiers used by rules.
  pregnant: c('pregnancy', null, 'symptom', 'modifier'),
  blood_thinner: c('on a blood thinner', null, 'medication', 'modifier'),
  critical_med: c('critical medicine', null, 'medication', 'modifier'),
  run_out: c('out of medicine', null, 'medication', 'modifier'),
  supply_left: c('supply left', null, 'medication', 'modifier'),
  new_med: c('new or changed medicine', null, 'medication', 'modifier'),
  postop: c('recent surgery', null, 'symptom', 'modifier'),
  worsening: c('getting worse', null, 'symptom', 'modifier'),
  improving: c('getting better', null, 'symptom', 'modifier'),
  means_plan: c('plan or means for self-harm', null, 'symptom', 'modifier'),
  known_allergy: c('known allergy', null, 'symptom', 'modifier'),
  allergen_exposure: c('allergen exposure', null, 'symptom', 'modifier'),
  child: c('child', null, 'symptom', 'modifier'),
  glucose_context: c('blood sugar', null, 'symptom', 'modifier'),
  alert_drinking: c('alert and drinking', null, 'symptom', 'modifier'),
} as const satisfies Record<string, Concept>;

export type ConceptId = keyof typeof CONCEPTS;
