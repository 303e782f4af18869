import { CONCEPTS, type ConceptId } from './concepts';
import type { ConceptMatch } from './matcher';
import { excerpt, sentenceBounds } from './normalize';
import { buildContext, patientFacts, type Evidence, type Finding } from './rule-context';
import { combinationRules } from './rules-combinations';
import { numberIsCurrent, readingRules } from './rules-readings';
import { urgencyRank, type Urgency } from './types';

export type { Evidence, Finding } from './rule-context';

const RESOLVED_AFTER =
  /\bbut (?:it'?s|its|it is|it has|they'?re|that'?s) (?:all )?(?:gone|over|better|resolved|passed|stopped)|\b(?:went away|has gone away|resolved|passed) (?:after|within|in) (?:a few|\d+|a couple|about)/;
const STAINED_FLUID = /\b(?:green\w*|brown\w*|bloody|dark|smells?)\b/;
const INJURY_CUE =
  /\b(?:broke|broken|fractur\w*|injur\w*|sprain\w*|dislocat\w*|practice|game|tackled|twisted|collarbone|shoulder)\b/;
const COUGH_ONLY =
  /\b(?:only )?(?:when|with|from|after) (?:i |he |she )?(?:cough|coughing|breathe (?:in|deep\w*))\b|\bfrom (?:all the |the )?coughing\b|\b(?:cuando|al) (?:toso|tose|toser|respiro hondo|respirar (?:hondo|profundo))\b/;

const LITTLE_BLOOD =
  /\b(?:a (?:little|bit|tiny bit|few drops|streak)|little bit|bit of|streaks?|spots? of|a few drops|poquit\w*|un poco)\b/;
const STRAINING =
  /\b(?:strain\w*|constipat\w*|backed up|hemorrhoid\w*|haemorrhoid\w*|piles|fissure|hard (?:stools?|poops?|bms?|bowel movements?)|estren\w*|hemorroid\w*|pujar|pujando)\b/;
/** A seizure yesterday that the ER already assessed (the protocols must not read it again either). */
export function seizureAssessedInER(folded: string): boolean {
  return SEEN_IN_ER.test(folded) && PAST_DAY.test(folded);
}
const SEEN_IN_ER =
  /\b(?:the er|er (?:said|doctor|visit)|emergency room|urgencias|we called 911|ambulance took)\b/;
const PAST_DAY = /\b(?:yesterday|last night|ayer|anoche)\b/;
const IRON = /\b(?:iron|ferrous|hierro|sulfato ferroso|pepto|bismuth)\b/;
const REPRODUCIBLE =
  /\b(?:hurts|sore|tender|pain\w*) (?:only )?when (?:i |he |she |you )?(?:press\w*|push\w*|touch\w*) (?:on )?(?:it|there|the spot)|(?:press\w*|push\w*) on (?:it|the spot) (?:it|and it) (?:hurts|is sore)|duele (?:cuando|al) (?:le |me )?(?:aprieto|aprieta|presiono|toco)/;
const SKIN_RASH = /\b(?:blisters?|shingles|rash|ampollas?|culebrilla|herpes zoster)\b/;
const BREAST_CONTEXT =
  /\b(?:breasts?|boobs?|nipples?|period|menstrual|senos?|pechos? (?:hinchados|sensibles)|regla)\b/;
const TIGHTNESS_ONLY = /\b(?:tight\w*|apretad\w*|opresion|oprimid\w*)\b/;
const ASTHMA_WORD =
  /\b(?:asthma\w*|asma\w*|wheez\w*|silb\w*|chiflid\w*|albuterol|inhaler|inhalador|nebuli\w*)\b/;

/** "Spreading a little, just itchy": a worsening that the patient calls mild stays routine. */
const MILD_CUE = /\b(?:a little|a bit|slightly|mild|mildly|just itchy|minor)\b/;

/** Urgent symptoms that a stated improvement ("way better than last week") brings back to routine. */
const MAY_IMPROVE = new Set<ConceptId>([
  'dysuria',
  'fever',
  'wound_infection',
  'dehydration',
  'wheezing',
  'asthma_uncontrolled',
  'severe_pain',
  'severe_headache',
  'flank_pain',
  'allergic_reaction',
  'cough',
]);

/** Every finding the evidence supports: single concepts, combinations, readings and medicines. */
export function applyRules(ev: Evidence): Finding[] {
  const findings: Finding[] = [];
  const v = ev.vitals;
  const feverTemp = v.tempF && v.tempF.value >= 100.4 && numberIsCurrent(ev, v.tempF) ? v.tempF : undefined;
  const ctx = buildContext(ev, findings, (has) => {
    const numberQuote = feverTemp
      ? `"${excerpt(ev.original, Math.max(0, feverTemp.start - 12), feverTemp.end + 2)}" (${feverTemp.value.toFixed(1)} F)`
      : undefined;
    return {
      ...patientFacts(ev, has),
      fever: has('fever') || feverTemp !== undefined,
      feverFromNumberOnly: feverTemp !== undefined && !has('fever'),
      feverQuote: numberQuote ?? '',
    };
  });
  if (!ctx.feverQuote && ctx.has('fever')) ctx.feverQuote = ctx.quote('fever');

  // Single concepts: every occurrence is judged and the most urgent one counts.
  for (const [id, matches] of ctx.by) {
    const concept = CONCEPTS[id];
    if (concept.level === null) continue;
    const judged = matches.map((m) => judgeOccurrence(ev, ctx.by, id, m, ctx.pregnant));
    const best = judged.reduce((a, b) => (urgencyRank(b.level) < urgencyRank(a.level) ? b : a));
    ctx.add(best.level, best.label, best.quote, concept.category);
  }
  combinationRules(ctx);
  readingRules(ctx);
  return findings;
}

/** The level one occurrence of a concept earns in its sentence. */
function judgeOccurrence(
  ev: Evidence,
  by: Map<ConceptId, ConceptMatch[]>,
  id: ConceptId,
  m: ConceptMatch,
  pregnant: boolean,
): { level: Urgency; label: string; quote: string } {
  const concept = CONCEPTS[id];
  const quote = `"${excerpt(ev.original, m.start, m.end)}"`;
  let level: Urgency = concept.level ?? 'routine';
  let label: string = concept.label;
  if (id === 'chest_pain' && sentenceMatches(ev.folded, m, COUGH_ONLY)) {
    level = 'urgent';
    label = 'chest pain only with coughing';
  } else if (
    id === 'chest_pain' &&
    RESOLVED_AFTER.test(ev.folded.slice(m.end, sentenceBounds(ev.folded, m.start, m.end)[1]))
  ) {
    // Chest pain that has already gone still needs a clinician today, not an ambulance.
    level = 'urgent';
    label = 'chest pain that has since gone';
  } else if (
    id === 'chest_pain' &&
    TIGHTNESS_ONLY.test(ev.folded.slice(m.start, m.end)) &&
    (by.has('wheezing') || by.has('asthma_uncontrolled') || ASTHMA_WORD.test(ev.folded))
  ) {
    // A tight chest with wheezing in someone with asthma is the asthma flare itself: same day,
    // unless the flare's own red flags (cannot speak, blue lips) make it emergent elsewhere.
    level = 'urgent';
    label = 'chest tightness with wheezing (asthma)';
  } else if (
    id === 'black_stool' &&
    /toilet paper|wip(?:e|ing)|papel/.test(ev.folded.slice(Math.max(0, m.start - 40), m.end + 20)) &&
    LITTLE_BLOOD.test(ev.folded) &&
    STRAINING.test(ev.folded)
  ) {
    // A little bright red blood when wiping, with straining or known piles: see a GP, not today (NHS).
    level = 'routine';
    label = 'a little bright red blood when wiping, with straining or piles';
  } else if (id === 'chest_pain' && REPRODUCIBLE.test(ev.folded)) {
    // Chest pain a finger can reproduce (pressing, twisting) is usually the chest wall: same day.
    level = 'urgent';
    label = 'chest pain that hurts when pressed or twisting (chest wall)';
  } else if (id === 'seizure' && seizureAssessedInER(ev.folded)) {
    // A seizure yesterday that the ER already assessed: a follow-up today, not a new emergency.
    level = 'urgent';
    label = 'seizure already assessed in the emergency room';
  } else if (id === 'black_stool' && IRON.test(ev.folded) && !by.has('dizziness') && !by.has('fainting')) {
    // Iron or bismuth turns stools dark; with no dizziness or pain it is expected.
    level = 'routine';
    label = 'dark stools while taking iron or bismuth';
  } else if ((id === 'stroke_weakness' || id === 'limb_numbness') && SKIN_RASH.test(ev.folded)) {
    // One-sided burning or tingling skin with blisters is shingles (same day), not a stroke.
    level = 'urgent';
    label = 'one-sided tingling or burning with a rash or blisters';
  } else if (
    id === 'chest_pain' &&
    /\b(?:sore|tender)\b/.test(ev.folded.slice(m.start, m.end)) &&
    BREAST_CONTEXT.test(ev.folded)
  ) {
    // "My period makes my chest sore": breast tenderness, not chest pain.
    level = 'routine';
    label = 'breast soreness';
  } else if (id === 'stroke_weakness' && sentenceMatches(ev.folded, m, INJURY_CUE)) {
    // "Can't lift his arm" after a fall or a broken collarbone is an injury, not a stroke.
    level = 'urgent';
    label = "can't move a limb after an injury";
  } else if (id === 'vaginal_bleeding_heavy' && pregnant) level = 'emergent';
  else if (id === 'spotting' && pregnant) level = 'urgent';
  else if (id === 'leaking_fluid' && pregnant) {
    // Waters breaking before 37 weeks, or green, brown or bloody fluid, is an emergency; at term, same day.
    const preterm = (ev.vitals.pregnancyWeeks?.value ?? 0) < 37;
    level = preterm || sentenceMatches(ev.folded, m, STAINED_FLUID) ? 'emergent' : 'urgent';
  }
  if (concept.kind === 'symptom' && level !== 'emergent') {
    if (
      level === 'routine' &&
      nearConcept(by, 'worsening', ev.folded, m) &&
      !sentenceMatches(ev.folded, m, MILD_CUE)
    ) {
      level = 'urgent';
      label = `${label}, getting worse`;
    } else if (level === 'urgent' && MAY_IMPROVE.has(id) && nearConcept(by, 'improving', ev.folded, m)) {
      level = 'routine';
      label = `${label}, improving`;
    }
  }
  return { level, label, quote };
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
  // The cue must sit beside the concept, not inside it ("mejor no estar vivo" is not an improvement).
  return others.some((o) => o.start >= s && o.end <= e && (o.start >= m.end || o.end <= m.start));
}
