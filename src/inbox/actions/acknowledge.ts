/**
 * Acknowledging an urgent alert from the inbox, as the Slack button does: the first acknowledgement
 * owns the alert (and the message, if nobody holds it), the reminders stop, the owner reminder is
 * scheduled, and the Slack message is redrawn in place when Slack is configured.
 */
import type { Logger } from 'pino';
import { recordEvent } from '../../audit';
import { cancelReminders, OWNER_REMINDER_LEVEL } from '../../alerts/escalation';
import { assignIfUnowned, findAlert } from '../../alerts/repository';
import type { AlertSettings } from '../../alerts/settings';
import { createSlackClient } from '../../alerts/slack';
import { updateInPlace } from '../../alerts/sync';
import type { Db } from '../../db';
import { MessageNotFoundError } from '../../messages/errors';
import { enqueue, queueAfterCommit, type Queues } from '../../queue';
import { actorOf, type Actor } from './context';
import { ActionConflictError } from './errors';
import { ackAlertFromInbox } from './repository';

export interface AcknowledgeDeps {
  db: Db;
  queues: Queues;
  settings: AlertSettings;
  timeZone: string;
  logger: Logger;
}

export async function acknowledgeFromInbox(
  deps: AcknowledgeDeps,
  messageId: string,
  user: Actor,
): Promise<'acknowledged' | 'already_acknowledged'> {
  const message = await deps.db
    .selectFrom('messages')
    .select('id')
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw new MessageNotFoundError(messageId);
  const alert = await findAlert(deps.db, messageId);
  if (!alert) throw new ActionConflictError('no_alert', 'This message has no urgent alert to acknowledge.');
  // The Slack user mapped to this person, so the Slack message names them rather than "a nurse".
  const slackUser = await deps.db
    .selectFrom('slack_users')
    .select('slack_user_id')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const first = await deps.db.transaction().execute(async (trx) => {
    if (!(await ackAlertFromInbox(trx, messageId, user.id, slackUser?.slack_user_id ?? null))) return false;
    const assigned = await assignIfUnowned(trx, messageId, user.id);
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'alert.acknowledged',
      messageId,
      data: { slackUser: null, userId: user.id, assigned, via: 'inbox' },
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
  if (deps.settings.slack && alert.slack_ts) {
    try {
      await updateInPlace(
        {
          db: deps.db,
          slack: createSlackClient(deps.settings.slack, 5000),
          settings: deps.settings,
          timeZone: deps.timeZone,
        },
        messageId,
      );
    } catch (err) {
      // Committed and shown in the inbox; the next Slack sync redraws the message.
      deps.logger.warn(
        { messageId, errorKind: (err as Error)?.name },
        'slack update after inbox acknowledgement failed',
      );
    }
  }
  return 'acknowledged';
}
