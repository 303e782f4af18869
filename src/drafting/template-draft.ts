/** Drafts from the clinic's templates: the path without a model, and the fallback whenever the model fails. */
import Mustache from 'mustache';
import type { PatientSummary, RelevantContext } from '../context/types';
import type { Category, TriageResult } from '../triage/types';
import { templateView } from './template-view';
import { templateFor, type PromptSet, type VoiceSettings } from './prompts';
import { asksFor, asksToBook, readMessage, type MessageReading } from './reading';
import { fold } from './reading-patterns';
import type { KnowledgeHit } from './knowledge';
import type { RequestAnalysis } from './requests';
import type { DraftLanguage, TemplateKind } from './types';

const REFILL_WORDS =
  /\b(refill|refills|renew|run(?:ning)? out|ran out|out of|almost out|running low|low on|none left|no (?:pills|doses|tablets) left|more of|\d+[- ]day supply|supply|(?:doses?|pills?|tablets?|pens?) left|resurt\w*|receta|recetas|se me acab\w*|me quedan? poc\w*|m[aá]ndenme|manden m[aá]s|mandar m[aá]s|necesito m[aá]s|me queda una)\b/i;

const KIND_OF_CATEGORY: Record<Exclude<Category, 'medication' | 'symptom'>, TemplateKind> = {
  results: 'results',
  scheduling: 'scheduling',
  billing: 'billing',
  forms_records: 'forms_records',
  portal_technical: 'portal_technical',
  other: 'general',
};
const CLINICAL: ReadonlySet<Category> = new Set(['symptom', 'medication', 'results']);
/** Replies that read the chart: a policy passage after them would answer what was not asked. */
const KNOWLEDGE_NOT_AFTER: ReadonlySet<TemplateKind> = new Set([
  'refill',
  'medication',
  'results',
  'symptom_routine',
  'symptom_urgent',
  'improving',
]);
/** A draft answers the main request and at most one more: longer drafts go unread. */
const MAX_KINDS = 2;

// "Pills without a prescription" asks about an over-the-counter medicine, not for a refill.
const OVER_THE_COUNTER = /\b(?:over[- ]the[- ]counter|otc|sin receta)\b/i;

function kindOf(category: Category, triage: TriageResult, text: string): TemplateKind {
  if (category === 'medication')
    return REFILL_WORDS.test(text.replace(OVER_THE_COUNTER, ' ')) ? 'refill' : 'medication';
  if (category === 'symptom') return triage.urgency === 'urgent' ? 'symptom_urgent' : 'symptom_routine';
  return KIND_OF_CATEGORY[category];
}

/** Whether a category after the first earns its own paragraph: only for a request the message clearly makes. */
function secondRequest(
  category: Category,
  primary: TemplateKind,
  text: string,
  reading: MessageReading,
  analysis?: RequestAnalysis,
): boolean {
  const has = (kind: string) => !!analysis?.parts.some((p) => p.kind === kind);
  switch (category) {
    case 'other':
      return false;
    case 'symptom':
      // A knowledge answer ("flu shot without a visit?") with a word triage read as a symptom ("gripe").
      if (primary === 'knowledge' && !has('symptom')) return false;
      // After an administrative reply, trust triage on a symptom (dropping one costs more than a line). A
      // medicine, result or general reply already goes to the clinician.
      return !['improving', 'medication', 'refill', 'results', 'general'].includes(primary);
    case 'medication':
      // Only about a medicine the patient takes: "allergy pills without a prescription" is not a refill.
      return reading.namesMedicine && asksFor('medication', text);
    case 'scheduling':
      // "I got a no-show fee, but I cancelled the day before": the visit is what the charge is about.
      if (primary === 'billing' && disputesCharge(text)) return false;
      // Symptom and update replies already offer a visit when one is needed; a plain request still gets one.
      if (primary === 'improving') return false;
      // "When is my next appointment, and do I need to fast?": the visit's time is the chart's to give.
      if (primary === 'knowledge' && reading.scheduling === 'question') return has('appointment');
      // "How do I make an appointment for a flu shot?" was answered by the knowledge passage.
      if (primary === 'knowledge' && reading.scheduling === 'book' && HOW_TO.test(text)) return false;
      if (primary === 'symptom_routine') return asksToBook(text);
      return asksFor('scheduling', text);
    case 'results':
      // After a knowledge answer, only a separate question about results ("are they back?") earns a line.
      if (primary === 'knowledge' && !/\b(?:results?|resultados?)\b/i.test(text)) return false;
      // "Did my thyroid test come back ok?": a named test asked about is a results question too.
      return (
        (reading.categories.includes('results') || has('result')) &&
        (/\b(?:results?|labs?|resultados?|analisis)\b/i.test(text) || has('result'))
      );
    case 'forms_records':
    case 'billing':
      // The knowledge passage answered the administrative question; a second paragraph would only promise
      // work nobody asked for ("we will start on your form", "billing will look at your account").
      if (primary === 'knowledge') return false;
      return asksFor(category, text);
    default:
      return asksFor(category, text);
  }
}

