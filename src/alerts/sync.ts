/** Keeps the Slack message in step with the inbox: updated in place, with a line in its thread. */
import { loadClinicSettings } from '../clinic';
import { recordEvent } from '../audit';
import type { Alert, Db, Message } from '../db';
import { alertMessage, outcomeText } from './blocks';
import { findMessage } from '../messages/repository';
import { findAlert, markResolved } from './repository';
import type { SlackClient } from './slack';
import { viewOf } from './view';

export interface SyncDeps {
  db: Db;
  slack?: SlackClient;
  settings: { appBaseUrl: string };
  timeZone: string;
}

/** chat.update with the alert's current state; a no-op for an alert never posted. */
export async function updateInPlace(deps: SyncDeps, messageId: string): Promise<boolean> {
  const [message, alert] = await Promise.all([
    findMessage(deps.db, messageId),
    findAlert(deps.db, messageId),
  ]);
  if (!message || !alert?.slack_ts || !deps.slack) return false;
  await deps.slack.chat.update({
    channel: alert.channel,
    ts: alert.slack_ts,
    ...alertMessage(
      viewOf(
        {
          appBaseUrl: deps.settings.appBaseUrl,
          timeZone: deps.timeZone,
          clinic: await loadClinicSettings(deps.db, deps.timeZone),
        },
        message,
        alert,
      ),
    ),
  });
  return true;
}

/** The message was replied to or closed: resolve the alert once, then show it in Slack. */
export async function syncOutcome(deps: SyncDeps, message: Message, alert: Alert): Promise<boolean> {
  const outcome = message.status === 'sent' ? 'sent' : message.status === 'closed' ? 'closed' : undefined;
  if (!outcome || !alert.slack_ts || !deps.slack) return false;
  const first = await deps.db.transaction().execute(async (trx) => {
    if (!(await markResolved(trx, message.id, outcome))) return false;
    await recordEvent(trx, {
      actor: 'worker:escalate',
      action: 'alert.resolved',
      messageId: message.id,
      data: { outcome },
    });
    return true;
  });
  // Updated even on a retry (the Slack call may be what failed last time); the thread line once.
  await updateInPlace(deps, message.id);
  if (first || alert.outcome === null) {
    await deps.slack.chat.postMessage({
      channel: alert.channel,
      thread_ts: alert.slack_ts,
      text: outcomeText(outcome),
    });
  }
  return first;
}
