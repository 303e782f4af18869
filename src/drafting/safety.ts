/**
 * Safety checks run on every draft, model or template. Each flag carries the offending text so a
 * reviewer sees at a glance what to fix. Phrases the clinic wrote itself (the template the draft came
 * from, the voice and guidance files) are the clinic's decision and are not flagged again.
 */
import type { ChartContext } from '../context/types';
import { detectIdentifiers } from '../privacy';
import type { Category } from '../triage/types';
import { chartText } from './facts';
import { extractClaims, sourceWords, type Claims } from './grounding';
import { conditionsIn, foldText } from './lexicon';
import type { PromptSet } from './prompts';
import { splitWords } from './readability';
import {
  APPOINTMENT_PATTERNS,
  DOSE_CHANGE_PATTERNS,
  INJECTION_PATTERNS,
  META_PATTERNS,
  NEGATION_BEFORE,
  PLACEHOLDER_PATTERNS,
  PROMISE_PATTERNS,
} from './safety-patterns';
import { readsAs } from './letter-frame';
import type { DraftFlag, DraftLanguage } from './types';

export interface SafetyContext {
  message: string;
  chart?: ChartContext;
  categories: Category[];
  prompts: PromptSet;
  /**
   * Clinic-authored text whose phrases this draft may repeat unflagged: the template it came from, or
   * the voice and guidance the model was given. (Numbers from any clinic file are always allowed.)
   */
  clinicText: string;
  /** Triage saw an instruction aimed at the system in the patient's text. */
  injection: boolean;
  /** The language the draft must be in; a draft that clearly reads as the other one is flagged. */
  language?: DraftLanguage;
  now: Date;
  /** The clinic's time zone, in which the draft's dates and times were written. */
  timeZone?: string;
}

const IDENTIFIER_TYPES = new Set([
  'PHONE',
  'EMAIL',
  'DOB',
  'RECORD_ID',
  'SSN',
  'PAYMENT_CARD',
  'ADDRESS',
  'URL',
  'IP',
]);
// Emergency and crisis lines are always right to give.
const ALWAYS_GROUNDED = new Set(['911', '988']);

function allMatches(text: string, patterns: RegExp[]): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  for (const p of patterns) {
    const global = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    for (const m of text.matchAll(global)) found.push({ text: m[0].trim(), index: m.index ?? 0 });
  }
  return found;
}

function clinicSaid(clinicFolded: string, phrase: string): boolean {
  return clinicFolded.includes(foldText(phrase));
}

function numbersOf(c: Claims): Set<string> {
  const out = new Set<string>([...c.values.keys(), ...c.counts.keys()]);
  for (const k of c.doses.keys()) out.add(k.split(' ')[0]);
  for (const k of c.values.keys()) for (const part of k.split('/')) out.add(part);
  return out;
}

/** `draftClinicText`: the clinic's wording this draft used (its template, its knowledge passage). */
function groundingFlags(draft: Claims, facts: string, clinicText: string, draftClinicText = ''): DraftFlag[] {
  const flags: DraftFlag[] = [];
  const source = extractClaims(facts);
  const clinic = extractClaims(clinicText);
  const factNumbers = numbersOf(source);
  const clinicNumbers = numbersOf(clinic);
  // A medicine the clinic's own text for this draft names (epinephrine in the anaphylaxis reply) is vetted.
  const words = new Set([...sourceWords(facts), ...sourceWords(draftClinicText)]);
  for (const [key, written] of draft.medicines) {
    if (!words.has(key)) flags.push({ code: 'ungrounded_medicine', detail: written });
  }
  for (const [key, written] of draft.doses) {
    if (!source.doses.has(key) && !clinic.doses.has(key))
      flags.push({ code: 'ungrounded_dose', detail: written });
  }
  // A dose that exists in the chart, but for another medicine, is still wrong for this one.
  for (const [medicine, doses] of draft.medicineDoses) {
    const known = source.medicineDoses.get(medicine);
    if (!known) continue;
    for (const [key, written] of doses) {
      if (!known.has(key) && source.doses.has(key)) {
        flags.push({
          code: 'ungrounded_dose',
          detail: `${written} (chart: ${[...known.keys()].join(', ')})`,
        });
      }
    }
  }
  for (const [key, written] of draft.values) {
    const known = factNumbers.has(key) || key.split('/').every((p) => factNumbers.has(p));
    if (!known) flags.push({ code: 'ungrounded_value', detail: written });
  }
  for (const [key, written] of draft.counts) {
    if (!factNumbers.has(key) && !clinicNumbers.has(key) && !ALWAYS_GROUNDED.has(key)) {
      flags.push({ code: 'ungrounded_value', detail: written });
    }
  }
  for (const [key, written] of draft.dates) {
    // A date the clinic wrote (a holiday in its knowledge folder) is the clinic's to state.
    if (!source.dates.has(key) && !clinic.dates.has(key))
      flags.push({ code: 'ungrounded_value', detail: written });
  }
  for (const [key, written] of draft.times) {
    if (!source.times.has(key) && !clinic.times.has(key))
      flags.push({ code: 'ungrounded_value', detail: written });
  }
  return flags;
}

function diagnosisFlags(draft: string, facts: string, clinicText: string): DraftFlag[] {
  const known = new Set(conditionsIn(`${facts}\n${clinicText}`).map((c) => c.concept));
  return conditionsIn(draft)
    .filter((c) => !known.has(c.concept))
    .map((c) => ({ code: 'new_diagnosis' as const, detail: c.term }));
}