/**
 * A charge the patient disputes ("why am I charged?", "was it coded wrong?", "I cancelled, but got a
 * no-show fee"): billing must look at the account, so the billing reply comes first, not the policy passage.
 */
const BILLING_DISPUTE =
  /\b(?:why (?:am i|was i|did i|do i|i'?m) (?:getting )?(?:charged|billed|get(?:ting)? (?:a )?bill)|charged (?:me )?(?:twice|again|wrong\w*|by mistake)|coded (?:wrong|incorrect\w*)|(?:wrong|incorrect) (?:code|coding|charge|bill)|billing (?:error|mistake)|should(?:n'?t| not) (?:have )?(?:be(?:en)? )?(?:charged|billed)|(?:already|i) paid|dispute|no[- ]show fee|por que me (?:cobraron|cobran|llego)|me cobraron (?:dos veces|de mas|mal)|ya (?:lo )?pague|cobro (?:equivocado|por error))\b/;

/**
 * "Is it ok to take Advil with my blood pressure pill?" beside a sore back: the clinic's passage on that
 * medicine answers the question the symptom or medicine reply leaves open, so it follows them. Only a
 * passage whose matched words sit in the medicine question itself qualifies.
 */
function answersMedicineQuestion(primary: TemplateKind, analysis: RequestAnalysis): boolean {
  if (primary !== 'symptom_routine' && primary !== 'medication') return false;
  return analysis.parts.some(
    (p) =>
      p.kind === 'medicine' &&
      analysis.answers.some((h) => h.terms.some((t) => fold(p.words).includes(fold(t)))),
  );
}

const BILLING_KEYWORDS = new Set(['bill', 'billing', 'insurance', 'fee', 'fees']);

function isBillingPassage(hit: KnowledgeHit): boolean {
  return hit.passage.keywords.some((k) => BILLING_KEYWORDS.has(k.toLowerCase()));
}

export function disputesCharge(text: string): boolean {
  return BILLING_DISPUTE.test(fold(text));
}

/** The reply's paragraphs: the main request first, then a second one only when the message clearly makes it. */
/**
 * The clinic's knowledge answers the message outright when it asks for information (hours, fax, a
 * vaccine, fees) rather than an action on the patient's own record, and nothing clinical comes first.
 */
const HOW_TO = /\b(?:how (?:do|can|should) (?:i|we)|can i just|do i need to)\b/i;

