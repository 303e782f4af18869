/**
 * One message's figures, from its milestones: every interval in wall-clock and business time (the
 * clinic's calendar), the SLA outcome and how the reply was written. Pure, and cheap per row: the
 * calendar answers from its cached year blocks, and measureInto() writes numbers into a typed array.
 */
import { businessMsBetweenMs, type BusinessCalendar } from '../clinic/calendar';
import { slaDueAtMs, slaLevel, type SlaTargets } from '../clinic/sla';
import type { UrgencyValue } from '../db/schema';
import {
  EDIT_CLASSES,
  INTERVALS,
  LIGHT_EDIT_MAX,
  SLA_STATUSES,
  SLOT,
  SLOT_WIDTH,
  type EditClass,
  type SlaStatus,
} from './measure-layout';
import type { MeasureInput, MilestoneRow } from './repository';

export * from './measure-layout';

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

export const userIdOf = (actor: string | null) => (actor?.startsWith('user:') ? actor.slice(5) : null);

// Plain numbers for the hot loop below: an imported object's fields are property reads each time.
const {
  wall: WALL,
  business: BUSINESS,
  received: RECEIVED,
  ingested: INGESTED,
  triaged: TRIAGED,
  alerted: ALERTED,
  acknowledged: ACKNOWLEDGED,
  draft_ready: DRAFT_READY,
  first_opened: FIRST_OPENED,
  approved: APPROVED,
  sent: SENT,
  closed: CLOSED,
  done: DONE,
  slaDue: SLA_DUE,
  sla: SLA,
  draftUsed: DRAFT_USED,
  editDistance: EDIT_DISTANCE,
  editClass: EDIT_CLASS,
  regenerations: REGENERATIONS,
  feedbackUseful: FEEDBACK_USEFUL,
  feedbackNotUseful: FEEDBACK_NOT_USEFUL,
} = SLOT;

const orNaN = (v: number | null) => (v === null ? NaN : v);

function between(cal: BusinessCalendar, out: Float64Array, o: number, k: number, a: number, b: number): void {
  // NaN when a milestone is missing. Wall time as measured (a portal clock ahead of ours can make
  // received → ingested negative); business time counts only business periods between the two and
  // is never negative.
  if (a !== a || b !== b) {
    out[o + WALL + k] = NaN;
    out[o + BUSINESS + k] = NaN;
  } else {
    out[o + WALL + k] = b - a;
    out[o + BUSINESS + k] = businessMsBetweenMs(cal, a, b);
  }
}

/** One message's figures into out[o .. o + SLOT_WIDTH), laid out as SLOT says. */
export function measureInto(row: MeasureInput, ctx: MeasureContext, out: Float64Array, o: number): void {
  const cal = ctx.calendar;
  const received = row.received;
  // The milestones written out, in MilestoneRow order: this runs a million times per export.
  out[o + RECEIVED] = received;
  out[o + INGESTED] = orNaN(row.ingested);
  out[o + TRIAGED] = orNaN(row.triaged);
  out[o + ALERTED] = orNaN(row.alerted);
  out[o + ACKNOWLEDGED] = orNaN(row.acknowledged);
  out[o + DRAFT_READY] = orNaN(row.draft_ready);
  out[o + FIRST_OPENED] = orNaN(row.first_opened);
  out[o + APPROVED] = orNaN(row.approved);
  out[o + SENT] = orNaN(row.sent);
  out[o + CLOSED] = orNaN(row.closed);
  const done =
    row.sent !== null && row.closed !== null ? Math.min(row.sent, row.closed) : (row.sent ?? row.closed);
  out[o + DONE] = orNaN(done);
  const alerted = out[o + ALERTED];
  const opened = out[o + FIRST_OPENED];
  const finished = out[o + DONE];
  // In INTERVALS order (checked below).
  between(cal, out, o, 0, received, out[o + INGESTED]);
  between(cal, out, o, 1, received, out[o + TRIAGED]);
  between(cal, out, o, 2, received, alerted);
  between(cal, out, o, 3, alerted, out[o + ACKNOWLEDGED]);
  between(cal, out, o, 4, received, out[o + DRAFT_READY]);
  between(cal, out, o, 5, received, opened);
  between(cal, out, o, 6, opened, finished);
  between(cal, out, o, 7, received, finished);
  const slaDue = slaDueAtMs(cal, ctx.sla, row.urgency as UrgencyValue | null, received);
  out[o + SLA_DUE] = slaDue;
  // 0 met, 1 missed, 2 pending (SLA_STATUSES).
  out[o + SLA] = done !== null ? (done <= slaDue ? 0 : 1) : ctx.asOf > slaDue ? 1 : 2;
  let draftUsed = NaN;
  let editDistance = NaN;
  let editClass = NaN;
  if (row.approved !== null) {
    draftUsed = row.draft_id !== null ? 1 : 0;
    if (draftUsed === 1 && row.word_edits !== null) {
      editDistance = row.word_edits / Math.max(row.draft_words ?? 0, row.sent_words ?? 0, 1);
      editClass = editDistance === 0 ? 0 : editDistance <= LIGHT_EDIT_MAX ? 1 : 2;
    }
  }
  out[o + DRAFT_USED] = draftUsed;
  out[o + EDIT_DISTANCE] = editDistance;
  out[o + EDIT_CLASS] = editClass;
  out[o + REGENERATIONS] = row.regenerations;
  out[o + FEEDBACK_USEFUL] = row.feedback_useful;
  out[o + FEEDBACK_NOT_USEFUL] = row.feedback_not_useful;
}

/** measureInto() as an object, for the few rows a drill-down lists and for tests. */
export function measure(row: MilestoneRow, ctx: MeasureContext): MessageMeasures {
  const f = new Float64Array(SLOT_WIDTH);
  measureInto(row, ctx, f, 0);
  const nullIfNaN = (v: number) => (v === v ? v : null);
  const closer = userIdOf(row.close_actor);
  const draftUsed = f[SLOT.draftUsed];
  return {
    row,
    level: slaLevel(row.urgency as UrgencyValue | null),
    done: nullIfNaN(f[SLOT.done]),
    wall: Array.from(f.subarray(SLOT.wall, SLOT.wall + INTERVALS.length)),
    business: Array.from(f.subarray(SLOT.business, SLOT.business + INTERVALS.length)),
    slaDue: f[SLOT.slaDue],
    sla: SLA_STATUSES[f[SLOT.sla]],
    draftUsed: draftUsed === draftUsed ? draftUsed === 1 : null,
    editDistance: nullIfNaN(f[SLOT.editDistance]),
    editClass: f[SLOT.editClass] === f[SLOT.editClass] ? EDIT_CLASSES[f[SLOT.editClass]] : null,
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
  throw new Error('measureInto(): the intervals are not written out in INTERVALS order');
