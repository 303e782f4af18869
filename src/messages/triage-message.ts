/**
 * Triage step: rules on the message (with chart facts when the portal answers quickly), the result
 * stored, then the alert and the draft enqueued. It runs before drafting so an urgent message's
 * alert never waits on a language model.
 */
import { recordEvent } from '../audit';
import { fetchChart, toTriageFacts } from '../context';
import { enqueue, jobPriority } from '../queue';
import { classify, type PatientFacts, type TriageResult } from '../triage';
import { errorKind, patientIdOf, type PipelineDeps } from './pipeline-deps';
import { applyTriage, findMessage, markReady, markUntriagedUrgent } from './repository';

const ACTOR = 'worker:triage';

/** The message row is gone: retrying cannot help. */
export class MessageGoneError extends Error {
  override name = 'MessageGoneError';
  constructor(readonly messageId: string) {
    super(`message ${messageId} does not exist`);
  }
}

/**
 * The rules themselves threw: the same text will make them throw again, so retrying only delays a
 * possibly urgent message. The processor sends it straight to `ready`, flagged.
 */
export class TriageCrashError extends Error {
  override name = 'TriageCrashError';
  constructor(options?: ErrorOptions) {
    super('triage rules failed on this message', options);
  }
}

export function needsAlert(urgency: string | null): boolean {
  return urgency === 'emergent' || urgency === 'urgent';
}

async function patientFacts(
  deps: PipelineDeps,
  patientRef: string,
): Promise<{ facts?: PatientFacts; problem?: string }> {
  const patientId = patientIdOf(patientRef);
  if (!patientId) return { problem: 'not_a_patient_reference' };
  try {
    const chart = await fetchChart(deps.triageChart ?? deps.chart, patientId, deps.now?.() ?? new Date());
    return { facts: toTriageFacts(chart) };
  } catch (err) {
    // Triage without facts is still triage: the rules read the text, and the flag tells the nurse.
    return { problem: errorKind(err) };
  }
}

export type TriageOutcome = 'triaged' | 'already_done';

export async function triageMessage(deps: PipelineDeps, messageId: string): Promise<TriageOutcome> {
  const message = await findMessage(deps.db, messageId);
  if (!message) throw new MessageGoneError(messageId);
  if (message.status !== 'new') {
    // A retry after a crash between our commit and the enqueue: enqueue again (ids dedupe).
    if (message.status === 'triaged') await enqueueNext(deps, messageId, message.urgency);
    return 'already_done';
  }
  let result: TriageResult;
  let problem: string | undefined;
  try {
    // The text alone first: when it already says emergent, no chart fact can raise it, so the alert
    // does not wait on the portal (up to 3 s a message, much more behind a backlog).
    result = classify(message.body);
    if (result.urgency !== 'emergent') {
      const chart = await patientFacts(deps, message.patient_ref);
      problem = chart.problem;
      if (chart.facts) result = classify(message.body, chart.facts);
    }
  } catch (err) {
    throw new TriageCrashError({ cause: err });
  }
  const flags: string[] = [...result.flags];
  if (problem) flags.push('chart_unavailable');
  const applied = await deps.db.transaction().execute(async (trx) => {
    const changed = await applyTriage(trx, messageId, {
      urgency: result.urgency,
      category: result.category,
      categories: result.categories,
      reasons: result.reasons,
      needsReply: result.needsReply,
      flags,
      language: result.language,
    });
    if (!changed) return false;
    await recordEvent(trx, {
      actor: ACTOR,
      action: 'message.triaged',
      messageId,
      // Reasons quote the patient's words, so only their number goes into the log.
      data: {
        urgency: result.urgency,
        category: result.category,
        categories: result.categories,
        needsReply: result.needsReply,
        reasonCount: result.reasons.length,
        flags,
        chartProblem: problem ?? null,
      },
    });
    return true;
  });
  if (!applied) return 'already_done';
  await enqueueNext(deps, messageId, result.urgency);
  deps.logger.info({ messageId, urgency: result.urgency, flags }, 'message triaged');
  return 'triaged';
}

async function enqueueNext(deps: PipelineDeps, messageId: string, urgency: string | null): Promise<void> {
  // The alert first: it is the one a patient may be waiting on. Both jobs go by urgency, so an
  // emergency is never queued behind a backlog of routine work.
  const priority = jobPriority(urgency);
  if (needsAlert(urgency)) await enqueue(deps.queues, 'alert', { messageId }, { priority });
  await enqueue(deps.queues, 'draft', { messageId }, { priority });
}

/**
 * The last attempt of a step failed: the message still goes to `ready`, flagged, so a person sees
 * it (never limbo). Returns false when the message was not in a pipeline status any more.
 */
export async function failToReady(
  deps: Pick<PipelineDeps, 'db' | 'logger'>,
  messageId: string,
  stage: 'triage' | 'draft',
  err: unknown,
): Promise<boolean> {
  const kind = errorKind(err);
  const flag = `${stage}_failed`;
  const moved = await deps.db.transaction().execute(async (trx) => {
    const changed = await markReady(trx, messageId, ['new', 'triaged'], [flag]);
    if (!changed) return false;
    if (stage === 'triage') {
      await markUntriagedUrgent(
        trx,
        messageId,
        'urgent: automatic triage failed — a person must read this now',
      );
    }
    await recordEvent(trx, {
      actor: `worker:${stage}`,
      action: stage === 'draft' ? 'draft.failed' : 'message.triage_failed',
      messageId,
      data: { errorKind: kind },
    });
    await recordEvent(trx, {
      actor: `worker:${stage}`,
      action: 'message.ready',
      messageId,
      data: { flags: [flag] },
    });
    return true;
  });
  deps.logger.error(
    { messageId, stage, errorKind: kind, moved },
    'step failed for good; message flagged ready',
  );
  return moved;
}
