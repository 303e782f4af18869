/**
 * draftReply: one message in, one draft out, never an exception. Emergent messages get the fixed
 * emergency text; a model (when configured) drafts everything else, with templates as the fallback
 * for any failure; every draft passes the safety checks and carries its reading grade.
 */
import { knownIdentifiers } from '../context';
import { createPseudonymizer } from '../privacy';
import type { Category } from '../triage/types';
import { DEFAULT_TIME_ZONE, factsText } from './facts';
import { stripLetterFrame } from './letter-frame';
import { fenceSafe, modelDraft } from './model-draft';
import type { PromptSet } from './prompts';
import { readingGrade } from './readability';
import { readMessage } from './reading';
import { canActToday } from './clinic-clock';
import { emergencyKind } from './emergency-kind';
import {
  clinicWords,
  knowledgeFlag,
  knowledgeUses,
  passageUsed,
  relevantFacts,
  sourcesOf,
} from './draft-sources';
import { warningSignsFor, type KnowledgeHit } from './knowledge';
import { analyzeRequests } from './requests';
import { checkDraft, looksLikeInjection } from './safety';
import { chartFlags, falsePromiseFlags, promiseFlags, unansweredParts } from './staff-flags';
import { emergencyDraft } from './emergency-draft';
import { chooseKinds, composeLetter, patientCallName, templateDraft } from './template-draft';
import type {
  ContextSnapshot,
  DraftDeps,
  DraftFlag,
  DraftFlagCode,
  DraftInput,
  DraftLanguage,
  DraftResult,
  DraftSource,
  TemplateKind,
} from './types';

/** A model draft with one of these is replaced by the template draft: each can harm a patient if sent. */
const BLOCKING: ReadonlySet<DraftFlagCode> = new Set([
  'ungrounded_medicine',
  'ungrounded_dose',
  'ungrounded_value',
  'new_diagnosis',
  'dose_change',
  'promised_action',
  'leftover_placeholder',
  'identifier_in_draft',
  'obeyed_instruction',
  'wrong_language',
  'false_promise',
]);

const DEFAULT_MAX_MESSAGE_CHARS = 6000;
const MAX_STYLE_EXAMPLE_CHARS = 1500;

export function chooseLanguage(
  messageLanguage: string,
  preferred: string | undefined,
): { lang: DraftLanguage; needsTranslation: boolean } {
  const m = (messageLanguage || 'und').toLowerCase();
  // The language the patient (or whoever writes for them) chose for this message wins; the chart's
  // preference decides only when the message is too short to tell.
  if (m === 'es') return { lang: 'es', needsTranslation: false };
  if (m === 'en') return { lang: 'en', needsTranslation: false };
  if (m === 'und') return { lang: preferred?.toLowerCase() === 'es' ? 'es' : 'en', needsTranslation: false };
  return { lang: 'en', needsTranslation: true };
}

function targetGradeOf(input: DraftInput, prompts: PromptSet): number {
  for (const g of [input.targetGrade, input.chart?.patient.readingGrade]) {
    if (typeof g === 'number' && Number.isFinite(g) && g >= 1 && g <= 16) return g;
  }
  return prompts.voice.default_reading_grade;
}

/**
 * Never throws for bad input: if drafting with the chart fails in an unforeseen way, the message gets
 * the chart-free template draft (or the emergency text) with a flag saying so.
 */
export async function draftReply(input: DraftInput, deps: DraftDeps): Promise<DraftResult> {
  try {
    return await draftWithChart(input, deps);
  } catch (err) {
    const safe = await draftWithChart(
      { ...input, chart: undefined, styleExamples: [] },
      { ...deps, model: null },
    );
    safe.flags.unshift({
      code: 'drafting_error',
      detail: `drafted without the chart after ${(err as Error)?.name ?? 'an error'}`,
    });
    return safe;
  }
}

