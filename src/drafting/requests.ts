/**
 * Request analysis: what the message asks, part by part, separate from triage's category. Each part
 * keeps the words that name it, so staff see what the draft answered and a multi-part message gets
 * every part answered or acknowledged. Patient text is only matched here, never followed.
 */
import { namedTestGroups } from '../context/select-results';
import type { ChartContext } from '../context/types';
import type { KnowledgeHit, KnowledgeIndex } from './knowledge';
import { fold, any, QUESTION, CANCEL, RESCHEDULE, BOOK, VISIT_MENTION } from './reading-patterns';
import {
  asksAboutChartResult,
  asksAboutResultsInGeneral,
  asksFor,
  namesChartMedicine,
  type MessageReading,
} from './reading';

export type RequestKind =
  | 'result'
  | 'medicine'
  | 'refill'
  | 'appointment'
  | 'form'
  | 'billing'
  | 'portal'
  | 'information'
  | 'complaint'
  | 'thanks'
  | 'symptom';

export interface RequestPart {
  kind: RequestKind;
  /** The patient's words that name it (a short quote, for staff; it stays with the draft). */
  words: string;
}

export interface RefillState {
  /** The patient has none left now ("already out", "ran out"): "so you do not run out" would be wrong. */
  outNow: boolean;
  /** The pharmacy says it needs a new approval or prescription, whatever refills the chart shows. */
  pharmacyNeedsApproval: boolean;
}

export interface RequestAnalysis {
  parts: RequestPart[];
  refill: RefillState;
  /** Clinic knowledge that answers an information question in the message, best first. */
  knowledge: KnowledgeHit[];
  /** The passages a template draft gives, one per question asked (at most two), best first. */
  answers: KnowledgeHit[];
  /** A thank-you with no question or request in it. */
  thanksOnly: boolean;
  complaint: boolean;
  /** The message names a result the chart holds ("is my A1c better?"): the chart answers, not a passage. */
  namesChartResult: boolean;
}

const THANKS = /\b(?:thank(?:s| you)|thx|appreciate|grateful|gracias|agradezco|agradecid[oa])\b/;
const COMPLAINT =
  /\b(?:complain\w*|complaint|rude|unacceptable|unprofessional|frustrat\w*|disappoint\w*|upset with|nobody (?:called|answered|got back)|no one (?:called|answered|got back)|never (?:called|got back|heard back)|still waiting|waited (?:for )?(?:over |more than )?(?:\d+|an?|two|three) (?:hours?|days?|weeks?)|queja|groser\w*|molest[oa] con|nadie me (?:llamo|contesto))\b/;
const REFILL =
  /\b(?:refills?|renew\w*|run(?:ning)? out|ran out|out of|almost out|none left|resurt\w*|se me acab\w*|me quedan? poc\w*)\b/;
// "so I do not run out" and "almost out" are not out yet.
const OUT_NOW =
  /\b(?:(?:already|completely|totally|i am|i'm|im|we are|we're|he is|she is) out of|ran out|have run out|am out\b|none left|no (?:pills|doses|tablets|insulin|pens?) left|(?:ya )?se me acab[oó]|ya no (?:tengo|me queda)(?! (?:mas )?(?:resurt|refill)))\b/;
