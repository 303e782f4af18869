/**
 * Regenerate: a new draft for a message, built the way the pipeline's draft step builds one (the
 * chart read live, the stored triage, style examples, draftReply with its safety checks and
 * template fallback), plus at most one instruction from a fixed list whose wording is the clinic's
 * (prompts/regenerate-instructions.md). The patient's text stays fenced data; staff type nothing
 * that reaches the model. Only offered when a language model is configured.
 */
import type { ChatOpenAI } from '@langchain/openai';
import type { Logger } from 'pino';
import { recordEvent } from '../../audit';
import { fetchChart, type ChartPortal } from '../../context';
import type { ChartContext } from '../../context/types';
import type { Db, Message } from '../../db';
import { draftReply, pickStyleExamples, type DraftResult, type PromptSet } from '../../drafting';
import { MessageNotFoundError } from '../../messages/errors';
import { draftingCalendar, storedTriage } from '../../messages/draft-message';
import { errorKind, patientIdOf } from '../../messages/pipeline-deps';
import { findMessage, insertDraft, recentSentReplies } from '../../messages/repository';
import { actorOf, type Actor } from './context';
import { ActionConflictError } from './errors';
import { isReplyable } from './repository';
import type { RegenerateInstruction } from './input';

export interface RegenerateDeps {
  db: Db;
  logger: Logger;
  /** null: no model configured, and regenerate is refused. */
  model: ChatOpenAI | null;
  modelName?: string;
  /** Loaded on first use and kept: the web process starts even if a prompt file is being edited. */
  prompts: () => PromptSet;
  instructions: () => Record<RegenerateInstruction, string>;
  /** Absent when no portal is configured: the draft is made without the chart (flagged). */
  /** The portal client; absent when no portal is configured. */
  chart?: ChartPortal;
  timeZone: string;
  /** Urgent alerts really reach a nurse (Slack configured). */
  nurseAlerts?: boolean;
  now?: () => Date;
}

const STYLE_CANDIDATES = 200;

/** The prompt set for this one draft: the instruction appended to the system prompt, and the limits it implies. */
export function promptsWithInstruction(
  prompts: PromptSet,
  instruction: RegenerateInstruction | undefined,
  wording: Record<RegenerateInstruction, string>,
): PromptSet {
  if (!instruction) return prompts;
  const voice =
    instruction === 'shorter'
      ? { ...prompts.voice, max_words: Math.max(40, Math.round(prompts.voice.max_words * 0.6)) }
      : prompts.voice;
  return {
    ...prompts,
    voice,
    system: `${prompts.system.trimEnd()}\n\n# Staff request for this draft\n${wording[instruction]}\n`,
    version: `${prompts.version}+${instruction}`,
  };
}

async function readChart(
  deps: RegenerateDeps,
  patientRef: string,
  now: Date,
): Promise<{ chart?: ChartContext; problem?: string }> {
  const patientId = patientIdOf(patientRef);
  if (!deps.chart) return { problem: 'no_portal_configured' };
  if (!patientId) return { problem: 'not_a_patient_reference' };
  try {
    return { chart: await fetchChart(deps.chart, patientId, now) };
  } catch (err) {
    return { problem: errorKind(err) };
  }
}

export interface RegeneratedDraft {
  draftId: string;
  previousDraftId: string | null;
  source: DraftResult['source'];
  chartProblem: string | null;
}

export async function regenerateDraft(
  deps: RegenerateDeps,
  messageId: string,
  user: Actor,
  instruction: RegenerateInstruction | undefined,
): Promise<RegeneratedDraft> {
  if (!deps.model) {
    throw new ActionConflictError(
      'no_model',
      'No language model is configured, so drafts cannot be regenerated.',
    );
  }
  const message = await findMessage(deps.db, messageId);
  if (!message) throw new MessageNotFoundError(messageId);
  if (!isReplyable(message.status)) {
    throw new ActionConflictError(
      'not_open',
      'A reply to this message was already approved, or it is closed, so its draft cannot be regenerated.',
    );
  }
  return storeNewDraft(deps, message, user, {
    instruction,
    action: 'draft.regenerated',
  });
}

export interface NewDraftOptions {
  instruction?: RegenerateInstruction;
  /** The audit action: a person asked for it, or the facts changed under the old draft. */
  action: 'draft.regenerated' | 'draft.redrafted';
  /** Codes only (no PHI): why the draft was made again, recorded with the event and on the draft. */
  reason?: string;
}

/**
 * Drafts the message again and stores the new draft beside the old one (drafts are never updated:
 * the earlier one stays as a revision), with an audit event naming both.
 */
export async function storeNewDraft(
  deps: RegenerateDeps,
  message: Message,
  user: Actor,
  options: NewDraftOptions,
): Promise<RegeneratedDraft> {
  const { instruction } = options;
  const messageId = message.id;
  const previous = await deps.db
    .selectFrom('drafts')
    .select(['id', 'target_grade'])
    .where('message_id', '=', messageId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const now = deps.now?.() ?? new Date();
  const { chart, problem } = await readChart(deps, message.patient_ref, now);
  const triage = storedTriage(message);
  // A language request is a language choice for the drafter too, so templates and checks follow it.
  if (instruction === 'spanish') triage.language = 'es';
  if (instruction === 'english') triage.language = 'en';
  const prompts = promptsWithInstruction(deps.prompts(), instruction, deps.instructions());
  const baseGrade =
    previous?.target_grade ?? chart?.patient.readingGrade ?? prompts.voice.default_reading_grade;
  const styleExamples = pickStyleExamples(
    await recentSentReplies(deps.db, triage.category, STYLE_CANDIDATES),
    message.body,
    2,
  );
  const draft = await draftReply(
    {
      text: message.body,
      chart,
      triage,
      styleExamples,
      targetGrade: instruction === 'simpler' ? Math.max(3, baseGrade - 2) : undefined,
    },
    {
      model: deps.model,
      prompts,
      now,
      modelName: deps.modelName,
      timeZone: deps.timeZone,
      calendar: await draftingCalendar(deps.db, deps.timeZone),
      nurseAlerts: deps.nurseAlerts ?? false,
    },
  );
  const source = draft.source;
  if (source === 'none') {
    throw new ActionConflictError('no_draft', 'This message needs no reply, so no draft was made.');
  }
  const draftId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertDraft(trx, {
      message_id: messageId,
      body: draft.body,
      source,
      model: draft.model ?? null,
      prompt_version: draft.promptVersion,
      reading_grade: draft.readingGrade,
      target_grade: draft.targetGrade,
      // Details may quote the draft; they live with it, never in events or logs.
      flags: [
        ...(options.reason ? [`redrafted: ${options.reason}`] : []),
        ...draft.flags.map((f) => (f.detail ? `${f.code}: ${f.detail}` : f.code)),
      ],
      context_snapshot: JSON.stringify(draft.contextSnapshot),
      tokens: draft.tokens ? draft.tokens.input + draft.tokens.output : null,
      latency_ms: draft.latencyMs ?? null,
    });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: options.action,
      messageId,
      data: {
        draftId: id,
        previousDraftId: previous?.id ?? null,
        instruction: instruction ?? null,
        ...(options.reason ? { reason: options.reason } : {}),
      },
    });
    return id;
  });
  deps.logger.info(
    { messageId, source: draft.source, chartProblem: problem ?? null, action: options.action },
    'draft made again',
  );
  return {
    draftId,
    previousDraftId: previous?.id ?? null,
    source: draft.source,
    chartProblem: problem ?? null,
  };
}
