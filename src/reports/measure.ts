/**
 * One message's figures, from its milestones: every interval in wall-clock and business time (the
 * clinic's calendar), the SLA outcome and how the reply was written. Pure, and cheap per row: the
 * calendar answers from its cached year blocks.
 */
import { businessMsBetweenMs, slaDueAtMs, slaLevel, type BusinessCalendar, type SlaTargets } from '../clinic';
import type { UrgencyValue } from '../db/schema';
import type { MilestoneRow } from './repository';

/** Each interval: from one milestone to another. `done` is the first reply sent or close. */
export const INTERVALS = [
  { name: 'to_ingest', label: 'Received → ingested', from: 'received', to: 'ingested' },
  { name: 'to_triage', label: 'Received → triaged', from: 'received', to: 'triaged' },
  { name: 'to_alert', label: 'Received → Slack alert posted', from: 'received', to: 'alerted' },
  { name: 'alert_to_ack', label: 'Alert → acknowledged (Slack)', from: 'alerted', to: 'acknowledged' },
  { name: 'to_draft', label: 'Received → draft ready', from: 'received', to: 'draft_ready' },
  { name: 'to_first_open', label: 'Received → first opened', from: 'received', to: 'first_opened' },
  { name: 'open_to_done', label: 'First opened → sent or closed', from: 'first_opened', to: 'done' },
  { name: 'to_done', label: 'Received → sent or closed (response time)', from: 'received', to: 'done' },
] as const;
export type IntervalName = (typeof INTERVALS)[number]['name'];

/** Edit burden classes of a draft-started reply, by normalized word edit distance. */
export const LIGHT_EDIT_MAX = 0.3;
export type EditClass = 'unchanged' | 'light' | 'heavy';
export type SlaStatus = 'met' | 'missed' | 'pending';

export interface MessageMeasures {
  row: MilestoneRow;
  level: UrgencyValue;
  done: number | null;
  /** Wall and business ms per interval, in INTERVALS order; NaN when a milestone is missing. */
  wall: number[];
  business: number[];
  slaDue: number;
  sla: SlaStatus;
  /** Null when no reply was approved. */
  draftUsed: boolean | null;
  editDistance: number | null;
  editClass: EditClass | null;
  /** The approver, else the closer (users.id). */
  staff: string | null;
  closer: string | null;
  closeReason: string | null;
}

export interface MeasureContext {
  calendar: BusinessCalendar;
  sla: SlaTargets;
  /** "Now" for still-open messages: overdue by then is a miss, not yet due is pending. */
  asOf: number;
}

const userIdOf = (actor: string | null) => (actor?.startsWith('user:') ? actor.slice(5) : null);

function between(
  cal: BusinessCalendar,
  wall: number[],
  business: number[],
  k: number,
  a: number | null,
  b: number | null,
): void {
  if (a === null || b === null) {
    wall[k] = NaN;
    business[k] = NaN;
  } else {
    // Wall time as measured (a portal clock ahead of ours can make received → ingested negative);
    // business time counts only business periods between the two and is never negative.
    wall[k] = b - a;
    business[k] = businessMsBetweenMs(cal, a, b);
  }
}

export function measure(row: MilestoneRow, ctx: MeasureContext): MessageMeasures {
  const done =
    row.sent !== null && row.closed !== null ? Math.min(row.sent, row.closed) : (row.sent ?? row.closed);
  // Plain arrays: a typed array per row costs more to allocate and collect than it saves.
  const wall: number[] = new Array(INTERVALS.length);
  const business: number[] = new Array(INTERVALS.length);
  // The milestones in INTERVALS order, written out: this runs a million times per export.
  const cal = ctx.calendar;
  const received = row.received;
  between(cal, wall, business, 0, received, row.ingested);
  between(cal, wall, business, 1, received, row.triaged);
  between(cal, wall, business, 2, received, row.alerted);
  between(cal, wall, business, 3, row.alerted, row.acknowledged);
  between(cal, wall, business, 4, received, row.draft_ready);
  between(cal, wall, business, 5, received, row.first_opened);
  between(cal, wall, business, 6, row.first_opened, done);
  between(cal, wall, business, 7, received, done);
  const urgency = row.urgency as UrgencyValue | null;
  const slaDue = slaDueAtMs(cal, ctx.sla, urgency, received);
  const sla: SlaStatus =
    done !== null ? (done <= slaDue ? 'met' : 'missed') : ctx.asOf > slaDue ? 'missed' : 'pending';
  let draftUsed: boolean | null = null;
  let editDistance: number | null = null;
  let editClass: EditClass | null = null;
  if (row.approved !== null) {
    draftUsed = row.draft_id !== null;
    if (draftUsed && row.word_edits !== null) {
      editDistance = row.word_edits / Math.max(row.draft_words ?? 0, row.sent_words ?? 0, 1);
      editClass = editDistance === 0 ? 'unchanged' : editDistance <= LIGHT_EDIT_MAX ? 'light' : 'heavy';
    }
  }
  const closer = userIdOf(row.close_actor);
  return {
    row,
    level: slaLevel(urgency),
    done,
    wall,
    business,
    slaDue,
    sla,
    draftUsed,
    editDistance,
    editClass,
    staff: row.approver ?? closer,
    closer,
    closeReason: row.close_reason || null,
  };
}

// The written-out order above must be INTERVALS' order.
const WRITTEN_OUT = [
  ['received', 'ingested'],
  ['received', 'triaged'],
  ['received', 'alerted'],
  ['alerted', 'acknowledged'],
  ['received', 'draft_ready'],
  ['received', 'first_opened'],
  ['first_opened', 'done'],
  ['received', 'done'],
];
if (INTERVALS.some((i, k) => i.from !== WRITTEN_OUT[k]?.[0] || i.to !== WRITTEN_OUT[k]?.[1]))
  throw new Error('measure(): the intervals are not written out in INTERVALS order');
