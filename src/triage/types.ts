/** The public shape of a triage decision; every other feature reads only this. */

/** Ordered from most to least urgent; see ../shared/triage/RUBRIC.md. */
export const URGENCIES = ['emergent', 'urgent', 'routine', 'non_clinical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CATEGORIES = [
  'symptom',
  'medication',
  'results',
  'scheduling',
  'billing',
  'forms_records',
  'portal_technical',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type TriageFlag =
  | 'instruction_injection'
  | 'unsupported_language'
  | 'multiple_requests'
  | 'empty_message'
  | 'truncated_input'
  | 'model_raised_urgency'
  | 'model_unavailable';

/** ISO 639-1 code of the message's main language, or 'und' when it cannot be told. */
export type LanguageCode = string;

/** Chart facts that change the meaning of a message (e.g. a fever in a 6-week-old). All optional. */
export interface PatientFacts {
  ageYears?: number;
  ageDays?: number;
  sex?: 'female' | 'male' | 'other' | 'unknown';
  pregnant?: boolean;
  /** Lower-case medicine names from the chart, e.g. ['warfarin', 'insulin glargine']. */
  medications?: string[];
  /** Lower-case problem names from the chart, e.g. ['kidney transplant', 'heart failure']. */
  conditions?: string[];
}

export interface TriageResult {
  urgency: Urgency;
  /** Category of the most urgent request in the message. */
  category: Category;
  /** Every category the message carries, most urgent request first. */
  categories: Category[];
  /** Human-readable, each citing the phrase or value that produced it. */
  reasons: string[];
  needsReply: boolean;
  flags: TriageFlag[];
  language: LanguageCode;
}

export function urgencyRank(u: Urgency): number {
  return URGENCIES.indexOf(u);
}

/** The more urgent of two levels. */
export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  return urgencyRank(a) <= urgencyRank(b) ? a : b;
}
