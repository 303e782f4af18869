/**
 * Pure wording for list rows: the first line of a message, durations, ages, the SLA clock and the
 * alert state. Kept apart from the components so unit tests can pin the exact text.
 */
import type { SlaClock } from '../../clinic';
import type { ListRow } from './repository';

export const FIRST_LINE_CHARS = 100;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The subject, else the first non-blank line of the body, whitespace collapsed, cut to ~100
 * characters (by code point, so a cut never splits an emoji or a surrogate pair).
 */
export function firstLineOf(subject: string | null, body: string): string {
  const source = subject?.trim() ? subject : body;
  const line = source.split(/\r\n|\r|\n/).find((l) => l.trim().length > 0) ?? '';
  const flat = line.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= FIRST_LINE_CHARS) return flat || '(no text)';
  return `${chars.slice(0, FIRST_LINE_CHARS - 1).join('')}…`;
}

/** "under 1 min", "45 min", "3 h 12 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'under 1 min';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < 2 * DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** Business time reads in hours (a "day" would be ambiguous: 24 h or one working day?). */
function formatBusiness(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return formatDuration(abs);
  const h = Math.floor(abs / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/**
 * Intl formatters are costly to build and cheap to use: one per zone and shape, kept for the
 * process (a clinic has one zone), so 50 rows cost microseconds rather than luxon's milliseconds.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'due', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone,
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          });
    formatters.set(key, f);
  }
  return f;
}

/** The local calendar date of an instant in a zone, as [year, month, day]. */
function localDate(at: Date, timeZone: string): [number, number, number] {
  const parts = formatter('date', timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** Age at `now` in the clinic's zone: "34 y", "18 mo" under two years, "12 d" under a month. */
export function ageText(birthDate: string | null, now: Date, timeZone: string): string | undefined {
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!m) return undefined;
  const [by, bm, bd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [ty, tm, td] = localDate(now, timeZone);
  let months = (ty - by) * 12 + (tm - bm);
  if (td < bd) months -= 1;
  if (months < 0) return undefined;
  if (months >= 24) return `${Math.floor(months / 12)} y`;
  if (months >= 1) return `${months} mo`;
  const days = Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(by, bm - 1, bd)) / DAY);
  return days >= 0 ? `${days} d` : undefined;
}

export interface SlaText {
  text: string;
  overdue: boolean;
  /** "due Wed 10:00" in the clinic's zone. */
  due: string;
}

export function slaText(clock: SlaClock, businessTime: boolean, timeZone: string): SlaText {
  const amount = businessTime ? formatBusiness(clock.msLeft) : formatDuration(clock.msLeft);
  // "Wed 12 Mar, 14:00" from en-GB; the comma goes so it reads "due Wed 12 Mar 14:00".
  const due = formatter('due', timeZone).format(clock.dueAt).replace(',', '');
  return {
    text: clock.overdue ? `Overdue by ${amount}` : `${amount} left`,
    overdue: clock.overdue,
    due: `due ${due}`,
  };
}

export type AlertKind = 'none' | 'posting' | 'posted' | 'acknowledged' | 'failed' | 'off' | 'resolved';

/** What the Slack alert of a message has come to, in a few words (issue 6: the inbox shows it). */
export function alertText(alert: ListRow['alert']): { kind: AlertKind; text: string } {
  if (!alert) return { kind: 'none', text: 'No alert' };
  if (alert.ackedAt) {
    const who = alert.ackedByName ?? (alert.ackedInSlack ? 'a Slack user' : 'someone');
    return { kind: 'acknowledged', text: `Acknowledged by ${who}` };
  }
  switch (alert.state) {
    case 'posted':
      return alert.resolvedAt
        ? { kind: 'resolved', text: 'Posted, resolved' }
        : { kind: 'posted', text: 'Posted' };
    case 'failed':
      return { kind: 'failed', text: 'Failed, retrying' };
    case 'not_configured':
      return { kind: 'off', text: 'Slack not set up' };
    default:
      return { kind: 'posting', text: 'Posting' };
  }
}

export const LEVEL_LABELS: Record<string, string> = {
  emergent: 'Emergent',
  urgent: 'Urgent',
  routine: 'Routine',
  non_clinical: 'Non-clinical',
  untriaged: 'Not triaged',
};

export const CATEGORY_LABELS: Record<string, string> = {
  symptom: 'Symptom',
  medication: 'Medication',
  results: 'Results',
  scheduling: 'Scheduling',
  billing: 'Billing',
  forms_records: 'Forms & records',
  portal_technical: 'Portal help',
  other: 'Other',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open (new, triaged, ready, send failed)',
  new: 'New',
  triaged: 'Triaged',
  ready: 'Ready',
  send_failed: 'Send failed',
  sending: 'Sending',
  sent: 'Sent',
  closed: 'Closed',
  all: 'All',
};

export const ASSIGNEE_LABELS: Record<string, string> = {
  everyone: 'Everyone',
  mine: 'Mine',
  unassigned: 'Unassigned',
  nurse: 'Nurse queue',
};

/** The languages offered in the filter; any other code triage stored still works in the URL. */
export const LANGUAGE_CHOICES = ['en', 'es', 'zh', 'vi', 'ar', 'fr', 'ru', 'ko', 'pt', 'tl', 'und'] as const;

let languageNames: Intl.DisplayNames | undefined;

export function languageLabel(code: string): string {
  if (code === 'und') return 'Unknown';
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