const PHARMACY_APPROVAL = [
  /\b(?:pharmacy|pharmacist|walgreens|cvs|walmart|pharmacie)\b[^.?!\n]{0,80}\b(?:need|needs|needed|waiting|require\w*|asked|says?|said|told)\b[^.?!\n]{0,60}\b(?:approv\w*|authori[sz]\w*|new (?:prescription|script|rx|order)|ok|okay|sign[- ]?off|renew\w*)\b/,
  /\b(?:pharmacy|pharmacist)\b[^.?!\n]{0,80}\b(?:no refills?|out of refills|expired|refills? (?:ran|are) out)\b/,
  /\bfarmacia\b[^.?!\n]{0,80}\b(?:autoriza\w*|aprobaci\w*|receta nueva|nueva receta|(?:ya )?no (?:tengo|tiene|hay|me quedan|le quedan) (?:mas )?resurt\w*|sin resurt\w*|vencid[ao])\b/,
];
const SYMPTOM_WORDS =
  /\b(?:pain|hurts?|ache\w*|fever|cough\w*|rash|swollen|swelling|dizzy|nause\w*|vomit\w*|bleeding|sore|itch\w*|burn\w*|sick|tired|headache|dolor|duele|fiebre|tos|mareo\w*|sangr\w*)\b/;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!¿¡\n])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function quote(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

// A question asking for information ("what are your hours", "¿tienen vacunas?"), not "I need to change".
const INFO_QUESTION =
  /[?¿]|\b(?:what|when|where|which|how|who|do you|do i need|does|is there|are you|can i|cual|cuando|donde|como|cuanto|quien|tienen|hay|ustedes)\b/;

/** Two questions answered from the knowledge folder; a third is left to the person who replies. */
const MAX_ANSWERS = 2;

// "ya no tengo tos" is a cough gone, not a medicine run out: the sentence must name a medicine.
const MEDICINE_WORDS =
  /\b(?:pills?|tablets?|medicines?|meds?|medications?|insulin|inhaler|pens?|doses?|prescriptions?|pastillas?|medicinas?|medicamentos?|insulina|inhalador|receta)\b/;

function namesAMedicine(sentence: string, chart: ChartContext | undefined): boolean {
  return MEDICINE_WORDS.test(fold(sentence)) || (!!chart && namesChartMedicine(sentence, chart));
}

const OWN_VISIT =
  /\b(?:my|mi|mis|su|next|proxima|siguiente)\b[^.?!\n]{0,20}\b(?:appointments?|appts?|visits?|citas?|check ?-?ups?|physical)\b/;

// "my blood pressure pill" names a medicine, not a result.
const MEDICINE_FOR =
  /\b(?:pills?|medicines?|meds?|medications?|tablets?|shots?|pastillas?|medicinas?|medicamentos?)\b/;

// "How much can I take?" asks for a dose, not a price: a clinician or a medicine passage answers it.
const DOSE_QUESTION =
  /\b(?:how (?:much|many|often)\b[^.?!\n]{0,25}\b(?:take|use|give|have)|cuant[oa]s?\b[^.?!\n]{0,20}\b(?:puedo|debo|le doy|tomo|tomar))\b/;

const POLICY_QUESTION = /\b(?:how|what|when|why|cuanto|cuando|como|cual)\b/;

/**
 * A sentence about the patient's own chart ("can you refill my lisinopril?", "is my A1c better?") or
 * a symptom is answered from the chart or by a clinician, never by a policy passage.
 */
function aboutOwnChart(sentence: string, chart: ChartContext | undefined): boolean {
  const f = fold(sentence);
  if (SYMPTOM_WORDS.test(f)) return true;
  if (DOSE_QUESTION.test(f)) return true;
  // "Can I get a refill?" asks for one; "how long does a refill take?" asks about the policy.
  if (REFILL.test(f) && !POLICY_QUESTION.test(f)) return true;
  if (chart && REFILL.test(f) && namesChartMedicine(sentence, chart)) return true;
  return asksAboutChartResult(sentence, chart);
}

/** Clinic knowledge for the message's information questions, searched sentence by sentence. */
function informationHits(
  text: string,
  chart: ChartContext | undefined,
  index: KnowledgeIndex | undefined,
): { hits: KnowledgeHit[]; answers: KnowledgeHit[] } {
  if (!index) return { hits: [], answers: [] };
  // Scores add up over the questions: the passage that answers more of them comes first.
  const best = new Map<string, KnowledgeHit>();
  const perQuestion: KnowledgeHit[] = [];
  const questions = sentences(text).filter((x) => INFO_QUESTION.test(fold(x)) && !aboutOwnChart(x, chart));
  for (const s of questions) {
    const found = index.search(s);
    if (found[0]) perQuestion.push(found[0]);
    for (const h of found) {
      const seen = best.get(h.passage.id);
      best.set(
        h.passage.id,
        seen ? { ...seen, score: seen.score + h.score, terms: [...new Set([...seen.terms, ...h.terms])] } : h,
      );
    }
  }
  const hits = [...best.values()].sort((a, b) => b.score - a.score).slice(0, 3);
  // What the draft says: the best passage overall, then the best for another question, at most two.
  const answers = hits.slice(0, 1);
  for (const h of perQuestion) {
    if (answers.length >= MAX_ANSWERS) break;
    if (!answers.some((a) => a.passage.id === h.passage.id)) answers.push(h);
  }
  return { hits, answers };
}

export function analyzeRequests(
  text: string,
  reading: MessageReading,
  chart: ChartContext | undefined,
  index?: KnowledgeIndex,
): RequestAnalysis {
  const parts: RequestPart[] = [];
  const add = (kind: RequestKind, sentence: string) => {
    if (!parts.some((p) => p.kind === kind)) parts.push({ kind, words: quote(sentence) });
  };
  for (const s of sentences(text)) {
    const f = fold(s);
    if (THANKS.test(f)) add('thanks', s);
    if (COMPLAINT.test(f)) add('complaint', s);
    if (REFILL.test(f)) add('refill', s);
    // A lab named in a question ("is my cholesterol ok?"), on the chart or not.
    const namesLab = namedTestGroups(s).length > 0 && any(QUESTION, f) && !MEDICINE_FOR.test(f);
    if (
      asksAboutChartResult(s, chart) ||
      asksAboutResultsInGeneral(s) ||
      namesLab ||
      /\b(?:results?|resultados?)\b/.test(f)
    )
      add('result', s);
    // The patient's own visit ("when is my next appointment?"), not a visit in general ("sin cita").
    if (
      VISIT_MENTION.test(f) &&
      (any(CANCEL, f) || any(RESCHEDULE, f) || any(BOOK, f) || (any(QUESTION, f) && OWN_VISIT.test(f)))
    )
      add('appointment', s);
    if (asksFor('forms_records', s)) add('form', s);
    if (asksFor('billing', s)) add('billing', s);
    if (asksFor('portal_technical', s)) add('portal', s);
    if (asksFor('medication', s) && !REFILL.test(f)) add('medicine', s);
    if (SYMPTOM_WORDS.test(f) && !any(QUESTION, f.replace(/\?/g, ''))) add('symptom', s);
  }
  const { hits: knowledge, answers } = informationHits(text, chart, index);
  if (knowledge.length) parts.push({ kind: 'information', words: knowledge[0]!.terms.join(', ') });
  const folded = fold(text);
  // Anything beyond the thanks (a question, a request, a symptom) needs more than "you are welcome".
  const asksSomething = reading.asks || parts.some((p) => p.kind !== 'thanks');
  return {
    parts,
    refill: {
      outNow: sentences(text).some((x) => OUT_NOW.test(fold(x)) && namesAMedicine(x, chart)),
      pharmacyNeedsApproval: PHARMACY_APPROVAL.some((p) => p.test(folded)),
    },
    knowledge,
    answers,
    // "I feel much better, thank you" is news to be glad about, not only thanks.
    thanksOnly: THANKS.test(folded) && !asksSomething && !reading.contact && !reading.improving,
    complaint: COMPLAINT.test(folded),
    namesChartResult: asksAboutChartResult(text, chart),
  };
}
