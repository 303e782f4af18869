/**
 * The model path: everything the model reads is pseudonymized with one pseudonymizer, patient text is
 * fenced as data, the answer is validated, simplified while it reads above target, and re-identified.
 * Any failure comes back as flags; the caller then drafts from templates.
 */
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import Mustache from 'mustache';
import { z } from 'zod';
import {
  invokeStructured,
  invokeText,
  LlmError,
  type LlmErrorKind,
  type TokenUsage,
} from '../llm/chat-model';
import type { Pseudonymizer } from '../privacy';
import type { TriageResult } from '../triage/types';
import type { PromptSet } from './prompts';
import { stripLetterFrame } from './letter-frame';
import { readingGrade, splitWords } from './readability';
import type { DraftFlag, DraftFlagCode, DraftLanguage } from './types';

// Kept to plain types: strict JSON-schema modes of some servers reject length limits and transforms.
const replySchema = z.object({
  body: z.string().describe('The body of the reply, without greeting or sign-off'),
});
const MAX_REPLY_CHARS = 6000;

function usableBody(body: string): string {
  const trimmed = stripLetterFrame(body);
  if (!trimmed) throw new LlmError('invalid_output', 'model returned an empty reply');
  if (trimmed.length > MAX_REPLY_CHARS)
    throw new LlmError('invalid_output', 'model reply exceeded the length limit');
  return trimmed;
}

export interface ModelDraftRequest {
  model: ChatOpenAI;
  prompts: PromptSet;
  triage: TriageResult;
  lang: DraftLanguage;
  targetGrade: number;
  /** Already pseudonymized and fenced-safe. */
  message: string;
  facts: string;
  /** Clinic-written passages that answer the message (hours, fees, standing answers); may be quoted. */
  knowledge?: string[];
  /** What the clinic can promise now: a "today" only with working time left, an alert only when configured. */
  promises?: { openToday: boolean; nurseAlerted: boolean; afterHoursLine?: string };
  styleExamples: string[];
  pseudonymizer: Pseudonymizer;
  /** Turns a re-identified body into the letter whose grade is measured (greeting and sign-off added). */
  letter: (body: string) => string;
  outputMode: 'structured' | 'text';
}

export type ModelDraftOutcome =
  | {
      ok: true;
      body: string;
      grade: number;
      simplified: number;
      usage: TokenUsage;
      latencyMs: number;
      flags: DraftFlag[];
    }
  | { ok: false; flags: DraftFlag[]; usage: TokenUsage; latencyMs: number };

const ERROR_FLAG: Record<LlmErrorKind, DraftFlagCode> = {
  timeout: 'model_timeout',
  rate_limited: 'model_rate_limited',
  server_error: 'model_server_error',
  invalid_output: 'model_invalid_output',
  connection: 'model_connection',
  rejected: 'model_rejected',
};

export function flagForError(err: unknown, when: string): DraftFlag {
  if (err instanceof LlmError) return { code: ERROR_FLAG[err.kind], detail: `${when}: ${err.message}` };
  return { code: 'model_invalid_output', detail: `${when}: ${(err as Error)?.name ?? 'unknown error'}` };
}

/** Tags the prompt uses as fences cannot be closed or opened from inside patient text. */
export function fenceSafe(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

function render(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: (v: unknown) => String(v) });
}

const LANGUAGE_NAMES: Record<DraftLanguage, string> = { en: 'English', es: 'Spanish (use "usted")' };

export function buildMessages(req: ModelDraftRequest): BaseMessage[] {
  const { prompts, triage } = req;
  const categories = [...new Set(triage.categories.length ? triage.categories : [triage.category])];
  const visits = categories.some((c) => prompts.categories[c]?.suggestAppointment);
  const avoid = prompts.voice.words_to_avoid
    .map((w) => (w.use ? `"${w.avoid}" (say "${w.use}")` : `"${w.avoid}"`))
    .join(', ');
  const system = render(prompts.system, {
    clinic_name: prompts.voice.clinic_name,
    voice: prompts.voice.description,
    language_name: LANGUAGE_NAMES[req.lang],
    target_grade: req.targetGrade,
    max_words: prompts.voice.max_words,
    appointment_rule: visits
      ? 'Offer a visit only when the message or the guidance below calls for one.'
      : 'Do not suggest an appointment or a visit: this kind of message does not need one.',
    words_to_avoid: avoid ? `9. Do not use these words: ${avoid}.` : '',
    promise_rule: promiseRule(req.promises),
    category_guidance: categories.map((c) => prompts.categories[c]?.guidance ?? '').join('\n\n'),
  });
  const user = render(prompts.user, {
    urgency: triage.urgency,
    categories: categories.join(', '),
    facts: req.facts,
    clinic_knowledge: req.knowledge ?? [],
    has_clinic_knowledge: !!req.knowledge?.length,
    style_examples: req.styleExamples,
    message: req.message,
  });
  return [new SystemMessage(system), new HumanMessage(user)];
}

