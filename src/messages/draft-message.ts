/**
 * Draft step: the chart, a model's second opinion on urgency (may raise, never lower), the draft,
 * then `ready`. The draft row and the status change commit together, so a retry after a crash either
 * finds the message ready (and stops) or starts over: never two drafts from one run of the pipeline.
 */
import { recordEvent } from '../audit';
import { loadClinicSettings, type BusinessCalendar } from '../clinic';
import { fetchChart } from '../context';
import type { ChartContext } from '../context/types';
import { draftReply, pickStyleExamples, type DraftResult } from '../drafting';
import { enqueue, jobPriority } from '../queue';
import {
  CATEGORIES,
  URGENCIES,
  urgencyRank,
  type Category,
  type TriageResult,
  type Urgency,
} from '../triage';
import { secondOpinion } from '../triage/second-opinion';
import type { Message } from '../db';
import { rememberPatient } from '../inbox/patients';
import { errorKind, isTransientChartError, patientIdOf, type PipelineDeps } from './pipeline-deps';
import { findMessage, insertDraft, markReady, raiseUrgency, recentSentReplies } from './repository';
import { redraftEarlierInThread } from './thread-redraft';
import { MessageGoneError, needsAlert } from './triage-message';

const ACTOR = 'worker:draft';
const TRIAGE_FLAGS = new Set([
  'instruction_injection',
  'unsupported_language',
  'multiple_requests',
  'empty_message',
  'truncated_input',
  'model_raised_urgency',
  'model_unavailable',
]);

class AlreadyDone extends Error {}

/** drafting threw (it promises not to): the same input would throw again, so no retries. */
export class DraftCrashError extends Error {
  override name = 'DraftCrashError';
  constructor(options?: ErrorOptions) {
    super('drafting failed on this message', options);
  }
}

/** The stored triage back in the shape drafting and the second opinion read. */
export function storedTriage(m: Message): TriageResult {
  const urgency: Urgency = m.urgency && URGENCIES.includes(m.urgency) ? m.urgency : 'routine';
  const category: Category = m.category && CATEGORIES.includes(m.category) ? m.category : 'other';
  const categories = m.categories.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c));
  return {
    urgency,
    category,
    categories: categories.length ? categories : [category],
    reasons: m.triage_reasons,
    needsReply: m.needs_reply ?? true,
    flags: m.flags.filter((f) => TRIAGE_FLAGS.has(f)) as TriageResult['flags'],
    language: m.language ?? 'und',
  };
}

export interface DraftOptions {
  /** False on the last chart attempt: draft without the chart rather than fail. */
  retryTransientChart: boolean;
}

async function readChart(
  deps: PipelineDeps,
  message: Message,
  options: DraftOptions,
): Promise<{ chart?: ChartContext; problem?: string }> {
  const patientId = patientIdOf(message.patient_ref);
  if (!patientId) return { problem: 'not_a_patient_reference' };
  try {
    return { chart: await fetchChart(deps.chart, patientId, deps.now?.() ?? new Date()) };
  } catch (err) {
    if (options.retryTransientChart && isTransientChartError(err)) throw err;
    return { problem: errorKind(err) };
  }
}

/**
 * The clinic's business calendar, for promises of "today". A stored calendar that fails its schema is
 * reported elsewhere (settings API); here the default calendar keeps drafting going.
 */
export async function draftingCalendar(
  db: PipelineDeps['db'],
  zone: string,
): Promise<BusinessCalendar | undefined> {
  try {
    return (await loadClinicSettings(db, zone)).calendar;
  } catch {
    return undefined;
  }
}

/** Asks the model, when there is one, whether the message is more urgent than the rules said. */
async function reconsider(deps: PipelineDeps, message: Message, triage: TriageResult): Promise<TriageResult> {
  if (!deps.model) return triage;
  const second = await secondOpinion(deps.model, message.body, triage);
  const raised = urgencyRank(second.urgency) < urgencyRank(triage.urgency);
  const newFlags = second.flags.filter((f) => !triage.flags.includes(f));
  if (!raised && newFlags.length === 0) return second;
  await deps.db.transaction().execute(async (trx) => {
    await raiseUrgency(trx, message.id, {
      urgency: second.urgency,
      reasons: second.reasons,
      flags: newFlags,
    });
    if (raised) {
      await recordEvent(trx, {
        actor: ACTOR,
        action: 'message.triage_raised',
        messageId: message.id,
        data: { from: triage.urgency, to: second.urgency },
      });
    }
  });
  if (raised && needsAlert(second.urgency)) {
    await enqueue(deps.queues, 'alert', { messageId: message.id }, { priority: jobPriority(second.urgency) });
  }
  return second;
}

