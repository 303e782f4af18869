/**
 * The columns of both CSV exports, each with the sentence README documents it with. Times are
 * ISO-8601 with the offset of the report's zone; intervals are seconds (milliseconds as decimals);
 * an empty cell means "did not happen" or "not applicable", never zero. No message text or subject.
 */
import { slaLevel } from '../clinic/sla';
import type { UrgencyValue } from '../db/schema';
import { RECORD_CELLS, RECORD_TEXTS, writeMessageRecord } from './csv-record';
import {
  INTERVALS,
  measureInto,
  SLOT,
  SLOT_WIDTH,
  userIdOf,
  type MeasureContext,
  type MessageMeasures,
} from './measure';
import type { Bucket } from './query';
import type { MilestoneRow } from './repository';
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

/**
 * A message's text cells into out[o .. o + RECORD_TEXTS), in the order writeMessageRecord() reads
 * them (./csv-record.ts): the cells of its record that are not numbers.
 */
export function recordTexts(r: MilestoneRow, out: string[], o: number): void {
  out[o] = r.id;
  out[o + 1] = r.portal_id;
  out[o + 2] = r.urgency ?? '';
  out[o + 3] = slaLevel(r.urgency as UrgencyValue | null);
  out[o + 4] = r.category ?? '';
  out[o + 5] = r.language ?? '';
  out[o + 6] = r.status;
  out[o + 7] = r.close_reason ?? '';
  out[o + 8] = r.approver ?? '';
  out[o + 9] = userIdOf(r.close_actor) ?? '';
  out[o + 10] = r.acknowledged_by ?? '';
}

/** One message's messages.csv record (the export writes batches of them on its worker instead). */
export function messageRecord(
  row: MilestoneRow,
  ctx: MeasureContext,
  iso: (ms: number | null) => string,
): string[] {
  const f = new Float64Array(SLOT_WIDTH);
  measureInto(row, ctx, f, 0);
  const t: string[] = new Array(RECORD_TEXTS);
  recordTexts(row, t, 0);
  const out: string[] = new Array(RECORD_CELLS);
  writeMessageRecord(f, 0, t, 0, iso, out, 0);
  return out;
}

// writeMessageRecord() numbers its cells (7 + the eleven times, 19 + two per interval, 35 …) in
// MESSAGE_COLUMNS' order: a column added or moved there must be added or moved there too.
if (
  MESSAGE_COLUMNS.length !== RECORD_CELLS ||
  MESSAGE_COLUMNS[7 + SLOT.done].name !== 'done_at' ||
  MESSAGE_COLUMNS[19 + 2 * INTERVALS.length].name !== 'sla_due_at'
)
  throw new Error('writeMessageRecord() does not follow MESSAGE_COLUMNS');

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
