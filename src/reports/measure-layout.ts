/**
 * The shape of a measured message, shared by the thread that measures (./measure.ts) and the CSV
 * worker thread that formats (./csv-record.ts): the intervals, and where each figure sits in a
 * Float64Array row. Constants only, no imports, so the worker loads nothing it does not need.
 */
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

/**
 * Where measureInto() puts one message's figures in a Float64Array row (NaN where a time did not
 * happen or a figure does not apply). The export hands whole batches of these rows to its CSV
 * worker (transferred, not copied) and the page keeps them as columns: numbers, no object per row.
 */
export const SLOT = {
  /** The ten milestones, in MilestoneRow order: received … closed. */
  received: 0,
  ingested: 1,
  triaged: 2,
  alerted: 3,
  acknowledged: 4,
  draft_ready: 5,
  first_opened: 6,
  approved: 7,
  sent: 8,
  closed: 9,
  done: 10,
  /** INTERVALS.length slots each, in INTERVALS order. */
  wall: 11,
  business: 11 + INTERVALS.length,
  slaDue: 11 + 2 * INTERVALS.length,
  /** Index into SLA_STATUSES. */
  sla: 12 + 2 * INTERVALS.length,
  /** 1 from a draft, 0 started blank, NaN when no reply was approved. */
  draftUsed: 13 + 2 * INTERVALS.length,
  editDistance: 14 + 2 * INTERVALS.length,
  /** Index into EDIT_CLASSES, NaN when not a draft-started approved reply. */
  editClass: 15 + 2 * INTERVALS.length,
  regenerations: 16 + 2 * INTERVALS.length,
  feedbackUseful: 17 + 2 * INTERVALS.length,
  feedbackNotUseful: 18 + 2 * INTERVALS.length,
} as const;
export const SLOT_WIDTH = 19 + 2 * INTERVALS.length;
export const SLA_STATUSES: readonly SlaStatus[] = ['met', 'missed', 'pending'];
export const EDIT_CLASSES: readonly EditClass[] = ['unchanged', 'light', 'heavy'];
