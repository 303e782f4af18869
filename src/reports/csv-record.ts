/**
 * One messages.csv record from a measured message, on the CSV worker thread: numbers in the SLOT
 * layout (./measure-layout.ts) and the text cells recordTexts() lays out (./csv-columns.ts) become
 * the 47 cells of MESSAGE_COLUMNS, in order. A unit test holds every cell equal to the documented
 * columns' own `value` functions. Imports only the layout and Papa Parse: the worker loads no more.
 */
import Papa from 'papaparse';
import { EDIT_CLASSES, INTERVALS, SLA_STATUSES, SLOT } from './measure-layout';

/**
 * Records as RFC 4180 text, each ending in CRLF, through Papa Parse: a field is quoted when it holds
 * a comma, a double quote (doubled inside), CR or LF, or starts or ends with a space. Every export
 * writes its CSV through this, so the whole file is one dialect, and every cell is neutralised.
 */
export function csvText(records: string[][]): string {
  return records.length === 0
    ? ''
    : `${Papa.unparse(records, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START })}\r\n`;
}

/**
 * OWASP's CSV-injection rule: a cell starting with =, +, -, @, tab or carriage return could run as a
 * spreadsheet formula, so Papa Parse prefixes it with ' (and quotes it). A plain number (a negative
 * interval such as -12.5) is not a formula and stays a number for the spreadsheet.
 */
export const FORMULA_START = /^(?!-\d+(?:\.\d+)?(?:e[+-]?\d+)?$)[=+\-@\t\r]/i;

/** Text cells per message: id, portal_id, urgency, sla_level, category, language, status,
 * close_reason, approver_id, closer_id, acknowledged_by_id. */
export const RECORD_TEXTS = 11;

/** Cells per record (MESSAGE_COLUMNS.length; csv-columns.ts checks the two agree). */
export const RECORD_CELLS = 47;

const secondsText = (ms: number) => (ms === ms ? String(ms / 1000) : '');

// Plain numbers for the loop below: an imported object's fields are property reads each time.
const {
  done: DONE,
  wall: WALL,
  business: BUSINESS,
  slaDue: SLA_DUE,
  sla: SLA,
  draftUsed: DRAFT_USED,
  editDistance: EDIT_DISTANCE,
  editClass: EDIT_CLASS,
  regenerations: REGENERATIONS,
  feedbackUseful: FEEDBACK_USEFUL,
  feedbackNotUseful: FEEDBACK_NOT_USEFUL,
} = SLOT;
const INTERVAL_COUNT = INTERVALS.length;

/**
 * The record of one message into out[o .. o + RECORD_CELLS), from its numbers at f[fo ..] and its
 * text cells at t[to ..]. Written out cell by cell: it runs a million times per export.
 */
export function writeMessageRecord(
  f: Float64Array,
  fo: number,
  t: string[],
  to: number,
  iso: (ms: number | null) => string,
  out: string[],
  o: number,
): void {
  for (let k = 0; k < 7; k++) out[o + k] = t[to + k];
  // received_at … closed_at, then done_at: SLOT's first eleven numbers.
  for (let k = 0; k <= DONE; k++) out[o + 7 + k] = iso(f[fo + k]);
  out[o + 18] = t[to + 7];
  for (let k = 0; k < INTERVAL_COUNT; k++) {
    out[o + 19 + 2 * k] = secondsText(f[fo + WALL + k]);
    out[o + 20 + 2 * k] = secondsText(f[fo + BUSINESS + k]);
  }
  const sla = SLA_STATUSES[f[fo + SLA]];
  const draftUsed = f[fo + DRAFT_USED];
  const editDistance = f[fo + EDIT_DISTANCE];
  const editClass = f[fo + EDIT_CLASS];
  out[o + 35] = iso(f[fo + SLA_DUE]);
  out[o + 36] = sla;
  out[o + 37] = sla === 'pending' ? '' : sla === 'met' ? 'true' : 'false';
  out[o + 38] = draftUsed === 1 ? 'true' : draftUsed === 0 ? 'false' : '';
  out[o + 39] = editDistance === editDistance ? String(Math.round(editDistance * 10000) / 10000) : '';
  out[o + 40] = editClass === editClass ? EDIT_CLASSES[editClass] : '';
  out[o + 41] = String(f[fo + REGENERATIONS]);
  out[o + 42] = String(f[fo + FEEDBACK_USEFUL]);
  out[o + 43] = String(f[fo + FEEDBACK_NOT_USEFUL]);
  out[o + 44] = t[to + 8];
  out[o + 45] = t[to + 9];
  out[o + 46] = t[to + 10];
}