function answersFromKnowledge(
  first: Category,
  r: MessageReading,
  a: RequestAnalysis | undefined,
  text: string,
): boolean {
  if (!a?.knowledge.length || !r.asks) return false;
  if (first === 'symptom') return false;
  // "Do I need to fast for my labs?" reads as a results question, but names no result to give.
  if (first === 'results' && a.namesChartResult) return false;
  // A medicine the patient takes: the refill or medicine reply reads the chart; a vaccine question does not.
  if (first === 'medication' && r.namesMedicine) return false;
  // "Cancel my visit" is a request to act; "how do I make an appointment?" is a question.
  if (
    first === 'scheduling' &&
    r.scheduling !== 'question' &&
    !(r.scheduling === 'book' && HOW_TO.test(text))
  )
    return false;
  // A failing portal gets the trouble-shooting reply; the knowledge folder answers how-to questions.
  if (r.portalTrouble) return false;
  // Questions about the patient's own chart found no passage (requests.ts); a symptom comes first.
  return !a.parts.some((p) => p.kind === 'symptom');
}

export function chooseKinds(
  triage: TriageResult,
  text: string,
  reading?: MessageReading,
  analysis?: RequestAnalysis,
): TemplateKind[] {
  if (triage.urgency === 'emergent') return ['emergency'];
  const r = reading ?? readMessage(text, triage, undefined);
  const calm = triage.urgency === 'routine' || triage.urgency === 'non_clinical';
  if (calm && analysis?.thanksOnly && (triage.category === 'other' || !triage.needsReply)) return ['thanks'];
  if (!triage.needsReply) return [r.improving ? 'improving' : 'acknowledgement'];
  const read = r.categories.length ? r.categories : [triage.category];
  // "Two things: refill my levothyroxine, and did my thyroid test come back?": a result question the
  // request analysis found is a part to answer, even when triage saw only the refill.
  // When triage saw no category at all ("has the biopsy result come back? I'm worried"), it comes first.
  const asksResult = !!analysis?.parts.some((p) => p.kind === 'result');
  const categories: Category[] =
    asksResult && !read.includes('results')
      ? read[0] === 'other'
        ? ['results', ...read.filter((c) => c !== 'other')]
        : [...read, 'results']
      : read;
  const first = categories[0];
  let primary: TemplateKind;
  if (calm && analysis?.complaint) primary = 'complaint';
  else if (calm && categories.includes('billing') && disputesCharge(text)) primary = 'billing';
  else if (calm && answersFromKnowledge(first, r, analysis, text)) primary = 'knowledge';
  // "The pharmacy needs a new approval for my lisinopril" is a refill request, whatever triage called it.
  else if (analysis?.refill.pharmacyNeedsApproval && (first === 'other' || first === 'medication'))
    primary = 'refill';
  else if (r.improving && (first === 'symptom' || first === 'other')) primary = 'improving';
  else if (r.contact && !CLINICAL.has(first)) primary = 'contact_update';
  else primary = kindOf(first, triage, text);
  // A nurse's call covers everything else an urgent message asks; the rest would only dilute it.
  if (triage.urgency === 'urgent') return [primary];
  const kinds: TemplateKind[] = [primary];
  // After a complaint, the request in it still gets its own answer.
  if (primary === 'complaint' && first !== 'other' && first !== 'symptom')
    kinds.push(kindOf(first, triage, text));
  // A knowledge answer stands in for the first category; only a chart answer (a result, a refill)
  // for that category still needs its own line.
  const rest =
    primary === 'knowledge' && (CLINICAL.has(first) || first === 'scheduling')
      ? categories
      : categories.slice(1);
  for (const category of rest) {
    if (kinds.length >= MAX_KINDS) break;
    if (!secondRequest(category, primary, text, r, analysis)) continue;
    const kind = kindOf(category, triage, text);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (r.contact && !kinds.includes('contact_update') && kinds.length < MAX_KINDS)
    kinds.push('contact_update');
  // "Do you have an interpreter? Also I need to reschedule": the information question is answered too.
  if (
    analysis?.knowledge.length &&
    r.asks &&
    !r.portalTrouble &&
    !kinds.includes('knowledge') &&
    kinds.length < MAX_KINDS &&
    (!KNOWLEDGE_NOT_AFTER.has(primary) || answersMedicineQuestion(primary, analysis)) &&
    // After the billing reply, a billing passage only repeats it ("call billing, pay in the portal").
    !(primary === 'billing' && analysis.answers.every(isBillingPassage))
  )
    kinds.push('knowledge');
  return kinds;
}

export function patientCallName(patient: PatientSummary | undefined): string | undefined {
  // A child's messages come from a parent: greeting the child by name would address the wrong person.
  if (patient?.ageYears !== undefined && patient.ageYears < 18) return undefined;
  if (patient?.ageYears === undefined && patient?.ageDays !== undefined) return undefined;
  const name = patient?.preferredName?.trim() || patient?.givenNames[0]?.trim();
  return name || undefined;
}

export function render(template: string, view: object): string {
  // Plain text, not HTML: nothing to escape.
  return Mustache.render(template, view, {}, { escape: (v: unknown) => String(v) });
}

// Marks the clinic's own blank lines, so only they start a paragraph: a line whose section rendered
// empty leaves a blank line too, and must not.
const PARAGRAPH = '\u2029';

export function markParagraphs(template: string): string {
  return template.replace(/\n[ \t]*\n/g, `\n${PARAGRAPH}\n`);
}

/** Lines of one paragraph are joined with spaces; paragraphs the clinic separated stay apart. */
export function tidy(text: string): string {
  return text
    .split(PARAGRAPH)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
    .join('\n\n')
    .replace(/[ \t]{2,}/g, ' ');
}

export function greetingLine(voice: VoiceSettings, lang: DraftLanguage, name: string | undefined): string {
  return name ? render(voice.greeting[lang], { name }) : voice.greeting_no_name[lang];
}

/** Greeting, body, sign-off: the letter a patient receives. */
export function composeLetter(
  voice: VoiceSettings,
  lang: DraftLanguage,
  name: string | undefined,
  body: string,
): string {
  return [greetingLine(voice, lang, name), body.trim(), voice.sign_off[lang].trim()].join('\n\n');
}

export interface TemplateDraft {
  body: string;
  kinds: TemplateKind[];
  /** The raw template text used: the clinic's own words, which the safety checks do not flag. */
  templateText: string;
}

export interface TemplateOptions {
  lang: DraftLanguage;
  now: Date;
  zone?: string;
  reading?: MessageReading;
  text?: string;
  analysis?: RequestAnalysis;
  /** Working time is left today (promises of "today" may be made). */
  openToday?: boolean;
  /** Urgent alerts really reach a nurse. */
  nurseAlerted?: boolean;
  /** Warning signs for the reason that made the message urgent (already in the draft's language). */
  warningSigns?: string;
}

export function templateDraft(
  prompts: PromptSet,
  kinds: TemplateKind[],
  context: RelevantContext | undefined,
  triage: TriageResult,
  o: TemplateOptions,
): TemplateDraft {
  const { lang } = o;
  const used: string[] = [];
  const parts = kinds.map((kind, i) => {
    const view = templateView(context, {
      urgent: triage.urgency === 'urgent',
      voice: prompts.voice,
      lang,
      now: o.now,
      zone: o.zone,
      reading: o.reading,
      text: o.text,
      also: i > 0,
      analysis: o.analysis,
      openToday: o.openToday,
      nurseAlerted: o.nurseAlerted,
      contacts: prompts.knowledge.contacts,
      warningSigns: o.warningSigns,
    });
    // loadPrompts guarantees every kind exists in en and es; the fallback only guards hand-built prompt sets.
    const template = templateFor(prompts, kind, lang) ?? templateFor(prompts, 'general', lang) ?? '';
    used.push(template);
    return tidy(render(markParagraphs(template), view));
  });
  const body = parts.filter(Boolean).join('\n\n');
  return {
    body: composeLetter(prompts.voice, lang, patientCallName(context?.patient), body),
    kinds,
    templateText: used.join('\n'),
  };
}
