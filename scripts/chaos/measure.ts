/**
 * What a scenario is judged on, read from the database, the portal and the fake Slack — never from
 * the workers' own account of themselves.
 *  - lost: posted but never taken in; taken in but left `new`/`triaged`/`sending`; alertable but
 *    never alerted; a reply recorded as sent that is not on the portal; a reply left `send_failed`.
 *  - duplicated: two rows for one portal id; a reply on the portal more than once; more than one
 *    top-level Slack alert for one message.
 *  - resume: the first message posted after the fault ended → its ingestion, from the fault's end.
 *  - emergent time-to-alert: alerts.posted_at − messages.ingested_at.
 */
import { ALERT_METADATA_TYPE } from '../../src/alerts/alert.queue';
import type { Stage } from './stage';
import { quantile } from './wait';

export interface Measurement {
  posted: number;
  states: Record<string, number>;
  lost: number;
  lostDetail: Record<string, number>;
  duplicated: number;
  duplicatedDetail: Record<string, number>;
  resumeMs?: number;
  emergent: number;
  emergentP50?: number;
  emergentP95?: number;
  /** Emergent messages whose alert was posted, with their time-to-alert in ms. */
  emergentTimes: number[];
  /** The same alerts timed from the patient's post to the portal (intake lag included). */
  postToAlertP50?: number;
  postToAlertP95?: number;
  /** From the patient's post to the message being ready for a person (first message.ready event). */
  postToReadyP50?: number;
  postToReadyMax?: number;
  /** Worker processes that died by themselves during the scenario (filled in by the runner). */
  workerCrashes?: number;
}

interface Row {
  id: string;
  portal_id: string;
  status: string;
  urgency: string | null;
  ingested_at: Date;
  alert_state: string | null;
  alert_posted_at: Date | null;
}

async function rows(stage: Stage): Promise<Row[]> {
  return stage.db
    .selectFrom('messages')
    .leftJoin('alerts', 'alerts.message_id', 'messages.id')
    .select([
      'messages.id',
      'messages.portal_id',
      'messages.status',
      'messages.urgency',
      'messages.ingested_at',
      'alerts.state as alert_state',
      'alerts.posted_at as alert_posted_at',
    ])
    .execute();
}

const OPEN = new Set(['new', 'triaged', 'sending']);
const alertable = (r: Row) => (r.urgency === 'emergent' || r.urgency === 'urgent') && r.status !== 'closed';

/** What keeps the scenario from being finished; empty when everything reached its end state. */
export async function outstanding(
  stage: Stage,
  options: { allowSendFailed?: boolean } = {},
): Promise<Record<string, number>> {
  const all = await rows(stage);
  const byPortal = new Set(all.map((r) => r.portal_id));
  const out: Record<string, number> = {
    not_ingested: stage.traffic.posted.filter((p) => !byPortal.has(p.portalId)).length,
    stuck_in_pipeline: all.filter((r) => OPEN.has(r.status)).length,
    never_alerted: all.filter((r) => alertable(r) && r.alert_state !== 'posted').length,
    send_failed: options.allowSendFailed ? 0 : all.filter((r) => r.status === 'send_failed').length,
  };
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n > 0));
}

/** Top-level alert posts in the fake Slack, per message id. */
function alertPostsPerMessage(stage: Stage): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of stage.slack.messages) {
    const meta = m.metadata as { event_type?: string; event_payload?: { message_id?: string } } | undefined;
    if (m.thread_ts || meta?.event_type !== ALERT_METADATA_TYPE) continue;
    const id = meta.event_payload?.message_id ?? '?';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export async function measure(stage: Stage, faultEndedAt: number): Promise<Measurement> {
  const all = await rows(stage);
  const states: Record<string, number> = {};
  for (const r of all) states[r.status] = (states[r.status] ?? 0) + 1;

  const lostDetail = await outstanding(stage);
  const sentReplies = await stage.db
    .selectFrom('replies')
    .select(['id', 'sent_at'])
    .where('sent_at', 'is not', null)
    .execute();
  let replyDuplicates = 0;
  let repliesMissing = 0;
  for (const reply of sentReplies) {
    const copies = await stage.sandbox.replyCopies(reply.id);
    if (copies > 1) replyDuplicates += 1;
    if (copies === 0) repliesMissing += 1;
  }
  if (repliesMissing > 0) lostDetail.reply_not_on_portal = repliesMissing;

  const perPortal = new Map<string, number>();
  for (const r of all) perPortal.set(r.portal_id, (perPortal.get(r.portal_id) ?? 0) + 1);
  const duplicatedDetail: Record<string, number> = {
    portal_id_rows: [...perPortal.values()].filter((n) => n > 1).length,
    portal_replies: replyDuplicates,
    slack_alerts: [...alertPostsPerMessage(stage).values()].filter((n) => n > 1).length,
  };

  const ingestedAt = new Map(all.map((r) => [r.portal_id, r.ingested_at.getTime()]));
  const resumes = stage.traffic.posted
    .filter((p) => p.postedAt >= faultEndedAt && ingestedAt.has(p.portalId))
    .map((p) => ingestedAt.get(p.portalId)! - faultEndedAt);
  const emergentRows = all.filter((r) => r.urgency === 'emergent');
  const emergentTimes = emergentRows
    .filter((r) => r.alert_posted_at)
    .map((r) => r.alert_posted_at!.getTime() - r.ingested_at.getTime());
  const postedAt = new Map(stage.traffic.posted.map((p) => [p.portalId, p.postedAt]));
  const postToAlert = emergentRows
    .filter((r) => r.alert_posted_at && postedAt.has(r.portal_id))
    .map((r) => r.alert_posted_at!.getTime() - postedAt.get(r.portal_id)!);

  const readyEvents = await stage.db
    .selectFrom('events')
    .innerJoin('messages', 'messages.id', 'events.message_id')
    .select(['messages.portal_id', (eb) => eb.fn.min('events.at').as('at')])
    .where('events.action', '=', 'message.ready')
    .groupBy('messages.portal_id')
    .execute();
  const postToReady = readyEvents
    .filter((e) => postedAt.has(e.portal_id))
    .map((e) => new Date(e.at as unknown as string).getTime() - postedAt.get(e.portal_id)!);

  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    posted: stage.traffic.posted.length,
    states,
    lost: sum(lostDetail),
    lostDetail,
    duplicated: sum(duplicatedDetail),
    duplicatedDetail: Object.fromEntries(Object.entries(duplicatedDetail).filter(([, n]) => n > 0)),
    resumeMs: resumes.length > 0 ? Math.min(...resumes) : undefined,
    emergent: emergentRows.length,
    emergentP50: quantile(emergentTimes, 0.5),
    emergentP95: quantile(emergentTimes, 0.95),
    emergentTimes,
    postToAlertP50: quantile(postToAlert, 0.5),
    postToAlertP95: quantile(postToAlert, 0.95),
    postToReadyP50: quantile(postToReady, 0.5),
    postToReadyMax: quantile(postToReady, 1),
  };
}
