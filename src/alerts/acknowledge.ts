/**
 * Use cases behind the Slack buttons: acknowledge (assigns the message, audit event with who,
 * cancels the reminders, schedules the owner reminder, updates the Slack message in place) and
 * escalate now (the next reminder, at once).
 */
import type { Logger } from 'pino';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { enqueue, jobIdFor, queueAfterCommit, type Queues } from '../queue';
import { ackText } from './blocks';
import { cancelReminders, OWNER_REMINDER_LEVEL } from './escalation';
import { inboxUserFor } from './people';
import { assignIfUnowned, findAlert, markAcked } from './repository';
import type { AlertSettings } from './settings';
import type { SlackClient } from './slack';
import { updateInPlace } from './sync';

export interface ButtonDeps {
  db: Db;
  queues: Queues;
  settings: AlertSettings;
  timeZone: string;
  slack: SlackClient;
  logger: Logger;
}

export type AckOutcome = 'acknowledged' | 'already_acknowledged' | 'no_alert';

export async function acknowledgeAlert(
  deps: ButtonDeps,
  messageId: string,
  slackUser: string,
): Promise<AckOutcome> {
  const alert = await findAlert(deps.db, messageId);
  if (!alert) return 'no_alert';
  const userId = await inboxUserFor(deps.db, deps.slack, slackUser);
  const first = await deps.db.transaction().execute(async (trx) => {
    if (!(await markAcked(trx, messageId, { userId: userId ?? null, slackUser }))) return false;
    const assigned = userId ? await assignIfUnowned(trx, messageId, userId) : false;
    await recordEvent(trx, {
      actor: userId ? `user:${userId}` : `slack:${slackUser}`,
      action: 'alert.acknowledged',
      messageId,
      data: { slackUser, userId: userId ?? null, assigned, via: 'slack' },
    });
    return true;
  });
  if (!first) return 'already_acknowledged';
  // The acknowledgement is committed. With Redis down the reminders cannot be cancelled (each finds
  // the alert acknowledged and does nothing) nor the owner reminder scheduled: logged, not an error.
  await queueAfterCommit(
    async () => {
      await cancelReminders(deps.queues, messageId, deps.settings.escalationLimit);
      await enqueue(
        deps.queues,
        'escalate',
        { messageId, level: OWNER_REMINDER_LEVEL },
        { delayMs: deps.settings.ownerReminderMs },
      );
    },
    (err) =>
      deps.logger.warn(
        { messageId, errorKind: (err as Error)?.name },
        'acknowledged; owner reminder not scheduled (redis unavailable)',
      ),
  );
  try {
    await updateInPlace(deps, messageId);
    if (alert.slack_ts) {
      await deps.slack.chat.postMessage({
        channel: alert.channel,
        thread_ts: alert.slack_ts,
        text: ackText(slackUser),
      });
    }
  } catch (err) {
    // The acknowledgement is committed and shows in the inbox; the next sync redraws the message.
    deps.logger.warn(
      { messageId, errorKind: (err as Error)?.name },
      'slack update after acknowledgement failed',
    );
  }
  return 'acknowledged';
}

/** Runs the next reminder now: promotes it when it is waiting, else enqueues it without delay. */
export async function escalateNow(deps: ButtonDeps, messageId: string, slackUser: string): Promise<string> {
  const alert = await findAlert(deps.db, messageId);
  if (!alert?.slack_ts || alert.acked_at || alert.resolved_at) return 'nothing_to_escalate';
  const level = Math.min(alert.escalation_level + 1, deps.settings.escalationLimit);
  if (alert.escalation_level >= deps.settings.escalationLimit) return 'limit_reached';
  const job = await deps.queues.escalate.getJob(jobIdFor('escalate', { messageId, level }));
  if (job && (await job.isDelayed())) await job.promote();
  else await enqueue(deps.queues, 'escalate', { messageId, level });
  await recordEvent(deps.db, {
    actor: `slack:${slackUser}`,
    action: 'alert.escalation_requested',
    messageId,
    data: { level },
  });
  return 'escalating';
}
