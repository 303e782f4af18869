/**
 * The escalate queue: delayed jobs `{ messageId, level }` (see ./escalation for the levels). Each
 * checks the state when it fires, so a reminder no longer needed (acknowledged, sent, closed) is a
 * no-op even if cancelling it raced with its start.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Alert } from '../db';
import { enqueue } from '../queue';
import { escalationText, ownerReminderText, reminderText, sendFailedText } from './blocks';
import { rethrowForRetry, type AlertDeps } from './deps';
import { nextReminderDelayMs, OWNER_REMINDER_LEVEL, SEND_FAILED_LEVEL, SYNC_LEVEL } from './escalation';
import { slackUserForOwner } from './people';
import { findMessage } from '../messages/repository';
import { findAlert, markOwnerReminded, setEscalationLevel } from './repository';
import { escalateAfterMs } from './settings';
import { syncOutcome } from './sync';
import { alertLevelOf, inboxUrl } from './view';

const ACTOR = 'worker:escalate';
const EscalateJobData = z.object({ messageId: z.uuid(), level: z.number().int().min(0).max(1000) });

export function processEscalateJob(deps: AlertDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const parsed = EscalateJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id}: data is not { messageId, level }`);
    const { messageId, level } = parsed.data;
    try {
      return await escalate(deps, messageId, level);
    } catch (err) {
      if ((err as { code?: unknown })?.code && String((err as { code: unknown }).code).startsWith('slack_')) {
        return rethrowForRetry(job, token, err);
      }
      throw err;
    }
  };
}

async function escalate(deps: AlertDeps, messageId: string, level: number): Promise<string> {
  const [message, alert] = await Promise.all([
    findMessage(deps.db, messageId),
    findAlert(deps.db, messageId),
  ]);
  if (!message || !alert?.slack_ts || !deps.slack || !deps.settings.slack) return 'not_posted';
  if (message.status === 'sent' || message.status === 'closed') {
    return (await syncOutcome(deps, message, alert)) ? 'resolved' : 'already_resolved';
  }
  if (level === SYNC_LEVEL || alert.resolved_at) return 'nothing_to_do';
  if (level === OWNER_REMINDER_LEVEL) return remindOwner(deps, alert);
  if (level > SEND_FAILED_LEVEL) {
    return message.status === 'send_failed' ? noticeSendFailed(deps, alert) : 'nothing_to_do';
  }
  if (alert.acked_at) return 'acknowledged';
  if (alert.escalation_level >= level) return 'already_done';

  const s = deps.settings.slack;
  await deps.slack.chat.postMessage({
    channel: alert.channel,
    thread_ts: alert.slack_ts,
    text: reminderText(level, s.onCallGroup),
  });
  if (level > 1) {
    await deps.slack.chat.postMessage({
      channel: s.escalationChannel ?? alert.channel,
      text: escalationText(level, alert.slack_ts, s.onCallGroup),
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    if (await setEscalationLevel(trx, messageId, level)) {
      await recordEvent(trx, { actor: ACTOR, action: 'alert.escalated', messageId, data: { level } });
    }
  });
  if (level < deps.settings.escalationLimit) {
    const base = await escalateAfterMs(deps.db, deps.settings, alertLevelOf(message) ?? 'urgent');
    await enqueue(
      deps.queues,
      'escalate',
      { messageId, level: level + 1 },
      { delayMs: nextReminderDelayMs(base, level) },
    );
  }
  return `escalated_${level}`;
}

async function noticeSendFailed(deps: AlertDeps, alert: Alert): Promise<string> {
  const reply = await deps.db
    .selectFrom('replies')
    .select(['last_error', 'send_round'])
    .where('message_id', '=', alert.message_id)
    .executeTakeFirst();
  await deps.slack!.chat.postMessage({
    channel: alert.channel,
    thread_ts: alert.slack_ts!,
    reply_broadcast: true,
    text: sendFailedText(
      reply?.last_error ?? null,
      inboxUrl(deps.settings.appBaseUrl, alert.message_id),
      deps.settings.slack?.onCallGroup,
    ),
  });
  await recordEvent(deps.db, {
    actor: ACTOR,
    action: 'alert.send_failed_noticed',
    messageId: alert.message_id,
    data: { round: reply?.send_round ?? null, errorKind: reply?.last_error ?? null },
  });
  return 'send_failed_noticed';
}

async function remindOwner(deps: AlertDeps, alert: Alert): Promise<string> {
  if (!alert.acked_at || alert.owner_reminded_at) return 'nothing_to_do';
  const owner = await slackUserForOwner(deps.db, deps.slack!, alert);
  await deps.slack!.chat.postMessage({
    channel: alert.channel,
    thread_ts: alert.slack_ts!,
    text: ownerReminderText(owner),
  });
  await deps.db.transaction().execute(async (trx) => {
    if (await markOwnerReminded(trx, alert.message_id)) {
      await recordEvent(trx, {
        actor: ACTOR,
        action: 'alert.owner_reminded',
        messageId: alert.message_id,
        data: { slackUser: owner ?? null },
      });
    }
  });
  return 'owner_reminded';
}
