import type { IdentifierType } from './types';

/** Placeholder word per identifier type; LITERAL stands for a placeholder-like token the patient typed. */
export const PLACEHOLDER_WORD: Record<IdentifierType | 'LITERAL', string> = {
  PATIENT_NAME: 'PATIENT',
  PERSON: 'PERSON',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
  DATE: 'DATE',
  DOB: 'DOB',
  RECORD_ID: 'ID',
  SSN: 'SSN',
  PAYMENT_CARD: 'CARD',
  ADDRESS: 'ADDRESS',
  URL: 'URL',
  IP: 'IP',
  AGE_OVER_89: 'AGE',
  LITERAL: 'LITERAL',
};

const WORDS = [...new Set(Object.values(PLACEHOLDER_WORD))].join('|');

/** Our own placeholders, as the model may echo them: any case, spaces inside the brackets. */
export const PLACEHOLDER_TOKEN = /\[\s*([A-Za-z]+(?:_[A-Za-z]+)?(?:_\d{1,4})?)\s*\]/g;

/**
 * Text that could be read as one of our placeholders: a bracketed word of ours in any spelling
 * ("[PHONE 1]", "[Person_1]", "[ id-2 ]") or a bare one with an underscore ("PERSON_1").
 */
export const PLACEHOLDER_LOOKALIKE = new RegExp(
  String.raw`\[\s*(?:${WORDS})(?:[\s_\-]*[A-Za-z]{1,10})?(?:[\s_\-]*\d{1,4})?\s*\]|(?<![\p{L}\p{N}_])(?:${WORDS})(?:_[A-Za-z]{1,10})?_\d{1,4}(?![\p{L}\p{N}_])`,
  'giu',
);

/** A mangled placeholder in upper case with a space ("PERSON 1"): only flagged, never typed-text escaped. */
export const UPPERCASE_SPACED_PLACEHOLDER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:${WORDS})(?:_[A-Z]{1,10})? \d{1,4}(?![\p{N}/:-]|[.,]\d)`,
  'gu',
);

export function formatPlaceholder(label: string): string {
  return `[${label}]`;
}
