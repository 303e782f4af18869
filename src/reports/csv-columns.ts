/**
 * The columns of both CSV exports, each with the sentence README documents it with. Times are
 * ISO-8601 with the offset of the report's zone; intervals are seconds (milliseconds as decimals);
 * an empty cell means "did not happen" or "not applicable", never zero. No message text or subject.
 */
import { INTERVALS, type MessageMeasures } from './measure';
import type { Bucket } from './query';
import { draftUtilization, slaCompliance, type GroupStats, type Stat } from './stats';

type Cell = string | number;
export interface Column<T> {
  name: string;
  doc: string;
  value: (row: T) => Cell;
}

const seconds = (ms: number | null) => (ms === null || Number.isNaN(ms) ? '' : ms / 1000);
const bool = (b: boolean | null) => (b === null ? '' : b ? 'true' : 'false');
const ratio = (r: number | null) => (r === null ? '' : Math.round(r * 10000) / 10000);

export interface MessageRowContext {
  m: MessageMeasures;
  iso: (ms: number | null) => string;
}

const milestone = (
  name: string,
  key: keyof MessageMeasures['row'],
  doc: string,
): Column<MessageRowContext> => ({
  name,
  doc,
  value: ({ m, iso }) => iso(m.row[key] as number | null),
});

export const MESSAGE_COLUMNS: Column<MessageRowContext>[] = [
  { name: 'id', doc: 'Message id (opens at /inbox/messages/<id>)', value: ({ m }) => m.row.id },
  { name: 'portal_id', doc: "The portal's Communication id", value: ({ m }) => m.row.portal_id },
  { name: 'urgency', doc: 'Current urgency; empty when untriaged', value: ({ m }) => m.row.urgency ?? '' },
  { name: 'sla_level', doc: 'Level the SLA is judged at (untriaged = urgent)', value: ({ m }) => m.level },
  { name: 'category', doc: 'Triage category; empty when untriaged', value: ({ m }) => m.row.category ?? '' },
  {
    name: 'language',
    doc: 'Language code of the message; empty when unknown',
    value: ({ m }) => m.row.language ?? '',
  },
  {
    name: 'status',
    doc: 'Current status (new, triaged, ready, sending, sent, closed)',
    value: ({ m }) => m.row.status,
  },
  milestone('received_at', 'received', "Portal time the patient sent it (the portal's own clock)"),
  milestone('ingested_at', 'ingested', 'First `message.ingested` event'),
  milestone('triaged_at', 'triaged', 'First `message.triaged` event'),
  milestone('alerted_at', 'alerted', 'First `alert.posted` event (Slack alert posted)'),
  milestone('acknowledged_at', 'acknowledged', 'First `alert.acknowledged` event'),
  milestone('draft_ready_at', 'draft_ready', 'First `message.ready` event (draft ready)'),
  milestone('first_opened_at', 'first_opened', 'First `message.viewed` event (first opened by a person)'),
  milestone('approved_at', 'approved', 'First `reply.approved` event'),
  milestone('sent_at', 'sent', 'First `reply.sent` event'),
  milestone('closed_at', 'closed', 'First `message.closed` event'),
  { name: 'done_at', doc: 'Sent or closed, whichever came first', value: ({ m, iso }) => iso(m.done) },
  { name: 'close_reason', doc: 'Reason code of the close', value: ({ m }) => m.closeReason ?? '' },
  ...INTERVALS.flatMap((interval, k): Column<MessageRowContext>[] => [
    {
      name: `${interval.name}_wall_s`,
      doc: `${interval.label}: wall-clock seconds`,
      value: ({ m }) => seconds(m.wall[k]),
    },
    {
      name: `${interval.name}_business_s`,
      doc: `${interval.label}: business seconds (clinic calendar)`,
      value: ({ m }) => seconds(m.business[k]),
    },
  ]),
  {
    name: 'sla_due_at',
    doc: 'When the reply or close was due (SLA target)',
    value: ({ m, iso }) => iso(m.slaDue),
  },
  {
    name: 'sla_status',
    doc: 'met (done by sla_due_at), missed (done later, or still open past it at export time), pending',
    value: ({ m }) => m.sla,
  },
  {
    name: 'sla_met',
    doc: 'true / false; empty while pending',
    value: ({ m }) => (m.sla === 'pending' ? '' : bool(m.sla === 'met')),
  },
  {
    name: 'draft_used',
    doc: 'Approved reply started from a draft: true / false; empty when none approved',
    value: ({ m }) => bool(m.draftUsed),
  },
  {
    name: 'edit_distance',
    doc: 'Word edits / max(draft words, sent words, 1), 4 decimals; draft-started replies only',
    value: ({ m }) => ratio(m.editDistance),
  },
  {
    name: 'edit_class',
    doc: 'unchanged (0), light (≤ 0.3), heavy (> 0.3)',
    value: ({ m }) => m.editClass ?? '',
  },
  {
    name: 'regenerations',
    doc: 'Number of `draft.regenerated` events',
    value: ({ m }) => m.row.regenerations,
  },
  { name: 'feedback_useful', doc: 'Draft feedback marked useful', value: ({ m }) => m.row.feedback_useful },
  {
    name: 'feedback_not_useful',
    doc: 'Draft feedback marked not useful',
    value: ({ m }) => m.row.feedback_not_useful,
  },
  { name: 'approver_id', doc: 'User id of the approver', value: ({ m }) => m.row.approver ?? '' },
  { name: 'closer_id', doc: 'User id of the person who closed it', value: ({ m }) => m.closer ?? '' },
  {
    name: 'acknowledged_by_id',
    doc: 'User id who acknowledged the alert, when known',
    value: ({ m }) => m.row.acknowledged_by ?? '',
  },
];

