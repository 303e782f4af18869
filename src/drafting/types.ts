import type { ChatOpenAI } from '@langchain/openai';
import type { ChartContext } from '../context/types';
import type { TriageResult } from '../triage/types';
import type { BusinessCalendar } from '../clinic/calendar';
import type { PromptSet } from './prompts';
import type { RequestPart } from './requests';

/** Kinds of reply a template exists for; `prompts/templates/<kind>.<lang>.md`. */
export const TEMPLATE_KINDS = [
  'refill',
  'medication',
  'results',
  'scheduling',
  'billing',
  'forms_records',
  'contact_update',
  'portal_technical',
  'symptom_routine',
  'symptom_urgent',
  'general',
  'improving',
  'emergency',
  'acknowledgement',
  // An information question the clinic's knowledge folder answers (hours, fax, vaccines, fees ...).
  'knowledge',
  'thanks',
  'complaint',
  // The one step that matters for each kind of emergency; `emergency` covers the rest.
  'emergency_anaphylaxis',
  'emergency_labor',
  'emergency_poison',
  'emergency_unresponsive',
  'emergency_self_harm',
  'emergency_violence',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Languages the clinic writes drafts in; any other language gets an English draft flagged needs_translation. */
export const DRAFT_LANGUAGES = ['en', 'es'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

export type DraftSource = 'llm' | 'template' | 'escalation' | 'none';

export type DraftFlagCode =
  // safety checks on the draft text
  | 'ungrounded_medicine'
  | 'ungrounded_dose'
  | 'ungrounded_value'
  | 'new_diagnosis'
  | 'dose_change'
  | 'promised_action'
  | 'appointment_suggested'
  | 'over_length'
  | 'leftover_placeholder'
  | 'identifier_in_draft'
  | 'obeyed_instruction'
  | 'avoided_word'
  | 'wrong_language'
  | 'above_target_grade'
  // what happened on the way
  | 'model_timeout'
  | 'model_rate_limited'
  | 'model_server_error'
  | 'model_invalid_output'
  | 'model_connection'
  | 'model_rejected'
  | 'model_draft_rejected'
  | 'model_skipped'
  | 'simplified'
  | 'needs_translation'
  | 'message_truncated'
  | 'chart_missing'
  | 'chart_warnings'
  | 'drafting_error'
  // for the approver
  | 'knowledge_used'
  | 'promise_made'
  | 'false_promise'
  | 'chart_contradiction'
  | 'not_in_chart'
  | 'part_not_answered';

export interface DraftFlag {
  code: DraftFlagCode;
  /** The offending text or what happened; never more PHI than the draft itself holds. */
  detail: string;
}

export interface DraftInput {
  text: string;
  chart?: ChartContext;
  triage: TriageResult;
  /** Overrides the patient's recorded preference and the clinic default. */
  targetGrade?: number;
  /** Approved replies to similar messages (see pickStyleExamples), in clear text. */
  styleExamples?: string[];
}

export interface DraftDeps {
  model: ChatOpenAI | null;
  prompts: PromptSet;
  now: Date;
  /** The clinic's IANA time zone (CLINIC_TIME_ZONE): dates and times in drafts are on its clock. Default America/Chicago. */
  timeZone?: string;
  /** Name given to the model for the structured answer; the model id is recorded on the draft. */
  modelName?: string;
  /** Patient text beyond this many characters is not sent to the model (flagged message_truncated). */
  maxMessageChars?: number;
  /** 'text' for servers without JSON-schema output (some llama.cpp and Ollama builds). Default 'structured'. */
  outputMode?: 'structured' | 'text';
  /**
   * The clinic's business calendar: a draft promises a call or a send "today" only while working time
   * is left today. Default Mon–Fri 08:00–12:00 and 13:00–17:00 in timeZone.
   */
  calendar?: BusinessCalendar;
  /** True only when urgent alerts really reach a nurse (Slack configured): "a nurse has been alerted". */
  nurseAlerts?: boolean;
}

/** What the model saw (pseudonymized) or what the template used, for the draft's audit trail. */
export interface ContextSnapshot {
  /** FHIR references of every chart fact used. */
  sources: string[];
  /** Why each group of facts was picked. */
  reasons: string[];
  /** The facts block as given to the model or the template, with identifiers replaced for the model. */
  facts: string;
  templateKinds: TemplateKind[];
  styleExamples: number;
  /** What the message asks, part by part, with the words naming each (request analysis). */
  requests?: RequestPart[];
  /** Clinic knowledge passages given to the draft (template or model), best first. */
  knowledge?: KnowledgeUse[];
}

/** A knowledge passage a draft used, as staff see it beside the draft. */
export interface KnowledgeUse {
  id: string;
  file: string;
  title: string;
  score: number;
  approvedBy?: string;
  approvedOn?: string;
}

export interface DraftResult {
  source: DraftSource;
  body: string;
  model?: string;
  promptVersion: string;
  readingGrade: number | null;
  targetGrade: number;
  flags: DraftFlag[];
  language: DraftLanguage;
  /** Set when the patient wrote in a language the clinic does not draft in. */
  needsTranslation: boolean;
  contextSnapshot: ContextSnapshot;
  tokens?: { input: number; output: number };
  latencyMs?: number;
}
