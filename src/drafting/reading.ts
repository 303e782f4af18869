/**
 * What the message actually asks, read by the drafter itself: triage gives the urgency and the broad
 * categories, but a reply must fit the sub-kind (cancel, not book; a new phone number, not a form) and
 * must not answer requests the message does not make. English and Spanish; accents and case ignored.
 */
import { namedTestGroups, mentionsResultsInGeneral } from '../context/select-results';
import type { ChartContext } from '../context/types';
import { namesForMedicine } from '../context/medicine-names';
import { findPhrase, tokenize, wordMatches } from '../context/text-match';
import type { Category, TriageResult } from '../triage/types';
import { isMedicineWord } from './lexicon';
import {
  fold,
  any,
  CANCEL,
  RESCHEDULE,
  BOOK,
  VISIT_MENTION,
  SHOULD_I,
  CONTACT,
  BETTER,
  WORSE,
  SELF_HARM_REASON,
  SELF_HARM_TEXT,
  QUESTION,
  REQUEST_SIGNS,
  RESULT_CUES,
  HOME_READING,
} from './reading-patterns';

export type SchedulingRequest = 'cancel' | 'reschedule' | 'book' | 'question';
export type ContactChange = 'phone' | 'address' | 'email' | 'pharmacy' | 'name' | 'other';

export interface MessageReading {
  /** The portal or app is failing (not a how-to question about it). */
  portalTrouble: boolean;
  /** The message names a medicine that is not on the chart. */
  namesOtherMedicine: boolean;
  /** The message names a medicine on the patient's chart. */
  namesMedicine: boolean;
  /** The categories to draft for, most important first (triage's, corrected where the text is clear). */
  categories: Category[];
  scheduling: SchedulingRequest;
  /** Set when the message asks to change contact details on the record. */
  contact?: ContactChange;
  /** The patient reports getting better (and nothing getting worse). */
  improving: boolean;
  /** The message asks something (a question mark or a question phrase). */
  asks: boolean;
  /** Triage's reasons or the text speak of suicide or self-harm. */
  selfHarm: boolean;
}

export function schedulingRequest(text: string): SchedulingRequest {
  const t = fold(text);
  if (any(CANCEL, t)) return 'cancel';
  if (any(RESCHEDULE, t)) return 'reschedule';
  if (any(BOOK, t) && !SHOULD_I.test(t)) return 'book';
  return 'question';
}

/** The contact detail a message changes; two or more at once are "other" (the reply then says "your record"). */
export function contactChange(text: string): ContactChange | undefined {
  const t = fold(text);
  const kinds = CONTACT.filter((c) => any(c.patterns, t)).map((c) => c.kind);
  if (kinds.length > 1) return 'other';
  return kinds[0];
}

// "Is my result better?" asks about a number, not how the patient feels.
const RESULT_BETTER_QUESTION =
  /\b(?:resultados?|results?|levels?|nivel|numbers?|numeros?)\b[^.?!]*\b(?:mejor|better)\b[^.!]*\?/;

export function reportsImproving(text: string): boolean {
  const t = fold(text);
  return any(BETTER, t) && !any(WORSE, t) && !RESULT_BETTER_QUESTION.test(t);
}

export function mentionsSelfHarm(text: string, reasons: string[] = []): boolean {
  return reasons.some((r) => SELF_HARM_REASON.test(r)) || any(SELF_HARM_TEXT, fold(text));
}

/** The message carries a clear request of this kind (not just a word triage happened to catch). */
export function asksFor(category: Category, text: string): boolean {
  const signs = REQUEST_SIGNS[category];
  return signs ? any(signs, fold(text)) : false;
}

/** A plain request for a new visit, not a question whether one is needed. */
export function asksToBook(text: string): boolean {
  const t = fold(text);
  return any(BOOK, t) && !SHOULD_I.test(t);
}

/** A medicine the message names that is not on the chart (so no chart medicine may stand in for it). */
export function namesOtherMedicine(text: string, chart: ChartContext | undefined): boolean {
  const onChart = new Set((chart?.medications ?? []).flatMap((m) => namesForMedicine(m.name)));
  return tokenize(text).some(
    (t) => isMedicineWord(t) && ![...onChart].some((n) => tokenize(n).some((w) => wordMatches(t, w))),
  );
}

