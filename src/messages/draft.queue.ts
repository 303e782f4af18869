/** The draft queue: one job per message, data `{ messageId }`. */
import { UnrecoverableError, type Job } from 'bullmq';
import { isLastAttempt } from '../queue/workers';
import { DraftCrashError, draftMessage } from './draft-message';
import type { PipelineDeps } from './pipeline-deps';
import { parseMessageJob } from './triage.queue';
import { failToReady, MessageGoneError } from './triage-message';

/** Attempts that wait for a failing portal before drafting without the chart. */
const CHART_ATTEMPTS = 3;

export function processDraftJob(deps: PipelineDeps) {
  return async (job: Job): Promise<string> => {
    const messageId = parseMessageJob(job);
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