const secondsText = (ms: number) => (Number.isNaN(ms) ? '' : String(ms / 1000));
const boolText = (b: boolean | null) => (b === null ? '' : b ? 'true' : 'false');

/**
 * One messages.csv record as strings, in MESSAGE_COLUMNS order: the same cells as the columns'
 * `value` (a unit test holds them equal), written out because it runs a million times per export.
 */
export function messageRecord(m: MessageMeasures, iso: (ms: number | null) => string): string[] {
  const out: string[] = new Array(MESSAGE_COLUMNS.length);
  writeMessageRecord(m, iso, out, 0);
  return out;
}

/** messageRecord written into `out` from index `o` (a flat batch of records, no array per row). */
export function writeMessageRecord(
  m: MessageMeasures,
  iso: (ms: number | null) => string,
  out: string[],
  o: number,
): void {
  const r = m.row;
  const { wall, business } = m;
  out[o + 0] = r.id;
  out[o + 1] = r.portal_id;
  out[o + 2] = r.urgency ?? '';
  out[o + 3] = m.level;
  out[o + 4] = r.category ?? '';
  out[o + 5] = r.language ?? '';
  out[o + 6] = r.status;
  out[o + 7] = iso(r.received);
  out[o + 8] = iso(r.ingested);
  out[o + 9] = iso(r.triaged);
  out[o + 10] = iso(r.alerted);
  out[o + 11] = iso(r.acknowledged);
  out[o + 12] = iso(r.draft_ready);
  out[o + 13] = iso(r.first_opened);
  out[o + 14] = iso(r.approved);
  out[o + 15] = iso(r.sent);
  out[o + 16] = iso(r.closed);
  out[o + 17] = iso(m.done);
  out[o + 18] = m.closeReason ?? '';
  out[o + 19] = secondsText(wall[0]);
  out[o + 20] = secondsText(business[0]);
  out[o + 21] = secondsText(wall[1]);
  out[o + 22] = secondsText(business[1]);
  out[o + 23] = secondsText(wall[2]);
  out[o + 24] = secondsText(business[2]);
  out[o + 25] = secondsText(wall[3]);
  out[o + 26] = secondsText(business[3]);
  out[o + 27] = secondsText(wall[4]);
  out[o + 28] = secondsText(business[4]);
  out[o + 29] = secondsText(wall[5]);
  out[o + 30] = secondsText(business[5]);
  out[o + 31] = secondsText(wall[6]);
  out[o + 32] = secondsText(business[6]);
  out[o + 33] = secondsText(wall[7]);
  out[o + 34] = secondsText(business[7]);
  out[o + 35] = iso(m.slaDue);
  out[o + 36] = m.sla;
  out[o + 37] = m.sla === 'pending' ? '' : m.sla === 'met' ? 'true' : 'false';
  out[o + 38] = boolText(m.draftUsed);
  out[o + 39] = m.editDistance === null ? '' : String(Math.round(m.editDistance * 10000) / 10000);
  out[o + 40] = m.editClass ?? '';
  out[o + 41] = String(r.regenerations);
  out[o + 42] = String(r.feedback_useful);
  out[o + 43] = String(r.feedback_not_useful);
  out[o + 44] = r.approver ?? '';
  out[o + 45] = m.closer ?? '';
  out[o + 46] = r.acknowledged_by ?? '';
}

