/**
 * The poll queue: a repeatable job (a BullMQ job scheduler) every POLL_INTERVAL_MS. A failed poll
 * is not retried by BullMQ: the next tick is the retry, so a struggling portal is asked at most once
 * per interval. Health is written either way. The schedule lives in Redis, which can forget it (a
 * flush, a restart without data): every worker re-asserts it on a timer and after reconnecting (see
 * the pipeline runtime), so intake resumes by itself.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Queues } from '../queue';
import { emptyPollStats, pollPortal, type PollerDeps, type PollStats } from './poller';
import { portalErrorKind, recordPollFailure, recordPollSuccess } from './poller-health';

export const POLL_SCHEDULER_ID = 'portal-poll';
const PollJobData = z.object({ cursor: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/) });

export type PollJobDeps = PollerDeps;

export function processPollJob(deps: PollJobDeps) {
  return async (job: Job): Promise<PollStats> => {
    const parsed = PollJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id}: data is not { cursor }`);
    const stats = emptyPollStats();
    try {
      await pollPortal(deps, parsed.data.cursor, stats);
      await recordPollSuccess(deps.db, stats);
      // Most ticks find nothing; say so only at debug level.
      deps.logger[stats.ingested + stats.unreadable > 0 ? 'info' : 'debug']({ ...stats }, 'poll done');
      return stats;
    } catch (err) {
      const kind = portalErrorKind(err);
      deps.logger.warn({ errorKind: kind, ...stats }, 'poll failed; the next tick tries again');
      await recordPollFailure(deps.db, kind, stats).catch((healthErr: unknown) =>
        deps.logger.error({ errorKind: portalErrorKind(healthErr) }, 'could not record poller health'),
      );
      throw err;
    }
  };
}

/** Installs (or updates) the repeatable poll; safe to call from every worker, as often as wanted. */
export async function schedulePolling(queues: Queues, everyMs: number, cursor: string): Promise<void> {
  await queues.poll.upsertJobScheduler(
    POLL_SCHEDULER_ID,
    { every: everyMs },
    {
      name: 'poll',
      data: { cursor },
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
}
