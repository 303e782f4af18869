/**
 * Nothing durable lives only in Redis (invariant 9): the reconciler re-drives every stuck state from
 * PostgreSQL, whatever Redis remembers. It runs on its own timer in every worker (one at a time,
 * under an advisory lock), so it keeps healing while the portal is down or the poll schedule is lost.
 *  - messages `new` / `triaged`: their triage / draft job, with the same priority the normal path
 *    gives; a job that failed for good sends the message to `ready`, flagged (never limbo);
 *  - replies `sending`: their send job in the reply's current round; a job that failed for good
 *    without recording it marks the message `send_failed` for a person;
 *  - alerts of open emergent/urgent messages with no row, or left `pending`/`posting`/`failed`: a
 *    new alert job when none is in flight (the post itself looks for an earlier post first).
 * Job ids are deterministic, so work already queued is left alone, and a completed or failed job's
 * id never blocks a re-drive. No send happens twice: the portal write is a conditional create.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db';
import { enqueue, jobPriority, redrive, removeFailedJob, type Queues } from '../queue';
import { recordSendFailure, type SendFailure } from './send-failure';
import { provisionalTriagePriority } from './triage-priority';
import { failToReady } from './triage-message';

export interface ReconcileDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  /** Told when a send is found failed for good (the nurses hear of an urgent one). */
  onSendFailed?: (failure: SendFailure) => Promise<void>;
}

export interface ReconcileStats {
  triage: number;
  draft: number;
  send: number;
  alert: number;
  /** Messages whose job had already failed for good without flagging them (e.g. stalled too often). */
  rescued: number;
  /** Sends whose job failed for good without the failure being recorded. */
  sendFailed: number;
}

/** A burst can leave thousands `new`: read them all in one run, cheapest first. */
const BATCH_NEW = 5000;
const BATCH = 500;
/** Alerts matter for fresh messages; older ones without an alert row were handled by a person. */
const ALERT_WINDOW = '24 hours';
/** Arbitrary constant naming the lock that keeps reconcilers of several workers from overlapping. */
const RECONCILE_LOCK_KEY = 0x5245434f4e; // "RECON"

export function emptyReconcileStats(): ReconcileStats {
  return { triage: 0, draft: 0, send: 0, alert: 0, rescued: 0, sendFailed: 0 };
}

/** One pass, unless another worker's pass is running (then null: nothing to add to it). */
export async function reconcileOnce(deps: ReconcileDeps): Promise<ReconcileStats | null> {
  return deps.db.transaction().execute(async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${RECONCILE_LOCK_KEY}) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return null;
    return reconcilePipeline(deps);
  });
}

export async function reconcilePipeline(deps: ReconcileDeps): Promise<ReconcileStats> {
  const stats = emptyReconcileStats();
  await redriveUntriaged(deps, stats);
  await redriveUndrafted(deps, stats);
  await redriveSends(deps, stats);
  await redriveAlerts(deps, stats);
  return stats;
}

async function redriveUntriaged(deps: ReconcileDeps, stats: ReconcileStats): Promise<void> {
  const rows = await deps.db
    .selectFrom('messages')
    // A priority needs the words, not a megabyte: the head and tail of a very long message do.
    .select([
      'id',
      sql<string>`case when length(body) <= 20000 then body else left(body, 10000) || ' ' || right(body, 10000) end`.as(
        'body',
      ),
    ])
    .where('status', '=', 'new')
    .orderBy('received_at')
    .limit(BATCH_NEW)
    .execute();
  for (const m of rows) {
    const data = { messageId: m.id };
    const outcome = await redrive(deps.queues, 'triage', data, {
      priority: provisionalTriagePriority(m.body),
    });
    if (outcome === 'failed') {
      if (await failToReady(deps, m.id, 'triage', new Error('job failed without finishing'))) {
        stats.rescued += 1;
        // Failing safe means urgent, and urgent means a nurse is alerted.
        await enqueue(deps.queues, 'alert', data, { priority: jobPriority('urgent') });
      }
    } else if (outcome !== 'in_flight') stats.triage += 1;
  }
}

async function redriveUndrafted(deps: ReconcileDeps, stats: ReconcileStats): Promise<void> {
  const rows = await deps.db
    .selectFrom('messages')
    .select(['id', 'urgency'])
    .where('status', '=', 'triaged')
    .orderBy('urgency_rank')
    .orderBy('received_at')
    .limit(BATCH_NEW)
    .execute();
  for (const m of rows) {
    const outcome = await redrive(
      deps.queues,
      'draft',
      { messageId: m.id },
      { priority: jobPriority(m.urgency) },
    );
    if (outcome === 'failed') {
      if (await failToReady(deps, m.id, 'draft', new Error('job failed without finishing')))
        stats.rescued += 1;
    } else if (outcome !== 'in_flight') stats.draft += 1;
  }
}

async function redriveSends(deps: ReconcileDeps, stats: ReconcileStats): Promise<void> {
  const unsent = await deps.db
    .selectFrom('replies')
    .innerJoin('messages', 'messages.id', 'replies.message_id')
    .select(['replies.id', 'replies.send_round'])
    .where('replies.sent_at', 'is', null)
    .where('messages.status', '=', 'sending')
    .limit(BATCH)
    .execute();
  for (const r of unsent) {
    const outcome = await redrive(deps.queues, 'send', { replyId: r.id, round: r.send_round });
    if (outcome === 'failed') {
      // The processor records a final failure itself; this one ended without (a crash, a stall).
      const failure = await recordSendFailure(deps, r.id, 'job_failed');
      if (failure) {
        stats.sendFailed += 1;
        await deps.onSendFailed?.(failure);
      }
    } else if (outcome !== 'in_flight') stats.send += 1;
  }
}

async function redriveAlerts(deps: ReconcileDeps, stats: ReconcileStats): Promise<void> {
  const due = await deps.db
    .selectFrom('messages')
    .leftJoin('alerts', 'alerts.message_id', 'messages.id')
    .select(['messages.id', 'messages.urgency'])
    .where('messages.urgency', 'in', ['emergent', 'urgent'])
    .where('messages.status', 'not in', ['sent', 'closed'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('alerts.message_id', 'is', null),
          eb('messages.ingested_at', '>', sql<Date>`now() - ${ALERT_WINDOW}::interval`),
        ]),
        eb.and([
          eb('alerts.state', 'in', ['pending', 'posting', 'failed']),
          eb('alerts.slack_ts', 'is', null),
          eb('alerts.resolved_at', 'is', null),
        ]),
      ]),
    )
    .orderBy('messages.urgency_rank')
    .orderBy('messages.ingested_at')
    .limit(BATCH)
    .execute();
  for (const m of due) {
    const data = { messageId: m.id };
    const options = { priority: jobPriority(m.urgency) };
    let outcome = await redrive(deps.queues, 'alert', data, options);
    if (outcome === 'failed') {
      // Its retries ran out (Slack down for an hour): a fresh job starts a new round of them.
      await removeFailedJob(deps.queues, 'alert', data);
      await enqueue(deps.queues, 'alert', data, options);
      outcome = 'requeued';
    }
    if (outcome !== 'in_flight') stats.alert += 1;
  }
}
