/**
 * Heals every gap between a database commit and the enqueue that should follow it (a crash, a Redis
 * blip): each message sitting in a pipeline status gets its next job enqueued again. Job ids are
 * deterministic, so for work already queued this is a no-op. Runs after every poll.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db';
import { enqueue, jobIdFor, type Queues } from '../queue';
import { messageIdsInStatus } from './repository';
import { failToReady } from './triage-message';

export interface ReconcileDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
}

export interface ReconcileStats {
  triage: number;
  draft: number;
  send: number;
  alert: number;
  /** Messages whose job had already failed for good without flagging them (e.g. stalled too often). */
  rescued: number;
}

const BATCH = 500;
/** Alerts matter for fresh messages; older ones without an alert row were handled by a person. */
const ALERT_WINDOW = '24 hours';

export async function reconcilePipeline(deps: ReconcileDeps): Promise<ReconcileStats> {
  const stats: ReconcileStats = { triage: 0, draft: 0, send: 0, alert: 0, rescued: 0 };
  for (const [status, queue] of [
    ['new', 'triage'],
    ['triaged', 'draft'],
  ] as const) {
    for (const messageId of await messageIdsInStatus(deps.db, status, BATCH)) {
      const job = await deps.queues[queue].getJob(jobIdFor(queue, { messageId }));
      if (job && (await job.isFailed())) {
        if (await failToReady(deps, messageId, queue, new Error('job failed without finishing'))) {
          stats.rescued += 1;
        }
        continue;
      }
      await enqueue(deps.queues, queue, { messageId });
      stats[queue] += 1;
    }
  }

  const unsent = await deps.db
    .selectFrom('replies')
    .innerJoin('messages', 'messages.id', 'replies.message_id')
    .select('replies.id')
    .where('replies.sent_at', 'is', null)
    .where('messages.status', '=', 'sending')
    .limit(BATCH)
    .execute();
  for (const r of unsent) {
    await enqueue(deps.queues, 'send', { replyId: r.id });
    stats.send += 1;
  }

  const unalerted = await deps.db
    .selectFrom('messages')
    .leftJoin('alerts', 'alerts.message_id', 'messages.id')
    .select('messages.id')
    .where('messages.urgency', 'in', ['emergent', 'urgent'])
    .where('alerts.message_id', 'is', null)
    .where('messages.ingested_at', '>', sql<Date>`now() - ${ALERT_WINDOW}::interval`)
    .limit(BATCH)
    .execute();
  for (const m of unalerted) {
    await enqueue(deps.queues, 'alert', { messageId: m.id });
    stats.alert += 1;
  }
  return stats;
}
