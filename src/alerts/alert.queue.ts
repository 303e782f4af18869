/**
 * The alert queue: one job per emergent or urgent message, data `{ messageId }`, enqueued right after
 * triage (and by reconciliation for any such message without an alerts row).
 *
 * Exactly once: the alerts row (keyed by message id) is created first; a post happens only while it
 * has no slack_ts. Before calling Slack the row is marked `posting` with posting_started_at
 * (committed). Any later attempt — after a crash, a timeout or a lost answer, when Slack may have
 * posted after all — first looks for our message in the channel's recent history (each alert carries
 * its message id as Slack message metadata) and adopts it instead of posting again. Trade-off: when
 * that lookup is refused for good (missing channels:history scope, not in channel), we post again —
 * a possible duplicate is better than a missed emergency.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { recordEvent } from '../audit';
import { loadClinicSettings } from '../clinic';
import type { Alert, Message } from '../db';
import { enqueue } from '../queue';
import { parseMessageJob } from '../messages/triage.queue';
import { alertMessage } from './blocks';
import { rethrowForRetry, type AlertDeps } from './deps';
import { ESCALATION_FIRST_LEVEL } from './escalation';
import {
  ensureAlertRow,
  markFailed,
  markNotConfigured,
  markPosted,
  markPosting,
  markResolved,
} from './repository';
import { escalateAfterMs } from './settings';
import { describeSlackError } from './slack';
import { alertLevelOf, readPatientBrief, viewOf } from './view';

const ACTOR = 'worker:alert';
export const ALERT_METADATA_TYPE = 'inbox_alert';

export function processAlertJob(deps: AlertDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const messageId = parseMessageJob(job);
    return postAlert(deps, messageId, { job, token });
  };
}

export async function postAlert(
  deps: AlertDeps,
  messageId: string,
  ctx: { job: Job; token?: string },
): Promise<string> {
  const message = await deps.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw new UnrecoverableError(`message ${messageId} does not exist`);
  const level = alertLevelOf(message);
  if (!level) return 'not_alertable';
  const slack = deps.settings.slack;
  let alert = await ensureAlertRow(deps.db, messageId, slack?.urgentChannel ?? 'not_configured');
  if (alert.slack_ts) return 'already_posted';
  if (message.status === 'sent' || message.status === 'closed') {
    // Handled before the alert went out (e.g. a late retry): nobody needs paging for it.
    await markResolved(deps.db, messageId, message.status);
    return 'already_handled';
  }
  if (!slack || !deps.slack) {
    if (alert.state === 'pending') {
      await deps.db.transaction().execute(async (trx) => {
        await markNotConfigured(trx, messageId);
        await recordEvent(trx, { actor: ACTOR, action: 'alert.not_configured', messageId, data: { level } });
      });
    }
    return 'not_configured';
  }
  if (alert.patient_brief === null) alert = await storeBrief(deps, message, alert);

  // Any earlier attempt (crash, timeout, lost answer) may have reached Slack: look before posting.
  if (alert.posting_started_at) {
    const ts = await findEarlierPost(deps, ctx, alert);
    if (ts) return committed(deps, message, alert.channel, ts, 'recovered');
  }
  await markPosting(deps.db, messageId);
  let ts: string;
  let channel: string;
  try {
    const res = await deps.slack.chat.postMessage({
      channel: alert.channel,
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
      metadata: { event_type: ALERT_METADATA_TYPE, event_payload: { message_id: messageId } },
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!res.ts) throw new Error('chat.postMessage answered without ts');
    ts = res.ts;
    channel = res.channel ?? alert.channel;
  } catch (err) {
    await recordFailure(deps, messageId, alert, err);
    return rethrowForRetry(ctx.job, ctx.token, err);
  }
  return committed(deps, message, channel, ts, 'posted');
}

async function storeBrief(deps: AlertDeps, message: Message, alert: Alert): Promise<Alert> {
  const brief = await readPatientBrief(deps.chart, message.patient_ref, new Date());
  const patient_brief = JSON.stringify(brief);
  await deps.db.updateTable('alerts').set({ patient_brief }).where('message_id', '=', message.id).execute();
  return { ...alert, patient_brief: brief };
}

async function findEarlierPost(deps: AlertDeps, ctx: { job: Job; token?: string }, alert: Alert) {
  const since = alert.posting_started_at!.getTime() - 60_000;
  try {
    const res = await deps.slack!.conversations.history({
      channel: alert.channel,
      oldest: (since / 1000).toFixed(6),
      include_all_metadata: true,
      limit: 200,
    });
    const mine = (res.messages ?? []).find(
      (m) =>
        m.metadata?.event_type === ALERT_METADATA_TYPE &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.message_id === alert.message_id,
    );
    return mine?.ts;
  } catch (err) {
    const failure = describeSlackError(err);
    // Slack is down or busy: posting would fail too, so retry the whole step later.
    if (
      failure.retryAfterSec !== undefined ||
      failure.code.startsWith('http_') ||
      failure.code === 'request_failed'
    ) {
      await recordFailure(deps, alert.message_id, alert, err);
      return rethrowForRetry(ctx.job, ctx.token, err);
    }
    deps.logger.warn(
      { messageId: alert.message_id, slackError: failure.code },
      'alert lookup refused; posting',
    );
    return undefined;
  }
}

async function recordFailure(deps: AlertDeps, messageId: string, alert: Alert, err: unknown): Promise<void> {
  const { code } = describeSlackError(err);
  await deps.db.transaction().execute(async (trx) => {
    await markFailed(trx, messageId, code);
    // One audit event per outage, not per retry: the first failure after a success or the start.
    if (alert.state !== 'failed' || alert.last_error !== code) {
      await recordEvent(trx, { actor: ACTOR, action: 'alert.post_failed', messageId, data: { error: code } });
    }
  });
  deps.logger.warn({ messageId, slackError: code }, 'slack alert post failed; will retry');
}

async function committed(
  deps: AlertDeps,
  message: Message,
  channel: string,
  ts: string,
  outcome: 'posted' | 'recovered',
): Promise<string> {
  const level = alertLevelOf(message)!;
  const first = await deps.db.transaction().execute(async (trx) => {
    if (!(await markPosted(trx, message.id, channel, ts))) return false;
    await recordEvent(trx, {
      actor: ACTOR,
      action: 'alert.posted',
      messageId: message.id,
      data: { level, channel, slackTs: ts, recovered: outcome === 'recovered' },
    });
    return true;
  });
  if (!first) return 'already_posted';
  await enqueue(
    deps.queues,
    'escalate',
    { messageId: message.id, level: ESCALATION_FIRST_LEVEL },
    { delayMs: await escalateAfterMs(deps.db, deps.settings, level) },
  );
  deps.logger.info({ messageId: message.id, level, outcome }, 'slack alert posted');
  return outcome;
}