function doseChangeFlags(draft: string, clinicFolded: string): DraftFlag[] {
  return allMatches(draft, DOSE_CHANGE_PATTERNS)
    .filter((m) => !NEGATION_BEFORE.test(draft.slice(Math.max(0, m.index - 30), m.index)))
    .filter((m) => !clinicSaid(clinicFolded, m.text))
    .map((m) => ({ code: 'dose_change' as const, detail: m.text }));
}

/** Quoted text and "say/reply with ..." payloads in the patient's message: what an injection wants written. */
export function injectedPayloads(message: string): string[] {
  const payloads: string[] = [];
  for (const m of message.matchAll(/["“'‘]([^"”'’\n]{8,200})["”'’]/g)) payloads.push(m[1]);
  const after =
    /\b(?:say|reply with|respond with|answer with|write|tell (?:me|the patient)|confirm that|output|print)\s*:?\s+([^.!?\n]{8,200})/gi;
  for (const m of message.matchAll(after)) payloads.push(m[1]);
  return payloads.map((p) => foldText(p).replace(/\s+/g, ' ').trim()).filter((p) => p.split(' ').length >= 3);
}

export function looksLikeInjection(message: string): boolean {
  return INJECTION_PATTERNS.some((p) => p.test(message));
}

function instructionFlags(draft: string, ctx: SafetyContext, clinicFolded: string): DraftFlag[] {
  const flags: DraftFlag[] = allMatches(draft, META_PATTERNS)
    .filter((m) => !clinicSaid(clinicFolded, m.text))
    .map((m) => ({ code: 'obeyed_instruction' as const, detail: m.text }));
  if (ctx.injection || looksLikeInjection(ctx.message)) {
    const folded = foldText(draft).replace(/\s+/g, ' ');
    for (const payload of injectedPayloads(ctx.message)) {
      if (folded.includes(payload)) flags.push({ code: 'obeyed_instruction', detail: payload });
    }
  }
  return flags;
}

function identifierFlags(draft: string, clinicText: string): DraftFlag[] {
  const clinic = clinicText.replace(/\D/g, ' ');
  return detectIdentifiers(draft)
    .filter((s) => IDENTIFIER_TYPES.has(s.type))
    .filter(
      (s) =>
        !(s.type === 'PHONE' && clinic.includes(s.value.replace(/\D/g, ''))) && !clinicText.includes(s.value),
    )
    .map((s) => ({ code: 'identifier_in_draft' as const, detail: `${s.type.toLowerCase()}: ${s.value}` }));
}

function avoidedWordFlags(draft: string, prompts: PromptSet): DraftFlag[] {
  const folded = foldText(draft);
  return prompts.voice.words_to_avoid
    .filter((w) =>
      new RegExp(
        `(?<![\\p{L}])${foldText(w.avoid).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
        'u',
      ).test(folded),
    )
    .map((w) => ({
      code: 'avoided_word' as const,
      detail: w.use ? `"${w.avoid}" (say "${w.use}")` : `"${w.avoid}"`,
    }));
}

/** Every check, in the order a reviewer reads them; duplicate flags are merged. */
export function checkDraft(draft: string, ctx: SafetyContext): DraftFlag[] {
  const clinicFolded = foldText(ctx.clinicText);
  const facts = `${chartText(ctx.chart, ctx.now, ctx.timeZone)}\n${ctx.message}`;
  const flags: DraftFlag[] = [
    ...groundingFlags(
      extractClaims(draft),
      facts,
      `${ctx.clinicText}\n${ctx.prompts.clinicWording}`,
      ctx.clinicText,
    ),
    ...diagnosisFlags(draft, facts, ctx.clinicText),
    ...doseChangeFlags(draft, clinicFolded),
    ...allMatches(draft, PROMISE_PATTERNS)
      .filter((m) => !clinicSaid(clinicFolded, m.text))
      .map((m) => ({ code: 'promised_action' as const, detail: m.text })),
  ];
  const visitsExpected = ctx.categories.some((c) => ctx.prompts.categories[c]?.suggestAppointment);
  if (!visitsExpected) {
    for (const m of allMatches(draft, APPOINTMENT_PATTERNS)) {
      if (!clinicSaid(clinicFolded, m.text)) flags.push({ code: 'appointment_suggested', detail: m.text });
    }
  }
  const words = splitWords(draft).length;
  if (words > ctx.prompts.voice.max_words) {
    flags.push({ code: 'over_length', detail: `${words} words (limit ${ctx.prompts.voice.max_words})` });
  }
  for (const m of allMatches(draft, PLACEHOLDER_PATTERNS))
    flags.push({ code: 'leftover_placeholder', detail: m.text });
  flags.push(...identifierFlags(draft, ctx.clinicText));
  flags.push(...instructionFlags(draft, ctx, clinicFolded));
  flags.push(...avoidedWordFlags(draft, ctx.prompts));
  const readAs = ctx.language ? readsAs(draft) : undefined;
  if (readAs && readAs !== ctx.language) {
    flags.push({
      code: 'wrong_language',
      detail: `the draft reads as ${readAs}, the patient reads ${ctx.language}`,
    });
  }
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.code}\0${f.detail.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
