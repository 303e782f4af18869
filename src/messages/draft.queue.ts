/**
 * The draft queue: one job per message, data `{ messageId }`, prioritised by urgency. Triage comes
 * first across the whole backlog (invariant 9): while messages wait for triage, a draft job steps
 * aside for a moment (it is moved back to delayed, which does not count as an attempt), so a burst
 * is sorted by urgency, and its emergencies alerted, before any drafting competes with it.
 */
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Queues } from '../queue';
import { isLastAttempt } from '../queue/workers';
import { DraftCrashError, draftMessage } from './draft-message';
import type { PipelineDeps } from './pipeline-deps';
import { parseMessageJob } from './triage.queue';
import { failToReady, MessageGoneError } from './triage-message';

/** Attempts that wait for a failing portal before drafting without the chart. */
const CHART_ATTEMPTS = 3;
/** How long a draft job steps aside for waiting triage work each time. */
const TRIAGE_FIRST_DELAY_MS = 1000;
/** A draft never waits longer than this for triage (a triage queue nobody works must not starve it). */
const TRIAGE_FIRST_MAX_WAIT_MS = 120_000;

async function triageWaiting(queues: Queues): Promise<boolean> {
  const counts = await queues.triage.getJobCounts('waiting', 'prioritized');
  return counts.waiting + counts.prioritized > 0;
}

export function processDraftJob(deps: PipelineDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const messageId = parseMessageJob(job);
    if (
      token &&
      Date.now() - job.timestamp < TRIAGE_FIRST_MAX_WAIT_MS &&
      (await triageWaiting(deps.queues))
    ) {
      await job.moveToDelayed(Date.now() + TRIAGE_FIRST_DELAY_MS, token);
      throw new DelayedError();
    }
    const last = isLastAttempt(job);
    try {
      return await draftMessage(deps, messageId, {
        retryTransientChart: !last && job.attemptsMade + 1 < CHART_ATTEMPTS,
      });
    } catch (err) {
      if (err instanceof MessageGoneError) throw new UnrecoverableError(err.message);
      if (!last && !(err instanceof DraftCrashError)) throw err;
      await failToReady(deps, messageId, 'draft', err);
      return 'failed_to_ready';
    }
  };
}
