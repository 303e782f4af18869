/** Drafts from the clinic's templates: the path without a model, and the fallback whenever the model fails. */
import Mustache from 'mustache';
import type { PatientSummary, RelevantContext } from '../context/types';
import type { Category, TriageResult } from '../triage/types';
import { templateView } from './facts';
import { templateFor, type PromptSet, type VoiceSettings } from './prompts';
import type { DraftLanguage, TemplateKind } from './types';

const REFILL_WORDS =
  /\b(refill|refills|renew|run(?:ning)? out|ran out|out of|almost out|more of|\d+[- ]day supply|supply|(?:doses?|pills?|tablets?|pens?) left|resurt\w*|receta|recetas|se me acab\w*|me quedan? poc\w*|m[aá]ndenme|manden m[aá]s|necesito m[aá]s)\b/i;

const KIND_OF_CATEGORY: Record<Exclude<Category, 'medication' | 'symptom'>, TemplateKind> = {
  results: 'results',
  scheduling: 'scheduling',
  billing: 'billing',
  forms_records: 'forms_records',
  portal_technical: 'portal_technical',
  other: 'general',
};

function kindOf(category: Category, triage: TriageResult, text: string): TemplateKind {
  if (category === 'medication') return REFILL_WORDS.test(text) ? 'refill' : 'medication';
  if (category === 'symptom') return triage.urgency === 'urgent' ? 'symptom_urgent' : 'symptom_routine';
  return KIND_OF_CATEGORY[category];
}

/** One template per request in the message, most urgent first, at most three (longer drafts go unread). */
export function chooseKinds(triage: TriageResult, text: string): TemplateKind[] {
  if (triage.urgency === 'emergent') return ['emergency'];
  if (!triage.needsReply) return ['acknowledgement'];
  const categories = triage.categories.length > 0 ? triage.categories : [triage.category];
  const kinds: TemplateKind[] = [];
  for (const category of categories) {
    const kind = kindOf(category, triage, text);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  // A nurse's call covers everything else an urgent symptom message asks; the rest would only dilute it.
  if (kinds[0] === 'symptom_urgent') return ['symptom_urgent'];
  // The general reply only adds a second "thank you" next to a specific one.
  const specific = kinds.filter((k) => k !== 'general');
  return (specific.length ? specific : kinds).slice(0, 3);
}

export function patientCallName(patient: PatientSummary | undefined): string | undefined {
  // A child's messages come from a parent: greeting the child by name would address the wrong person.
  if (patient?.ageYears !== undefined && patient.ageYears < 18) return undefined;
  if (patient?.ageYears === undefined && patient?.ageDays !== undefined) return undefined;
  const name = patient?.preferredName?.trim() || patient?.givenNames[0]?.trim();
  return name || undefined;
}

function render(template: string, view: object): string {
  // Plain text, not HTML: nothing to escape.
  return Mustache.render(template, view, {}, { escape: (v: unknown) => String(v) });
}

// Marks the clinic's own blank lines, so only they start a paragraph: a line whose section rendered
// empty leaves a blank line too, and must not.
const PARAGRAPH = '\u2029';

function markParagraphs(template: string): string {
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

export function templateDraft(
  prompts: PromptSet,
  kinds: TemplateKind[],
  context: RelevantContext | undefined,
  triage: TriageResult,
  lang: DraftLanguage,
  now: Date,
): TemplateDraft {
  const view = templateView(context, triage.urgency === 'urgent', prompts.voice, lang, now);
  const used: string[] = [];
  const parts = kinds.map((kind) => {
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

/**
 * The fixed emergency reply, never generated. For a language the clinic does not write in, the
 * short line in that language (when the clinic has one) comes first, then the English text.
 */
export function emergencyDraft(
  prompts: PromptSet,
  messageLanguage: string,
  lang: DraftLanguage,
  name: string | undefined,
): TemplateDraft {
  const main = templateFor(prompts, 'emergency', lang) ?? '';
  const own = lang === messageLanguage ? undefined : templateFor(prompts, 'emergency', messageLanguage);
  const body = [own, main]
    .filter((t): t is string => !!t)
    .map((t) => tidy(markParagraphs(t)))
    .join('\n\n');
  return {
    body: composeLetter(prompts.voice, lang, name, body),
    kinds: ['emergency'],
    templateText: [own ?? '', main].join('\n'),
  };
}
