/** The triage queue: one job per message, data `{ messageId }`. */
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { enqueue, jobPriority } from '../queue';
import { isLastAttempt } from '../queue/workers';
import type { PipelineDeps } from './pipeline-deps';
import { failToReady, MessageGoneError, TriageCrashError, triageMessage } from './triage-message';

export const MessageJobData = z.object({ messageId: z.uuid() });

export function parseMessageJob(job: Job): string {
  const parsed = MessageJobData.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`job ${job.id}: data is not { messageId }`);
  return parsed.data.messageId;
}

export function processTriageJob(deps: PipelineDeps) {
  return async (job: Job): Promise<string> => {
    const messageId = parseMessageJob(job);
    try {
      return await triageMessage(deps, messageId);
    } catch (err) {
      if (err instanceof MessageGoneError) throw new UnrecoverableError(err.message);
      if (!isLastAttempt(job) && !(err instanceof TriageCrashError)) throw err;
      // Completing the job here (rather than failing it) means the flagged message is committed
      // before BullMQ forgets the job.
      // Failing safe means urgent, and urgent means a nurse is alerted.
      if (await failToReady(deps, messageId, 'triage', err))
        await enqueue(deps.queues, 'alert', { messageId }, { priority: jobPriority('urgent') });
      return 'failed_to_ready';
    }
  };
}