async function draftWithChart(input: DraftInput, deps: DraftDeps): Promise<DraftResult> {
  const { prompts, now, model } = deps;
  const triage = {
    ...input.triage,
    flags: input.triage.flags ?? [],
    categories: input.triage.categories ?? [],
  };
  const text = typeof input.text === 'string' ? input.text : '';
  const chart = input.chart;
  const zone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  // Triage's categories, corrected by what the text makes clear (a result question read as a symptom...).
  const reading = readMessage(text, triage, chart);
  const categories: Category[] = reading.categories;
  const flags: DraftFlag[] = [];
  const { lang, needsTranslation } = chooseLanguage(triage.language, chart?.patient.preferredLanguage);
  if (needsTranslation)
    flags.push({ code: 'needs_translation', detail: `message in "${triage.language}", draft in English` });
  if (!chart) flags.push({ code: 'chart_missing', detail: 'no chart: the draft states no chart facts' });
  else if (chart.warnings.length)
    flags.push({
      code: 'chart_warnings',
      detail: `${chart.warnings.length} chart record(s) skipped as malformed`,
    });

  const targetGrade = targetGradeOf(input, prompts);
  const relevant = chart ? relevantFacts(chart, text, categories) : undefined;
  const name = patientCallName(chart?.patient);
  const injection = triage.flags.includes('instruction_injection') || looksLikeInjection(text);
  const analysis = analyzeRequests(text, reading, chart, prompts.knowledgeIndex);
  const openToday = canActToday(now, deps.calendar, zone);
  const nurseAlerted = deps.nurseAlerts ?? false;
  // Both paths: what the message says that the chart lacks or contradicts goes to staff, not the patient.
  if (triage.urgency !== 'emergent')
    flags.push(...chartFlags(text, analysis, relevant, now, chart?.observations ?? []));
  const snapshot = (
    facts: string,
    kinds: TemplateKind[],
    styleExamples = 0,
    knowledge: KnowledgeHit[] = [],
  ): ContextSnapshot => ({
    sources: sourcesOf(relevant),
    reasons: relevant?.reasons ?? [],
    facts,
    templateKinds: kinds,
    styleExamples,
    requests: analysis.parts,
    knowledge: knowledgeUses(knowledge),
  });
  const finish = (
    source: DraftSource,
    body: string,
    clinicText: string,
    snap: ContextSnapshot,
    extra: Partial<DraftResult> = {},
    pathFlags: DraftFlag[] = [],
  ): DraftResult => {
    const grade = body ? readingGrade(body, lang) : null;
    const checks = body
      ? checkDraft(body, {
          message: text,
          chart,
          categories,
          prompts,
          clinicText,
          injection,
          now,
          language: lang,
          timeZone: zone,
        })
      : [];
    if (grade !== null && grade > targetGrade + 0.5 && source !== 'escalation') {
      checks.push({ code: 'above_target_grade', detail: `grade ${grade}, target ${targetGrade}` });
    }
    checks.push(...falsePromiseFlags(body, { openToday, nurseAlerted }), ...promiseFlags(body));
    return {
      source,
      body,
      promptVersion: prompts.version,
      readingGrade: grade,
      targetGrade,
      flags: [...flags, ...pathFlags, ...checks],
      language: lang,
      needsTranslation,
      contextSnapshot: snap,
      ...extra,
    };
  };
  const fromTemplates = (extra: Partial<DraftResult> = {}): DraftResult => {
    const kinds = chooseKinds(triage, text, reading, analysis);
    const signs = kinds.includes('symptom_urgent')
      ? warningSignsFor(triage, prompts.knowledge.warningSigns)
      : undefined;
    const d = templateDraft(prompts, kinds, relevant, triage, {
      lang,
      now,
      zone,
      reading,
      text,
      analysis,
      openToday,
      nurseAlerted,
      warningSigns: signs?.text[lang],
    });
    const used = kinds.includes('knowledge') ? analysis.answers : [];
    const signsFlag: DraftFlag[] = signs
      ? [
          {
            code: 'knowledge_used',
            detail: `warning signs "${signs.id}" from prompts/knowledge/warning-signs.yaml, reviewed by ${signs.reviewedBy} on ${signs.reviewedOn}`,
          },
        ]
      : [];
    return finish(
      'template',
      d.body,
      `${d.templateText}\n${signs ? `${signs.text.en}\n${signs.text.es}\n` : ''}${clinicWords(prompts, categories, used)}`,
      snapshot(factsText(relevant, now, zone), kinds, 0, used),
      extra,
      [...used.map(knowledgeFlag), ...signsFlag, ...unansweredParts(analysis, kinds)],
    );
  };

  if (triage.urgency === 'emergent') {
    const d = emergencyDraft(prompts, triage.language, lang, name, {
      kind: emergencyKind(triage, text),
      selfHarm: reading.selfHarm,
      nurseAlerted,
    });
    return finish(
      'escalation',
      d.body,
      `${d.templateText}\n${clinicWords(prompts, categories)}`,
      snapshot(factsText(relevant, now, zone), d.kinds),
    );
  }
  if (!triage.needsReply) {
    if (prompts.voice.no_reply_messages === 'none') return finish('none', '', '', snapshot('', []));
    return fromTemplates();
  }
  if (!model) return fromTemplates();

  const modelName = deps.modelName ?? (model as { model?: string }).model;
  let outcome: Awaited<ReturnType<typeof modelDraft>> | undefined;
  let facts = '';
  let examples: string[] = [];
  try {
    const pseudonymizer = createPseudonymizer(chart ? knownIdentifiers(chart.patient) : { names: [] });
    const maxChars = deps.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
    if (text.length > maxChars) {
      flags.push({
        code: 'message_truncated',
        detail: `only the first ${maxChars} of ${text.length} characters went to the model`,
      });
    }
    // The message first, so the people it names get the first placeholder numbers.
    const message = fenceSafe(pseudonymizer.pseudonymize(text.slice(0, maxChars)));
    facts = pseudonymizer.pseudonymize(factsText(relevant, now, zone));
    examples = (input.styleExamples ?? [])
      .map((e) => stripLetterFrame(String(e).slice(0, MAX_STYLE_EXAMPLE_CHARS)))
      .map((e) => fenceSafe(pseudonymizer.pseudonymize(e)))
      .filter((e) => pseudonymizer.leftovers(e).length === 0);
    outcome = await modelDraft({
      model,
      prompts,
      triage: { ...triage, category: categories[0] ?? triage.category, categories },
      lang,
      targetGrade,
      message,
      facts,
      knowledge: analysis.knowledge.map((h) => h.passage.text[lang]),
      promises: { openToday, nurseAlerted, afterHoursLine: prompts.knowledge.contacts.after_hours },
      styleExamples: examples,
      pseudonymizer,
      letter: (body) => composeLetter(prompts.voice, lang, name, body),
      outputMode: deps.outputMode ?? 'structured',
    });
  } catch (err) {
    // Only the privacy layer can throw here (modelDraft reports its failures as flags).
    flags.push({
      code: 'model_skipped',
      detail: `no safe model request could be built (${(err as Error).name})`,
    });
    return fromTemplates();
  }
  const usage = {
    tokens: { input: outcome.usage.inputTokens, output: outcome.usage.outputTokens },
    latencyMs: outcome.latencyMs,
  };
  if (!outcome.ok) {
    flags.push(...outcome.flags);
    return fromTemplates(usage);
  }
  const letter = composeLetter(prompts.voice, lang, name, outcome.body);
  const drafted = finish(
    'llm',
    letter,
    clinicWords(prompts, categories, analysis.knowledge),
    snapshot(facts, [], examples.length, analysis.knowledge),
    { ...usage, model: modelName },
    [...outcome.flags, ...analysis.knowledge.filter((h) => passageUsed(outcome.body, h)).map(knowledgeFlag)],
  );
  const blocking = drafted.flags.filter((f) => BLOCKING.has(f.code));
  if (blocking.length === 0) return drafted;
  flags.push(...blocking.map((f) => ({ ...f, detail: `model draft: ${f.detail}` })));
  flags.push({
    code: 'model_draft_rejected',
    detail: `replaced by the template draft (${[...new Set(blocking.map((f) => f.code))].join(', ')})`,
  });
  return fromTemplates(usage);
}