function flagCodes(draft: DraftResult): string[] {
  return [...new Set(draft.flags.map((f) => f.code))];
}

export type DraftOutcome = 'ready' | 'already_done';

/** How many recent approved replies are compared with a new message to find its two style examples. */
const STYLE_CANDIDATES = 200;

export async function draftMessage(
  deps: PipelineDeps,
  messageId: string,
  options: DraftOptions,
): Promise<DraftOutcome> {
  const message = await findMessage(deps.db, messageId);
  if (!message) throw new MessageGoneError(messageId);
  if (message.status !== 'triaged') return 'already_done';
  const { chart, problem } = await readChart(deps, message, options);
  // The inbox list's name, age and search come from this copy (never fails drafting).
  if (chart) await rememberPatient(deps, message.patient_ref, chart.patient);
  const triage = await reconsider(deps, message, storedTriage(message));
  const now = deps.now?.() ?? new Date();
  // Style examples only shape a model's wording; templates ignore them, so skip the read without a model.
  const styleExamples = deps.model
    ? pickStyleExamples(await recentSentReplies(deps.db, triage.category, STYLE_CANDIDATES), message.body, 2)
    : [];
  const calendar = await draftingCalendar(deps.db, deps.timeZone ?? 'America/Chicago');
  let draft: DraftResult;
  try {
    draft = await draftReply(
      { text: message.body, chart, triage, styleExamples },
      {
        model: deps.model,
        prompts: deps.prompts,
        now,
        modelName: deps.modelName,
        timeZone: deps.timeZone,
        calendar,
        nurseAlerts: deps.nurseAlerts ?? false,
      },
    );
  } catch (err) {
    throw new DraftCrashError({ cause: err });
  }
  const messageFlags = problem ? ['chart_unavailable'] : [];
  if (draft.source === 'none') messageFlags.push('no_draft');
  if (draft.needsTranslation) messageFlags.push('needs_translation');
  try {
    await deps.db.transaction().execute(async (trx) => {
      let draftId: string | null = null;
      if (draft.source !== 'none') {
        draftId = await insertDraft(trx, {
          message_id: messageId,
          body: draft.body,
          source: draft.source,
          model: draft.model ?? null,
          prompt_version: draft.promptVersion,
          reading_grade: draft.readingGrade,
          target_grade: draft.targetGrade,
          // Details may quote the draft; they live with it in the database, never in events or logs.
          flags: draft.flags.map((f) => (f.detail ? `${f.code}: ${f.detail}` : f.code)),
          context_snapshot: JSON.stringify(draft.contextSnapshot),
          tokens: draft.tokens ? draft.tokens.input + draft.tokens.output : null,
          latency_ms: draft.latencyMs ?? null,
        });
      }
      if (!(await markReady(trx, messageId, ['triaged'], messageFlags))) throw new AlreadyDone();
      await recordEvent(trx, {
        actor: ACTOR,
        action: draftId ? 'draft.created' : 'draft.skipped',
        messageId,
        data: {
          draftId,
          source: draft.source,
          model: draft.model ?? null,
          readingGrade: draft.readingGrade,
          targetGrade: draft.targetGrade,
          flags: flagCodes(draft),
          latencyMs: draft.latencyMs ?? null,
          chartProblem: problem ?? null,
        },
      });
      await recordEvent(trx, {
        actor: ACTOR,
        action: 'message.ready',
        messageId,
        data: { urgency: triage.urgency, flags: messageFlags },
      });
    });
  } catch (err) {
    if (err instanceof AlreadyDone) return 'already_done';
    throw err;
  }
  deps.logger.info({ messageId, source: draft.source, flags: messageFlags }, 'message ready');
  // After this message is ready: an earlier one of the thread still waiting gets a draft that reads both.
  const redrafted = await redraftEarlierInThread(deps, message, { chart, now, calendar });
  if (redrafted) deps.logger.info({ messageId, redrafted }, 'earlier messages in the thread redrafted');
  return 'ready';
}