/** A test the message names that the chart holds, asked about as a result (a value, "came back", "resultado"). */
export function asksAboutChartResult(text: string, chart: ChartContext | undefined): boolean {
  // Lab results only, unless the patient says "result": a blood pressure, pulse or weight in a message is
  // most often a reading taken at home.
  const t = fold(text);
  if (any(HOME_READING, t)) return false;
  const explicit = /\b(?:results?|resultados?)\b/.test(t);
  const labs = chart?.observations.filter((o) => explicit || o.category === 'laboratory') ?? [];
  if (!labs.length) return false;
  const groups = namedTestGroups(text).map((n) => n.group);
  const tokens = tokenize(text);
  const named = labs.filter((o) => {
    if (groups.some((g) => (o.code ? g.codes.includes(o.code) : g.namePattern.test(o.name)))) return true;
    const first = tokenize(o.name).find((w) => w.length >= 5);
    return !!first && tokens.some((tok) => wordMatches(tok, first));
  });
  if (!named.length) return false;
  // A value of the named test itself, not a number that happens to equal another result.
  const quotesValue = named.some(
    (o) =>
      o.value !== undefined &&
      new RegExp(`(?<![\\d.])${String(o.value).replace('.', '\\.')}(?![\\d])`).test(t),
  );
  return quotesValue || any(RESULT_CUES, t);
}

/** "My lab results": a question about results in general, not about one test. */
export function asksAboutResultsInGeneral(text: string): boolean {
  return !!mentionsResultsInGeneral(text) && any(QUESTION, fold(text));
}

/**
 * Triage's categories, corrected by what the text makes clear: a result question read as a symptom, a
 * medicine or bill question read as "other". Urgent and emergent messages keep triage's reading.
 */
export function readMessage(
  text: string,
  triage: TriageResult,
  chart: ChartContext | undefined,
): MessageReading {
  const given: Category[] = triage.categories.length ? triage.categories : [triage.category];
  let categories = [...given];
  const calm = triage.urgency === 'routine' || triage.urgency === 'non_clinical';
  const primary = categories[0];
  // "Is my creatinine better?" asks about a result; it is not news that the patient feels better.
  // A portal "question" that is really about a value the portal shows ("the portal says my INR is 4.8").
  const portalQuestion = primary === 'portal_technical' && !asksFor('portal_technical', text);
  const resultQuestion =
    calm &&
    (primary === 'symptom' || primary === 'other' || portalQuestion) &&
    (asksAboutChartResult(text, chart) || (primary === 'other' && asksAboutResultsInGeneral(text)));
  if (resultQuestion) {
    // The result reply already says the clinician will look at it; a symptom paragraph would repeat it.
    categories = ['results', ...categories.filter((c) => c !== 'results' && c !== 'symptom')];
  }
  const improving = calm && !resultQuestion && categories[0] !== 'results' && reportsImproving(text);
  // Triage's first category may rest on one word ("the new patient form"); a category whose request the
  // text clearly makes goes first. A blocked portal comes before a form.
  const ADMIN = ['portal_technical', 'forms_records', 'billing', 'scheduling'] as const;
  const first = categories[0];
  const stands = first === 'scheduling' ? VISIT_MENTION.test(fold(text)) : asksFor(first, text);
  if (calm && (ADMIN as readonly Category[]).includes(first) && !stands) {
    const clear = ADMIN.filter((c) => c !== first && categories.includes(c) && asksFor(c, text));
    if (clear.length) categories = [...clear, ...categories.filter((c) => !clear.includes(c as never))];
  }
  if (calm && categories[0] === 'other') {
    // Triage saw no category; a clear request in the text names one.
    const named = (['billing', 'forms_records', 'scheduling', 'portal_technical'] as const).find((c) =>
      asksFor(c, text),
    );
    if (named) categories = [named, ...categories];
    else if (chart && asksFor('medication', text) && namesChartMedicine(text, chart))
      categories = ['medication', ...categories];
  }
  // "Reschedule my blood pressure check": the visit's name is not a symptom to answer first, and when it
  // is the only symptom triage saw, not one to answer at all.
  const request = schedulingRequest(text);
  if (
    calm &&
    categories[0] === 'symptom' &&
    categories.includes('scheduling') &&
    (request === 'cancel' || request === 'reschedule')
  ) {
    categories = ['scheduling', ...categories.filter((c) => c !== 'scheduling')];
    if (symptomIsVisitName(text, triage.reasons)) categories = categories.filter((c) => c !== 'symptom');
  }
  // "They drew blood on the 20th but the portal shows nothing": a blood draw is a lab visit, not bleeding.
  // When every symptom triage saw lies inside one, the symptom reply (with "if it does not get better")
  // would answer a question nobody asked.
  if (calm && categories.includes('symptom') && symptomIsLabDraw(text, triage.reasons)) {
    const rest = categories.filter((c) => c !== 'symptom');
    categories = rest.length ? rest : ['results'];
  }
  // "Should I take another losartan?" beside a symptom: the medicine question gets its line too.
  if (
    calm &&
    chart &&
    !categories.includes('medication') &&
    asksFor('medication', text) &&
    namesChartMedicine(text, chart)
  )
    categories = [...categories, 'medication'];
  // "My results are ready but the portal page is blank": the portal is the problem to solve first.
  if (
    calm &&
    categories[0] === 'results' &&
    categories.includes('portal_technical') &&
    asksFor('portal_technical', text)
  )
    categories = ['portal_technical', ...categories.filter((c) => c !== 'portal_technical')];
  return {
    portalTrouble: asksFor('portal_technical', text),
    namesMedicine: !!chart && namesChartMedicine(text, chart),
    namesOtherMedicine: namesOtherMedicine(text, chart),
    categories: [...new Set(categories)],
    scheduling: request,
    contact: calm ? contactChange(text) : undefined,
    improving,
    asks: any(QUESTION, fold(text).replace(UNSURE_ASIDE, ' ')),
    selfHarm: mentionsSelfHarm(text, triage.reasons),
  };
}

