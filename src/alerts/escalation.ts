/**
 * Escalation levels, as the `level` of escalate jobs (job id `escalate-<message>-<level>`):
 * 0 syncs a finished message (sent / closed) into the Slack message; 1…limit remind while nobody
 * has acknowledged (1 in the thread, later ones also in the escalation channel), each waiting twice
 * as long as the one before; OWNER_REMINDER_LEVEL reminds whoever acknowledged when no reply followed;
 * SEND_FAILED_LEVEL + round says in the thread that the reply could not be sent.
 */
import type { Queues } from '../queue';
import { enqueue, jobIdFor } from '../queue';

export const SYNC_LEVEL = 0;
export const ESCALATION_FIRST_LEVEL = 1;
export const OWNER_REMINDER_LEVEL = 100;
/** SEND_FAILED_LEVEL + the send round: the reply to an alerted message failed in that round. */
export const SEND_FAILED_LEVEL = 200;
const MAX_LEVEL = 1000;

/** The escalate job that tells the nurses a reply failed (one per send round; a no-op without an alert). */
export async function enqueueSendFailedNotice(
  queues: Queues,
  messageId: string,
  round: number,
): Promise<void> {
  await enqueue(queues, 'escalate', { messageId, level: Math.min(SEND_FAILED_LEVEL + round, MAX_LEVEL) });
}

/** Wait before reminder `level + 1`, given the first delay: base, 2×base, 4×base… */
export function nextReminderDelayMs(baseMs: number, level: number): number {
  return baseMs * 2 ** Math.min(level, 10);
}

/** Removes reminders still waiting (acknowledged, sent or closed); a reminder already running no-ops. */
export async function cancelReminders(queues: Queues, messageId: string, limit: number): Promise<number> {
  let removed = 0;
  for (let level = ESCALATION_FIRST_LEVEL; level <= limit; level++) {
    const job = await queues.escalate.getJob(jobIdFor('escalate', { messageId, level }));
    if (job && (await job.isDelayed())) {
      await job.remove().catch(() => undefined);
      removed += 1;
    }
  }
  return removed;
}

/**
 * Tells the alerts feature that a message was replied to or closed, so its Slack message is updated
 * in place. Safe to call for any message (no alert: a no-op) and more than once.
 */
export async function enqueueAlertSync(queues: Queues, messageId: string): Promise<void> {
  await enqueue(queues, 'escalate', { messageId, level: SYNC_LEVEL });
}
