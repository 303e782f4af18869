/** How the message page writes times, durations, ages and codes for people. */
import { DateTime } from 'luxon';

/** e.g. "Tue 3 Mar 2026, 9:05 AM CST", on the clinic's clock. */
export function clinicTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy, h:mm a ZZZZ');
}

/** ISO 8601 with offset, for <time datetime>. */
export function isoTime(at: Date): string {
  return at.toISOString();
}

/** "45 min", "3 h 5 min", "2 d 4 h": how long a patient has been waiting. */
export function duration(fromMs: number, toMs: number): string {
  const minutes = Math.max(0, Math.floor((toMs - fromMs) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Whole years on the clinic's calendar; undefined for a missing or malformed birth date. */
export function ageYears(birthDate: string | null, now: Date, zone: string): number | undefined {
  if (!birthDate) return undefined;
  const born = DateTime.fromISO(birthDate, { zone });
  if (!born.isValid) return undefined;
  const years = Math.floor(DateTime.fromJSDate(now, { zone }).diff(born, 'years').years);
  return years >= 0 && years < 150 ? years : undefined;
}

const LEVEL_LABELS: Record<string, string> = {
  emergent: 'Emergent',
  urgent: 'Urgent',
  routine: 'Routine',
  non_clinical: 'Non-clinical',
};

export const levelLabel = (urgency: string | null) =>
  urgency ? (LEVEL_LABELS[urgency] ?? urgency) : 'Not triaged';

/** snake_case codes as words: "forms_records" → "forms records". */
export const words = (code: string) => code.replace(/_/g, ' ');

export const STATUS_LABELS: Record<string, string> = {
  new: 'New (being triaged)',
  triaged: 'Triaged (draft being written)',
  ready: 'Ready to answer',
  sending: 'Reply approved, sending',
  send_failed: 'Reply approved, but sending failed: retry or close',
  sent: 'Reply sent',
  closed: 'Closed without reply',
};

export const CLOSE_REASON_LABELS: Record<string, string> = {
  handled_by_phone: 'Handled by phone',
  no_reply_needed: 'No reply needed',
  duplicate: 'Duplicate of another message',
  patient_resolved: 'Patient says it is resolved',
  other: 'Other',
};

export const FEEDBACK_REASON_LABELS: Record<string, string> = {
  too_long: 'Too long',
  wrong_facts: 'Wrong facts',
  wrong_tone: 'Wrong tone',
  too_complex: 'Too hard to read',
  unsafe: 'Unsafe',
  not_needed: 'No reply was needed',
  other: 'Other',
};

export const INSTRUCTION_LABELS: Record<string, string> = {
  shorter: 'Shorter',
  simpler: 'Simpler words',
  spanish: 'In Spanish',
  english: 'In English',
};

export const SOURCE_LABELS: Record<string, string> = {
  llm: 'Written by the language model',
  template: 'Built from the clinic’s templates',
  escalation: 'Fixed emergency instructions',
};