const NOT_SYMPTOM_REASON =
  /scheduling|billing|forms?|records|portal|refill|medication|medicine|result|other/i;
const VISIT_AFTER =
  /^\s*(?:check|checkup|check-up|follow-?up|visit|appointment|appt|clinic|control|consulta|cita)\b/;

/** Every symptom phrase triage quoted is the name of a visit ("blood pressure check"), not a complaint. */
function symptomIsVisitName(text: string, reasons: string[]): boolean {
  const t = fold(text);
  const phrases = reasons
    .filter((r) => !NOT_SYMPTOM_REASON.test(r.split('—')[0] ?? r))
    .map((r) => /"([^"]+)"/.exec(r)?.[1])
    .filter((p): p is string => !!p)
    .map((p) => fold(p));
  if (!phrases.length) return false;
  return phrases.every((p) => {
    const at = t.indexOf(p);
    return at >= 0 && VISIT_AFTER.test(t.slice(at + p.length));
  });
}

// A blood draw for tests, in English and Spanish: its "blood"/"sangre" is not bleeding.
const LAB_DRAW =
  /\b(?:(?:drew|draw|drawn|took|taken|take|get|got|had)\s+(?:my\s+|some\s+|the\s+)?blood(?:\s+(?:work|drawn|taken|test\w*))?|blood\s*(?:draw|drawn|work|tests?|samples?|labs?)|(?:me\s+|le\s+)?(?:sacaron|saco|sacar|sacan|tomaron|tomar)\s+(?:la\s+|una\s+muestra\s+de\s+)?sangre|(?:analisis|examen(?:es)?|pruebas?|muestras?)\s+de\s+sangre)\b/g;

function symptomIsLabDraw(text: string, reasons: string[]): boolean {
  const t = fold(text);
  const blanked = t.replace(LAB_DRAW, (m) => ' '.repeat(m.length));
  if (blanked === t) return false;
  const phrases = reasons
    .filter((r) => !NOT_SYMPTOM_REASON.test(r.split('—')[0] ?? r))
    .map((r) => /"([^"]+)"/.exec(r)?.[1])
    .filter((p): p is string => !!p)
    .map((p) => fold(p));
  if (!phrases.length) return false;
  return phrases.every((p) => t.includes(p) && !blanked.includes(p));
}

// "the nurse (Tina?)": a question mark closing a short aside is doubt about a word, not a question.
const UNSURE_ASIDE = /\((?:[^()?]{1,30})\?\)/g;

/** The message names a medicine on the chart (generic, brand or misspelled). */
export function namesChartMedicine(text: string, chart: ChartContext): boolean {
  const tokens = tokenize(text);
  return chart.medications.some((m) => namesForMedicine(m.name).some((n) => findPhrase(tokens, n) >= 0));
}