/** Rule 10: promises the clinic can keep at this hour; a draft that breaks it is replaced (false_promise). */
function promiseRule(p: ModelDraftRequest['promises']): string {
  if (!p) return '';
  const today = p.openToday
    ? 'The clinic is open today: you may say a nurse will call today only if the guidance says so.'
    : `The clinic has no working time left today: promise nothing for today. Say the office is closed${
        p.afterHoursLine ? ` and give the after-hours nurse line, ${p.afterHoursLine}` : ''
      }, if the patient needs someone sooner.`;
  const alert = p.nurseAlerted ? '' : ' Do not say that a nurse has been alerted.';
  return `10. ${today}${alert}`;
}

async function ask(req: ModelDraftRequest, messages: BaseMessage[]) {
  if (req.outputMode === 'structured') {
    const r = await invokeStructured(req.model, replySchema, messages, 'draft_reply');
    return { body: usableBody(r.value.body), usage: r.usage, latencyMs: r.latencyMs };
  }
  const r = await invokeText(req.model, messages);
  // Servers without JSON mode often still answer {"body": ...} because the prompt asks for it.
  let body = r.text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  try {
    const parsed = replySchema.safeParse(JSON.parse(body));
    if (parsed.success) body = parsed.data.body;
  } catch {
    // Plain text is a valid answer in text mode.
  }
  return { body: usableBody(body), usage: r.usage, latencyMs: r.latencyMs };
}

export async function modelDraft(req: ModelDraftRequest): Promise<ModelDraftOutcome> {
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let latencyMs = 0;
  const add = (u: TokenUsage, ms: number) => {
    usage.inputTokens += u.inputTokens;
    usage.outputTokens += u.outputTokens;
    latencyMs += ms;
  };
  const base = buildMessages(req);
  const flags: DraftFlag[] = [];

  let raw: string;
  try {
    const first = await ask(req, base);
    add(first.usage, first.latencyMs);
    raw = first.body;
  } catch (err) {
    return { ok: false, flags: [flagForError(err, 'draft')], usage, latencyMs };
  }
  let leftovers = req.pseudonymizer.leftovers(raw);
  if (leftovers.length) {
    return {
      ok: false,
      flags: leftovers.map((l) => ({ code: 'leftover_placeholder', detail: `model reply: ${l}` })),
      usage,
      latencyMs,
    };
  }
  let body = req.pseudonymizer.reidentify(raw);
  let grade = readingGrade(req.letter(body), req.lang);
  let simplified = 0;
  const maxWords = req.prompts.voice.max_words;
  const tooHard = () => grade > req.targetGrade + 0.5 || splitWords(req.letter(body)).length > maxWords;
  while (tooHard() && simplified < 2) {
    const ask2 = render(req.prompts.simplify, {
      grade,
      target_grade: req.targetGrade,
      max_words: maxWords,
      language_name: LANGUAGE_NAMES[req.lang],
      draft: raw,
    });
    let next: string;
    try {
      const r = await ask(req, [...base, new AIMessage(raw), new HumanMessage(ask2)]);
      add(r.usage, r.latencyMs);
      next = r.body;
    } catch (err) {
      flags.push(flagForError(err, 'simplification (kept the previous wording)'));
      break;
    }
    simplified += 1;
    leftovers = req.pseudonymizer.leftovers(next);
    if (leftovers.length) {
      // The earlier wording had none, so it is kept: not a reason to reject the model draft.
      flags.push({
        code: 'model_invalid_output',
        detail: `simplified reply discarded for unknown placeholders: ${leftovers.join(', ')}`,
      });
      break;
    }
    raw = next;
    body = req.pseudonymizer.reidentify(raw);
    grade = readingGrade(req.letter(body), req.lang);
  }
  if (simplified > 0)
    flags.push({ code: 'simplified', detail: `sent back ${simplified}× to simplify; now grade ${grade}` });
  return { ok: true, body, grade, simplified, usage, latencyMs, flags };
}