export interface SummaryRowContext {
  period: 'bucket' | 'range';
  bucket: Bucket;
  dimension: string;
  g: GroupStats;
  backlog: number | null;
}

const statColumns = (kind: 'wall' | 'business', k: number, label: string): Column<SummaryRowContext>[] =>
  (['median', 'p90', 'max'] as const).map((which) => ({
    name: `${INTERVALS[k].name}_${kind}_${which}_s`,
    doc: `${label}: ${which} ${kind === 'wall' ? 'wall-clock' : 'business'} seconds`,
    value: ({ g }) => seconds((g[kind][k] as Stat)[which]),
  }));

export const SUMMARY_COLUMNS: Column<SummaryRowContext>[] = [
  {
    name: 'period',
    doc: 'bucket (one day, week or month) or range (the whole range)',
    value: (r) => r.period,
  },
  {
    name: 'bucket_start',
    doc: 'First local date of the bucket (clamped to the range)',
    value: (r) => r.bucket.from,
  },
  { name: 'bucket_end', doc: 'Last local date of the bucket (inclusive)', value: (r) => r.bucket.to },
  { name: 'dimension', doc: 'all, urgency, category, language or staff', value: (r) => r.dimension },
  {
    name: 'group',
    doc: 'The value of the dimension (a code or a user id; none = no staff)',
    value: (r) => r.g.key,
  },
  { name: 'messages', doc: 'Messages received in the bucket', value: (r) => r.g.count },
  { name: 'sent', doc: 'Of them, replied to (first outcome: reply sent)', value: (r) => r.g.sent },
  { name: 'closed', doc: 'Of them, closed without reply', value: (r) => r.g.closed },
  { name: 'open', doc: 'Of them, neither sent nor closed yet', value: (r) => r.g.open },
  { name: 'sla_met', doc: 'Sent or closed by the SLA due time', value: (r) => r.g.sla.met },
  {
    name: 'sla_missed',
    doc: 'Done after the due time, or open past it at export time',
    value: (r) => r.g.sla.missed,
  },
  { name: 'sla_pending', doc: 'Open and not yet due', value: (r) => r.g.sla.pending },
  {
    name: 'sla_compliance',
    doc: 'sla_met / (sla_met + sla_missed), 4 decimals',
    value: (r) => ratio(slaCompliance(r.g)),
  },
  {
    name: 'backlog_end',
    doc: 'Messages open at the end of the bucket, whenever received (dimension all only)',
    value: (r) => r.backlog ?? '',
  },
  { name: 'replies_approved', doc: 'Approved replies', value: (r) => r.g.approved },
  { name: 'replies_from_draft', doc: 'Approved replies started from a draft', value: (r) => r.g.fromDraft },
  {
    name: 'draft_utilization',
    doc: 'replies_from_draft / replies_approved, 4 decimals',
    value: (r) => ratio(draftUtilization(r.g)),
  },
  { name: 'edit_unchanged', doc: 'Draft-started replies sent unchanged', value: (r) => r.g.edit.unchanged },
  {
    name: 'edit_light',
    doc: 'Draft-started replies lightly edited (distance ≤ 0.3)',
    value: (r) => r.g.edit.light,
  },
  {
    name: 'edit_heavy',
    doc: 'Draft-started replies heavily edited (distance > 0.3)',
    value: (r) => r.g.edit.heavy,
  },
  { name: 'regenerations', doc: 'Draft regenerations', value: (r) => r.g.regenerations },
  {
    name: 'messages_regenerated',
    doc: 'Messages with at least one regeneration',
    value: (r) => r.g.regenerated,
  },
  { name: 'feedback_useful', doc: 'Draft feedback: useful', value: (r) => r.g.feedback.useful },
  { name: 'feedback_not_useful', doc: 'Draft feedback: not useful', value: (r) => r.g.feedback.notUseful },
  ...INTERVALS.flatMap((interval, k): Column<SummaryRowContext>[] => [
    { name: `${interval.name}_n`, doc: `${interval.label}: messages measured`, value: (r) => r.g.wall[k].n },
    ...statColumns('wall', k, interval.label),
    ...statColumns('business', k, interval.label),
  ]),
];
