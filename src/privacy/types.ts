/**
 * Kinds of identifier the privacy layer finds. PATIENT_NAME is only produced from the chart
 * (known identifiers); every other type can come from the free-text detector.
 */
export type IdentifierType =
  | 'PATIENT_NAME'
  | 'PERSON'
  | 'PHONE'
  | 'EMAIL'
  | 'DATE'
  | 'DOB'
  | 'RECORD_ID'
  | 'SSN'
  | 'PAYMENT_CARD'
  | 'ADDRESS'
  | 'URL'
  | 'IP'
  | 'AGE_OVER_89';

export interface IdentifierSpan {
  type: IdentifierType;
  /** UTF-16 offsets into the text given to the detector, end exclusive. */
  start: number;
  end: number;
  value: string;
}

/** The patient's own identifiers, as recorded in the chart. */
export interface PatientIdentifiers {
  /** Full names, given names, family names, preferred names and nicknames. */
  names: string[];
  birthDate?: string; // YYYY-MM-DD
  recordNumbers?: string[];
  phones?: string[];
  emails?: string[];
  addresses?: string[];
  /**
   * Names of people around the patient known from the chart (contacts, parents of a child): hidden
   * as [PERSON_n] so the model does not take them for the patient.
   */
  relatedNames?: string[];
}

export interface Pseudonymizer {
  /** Replaces identifiers by placeholders; the same value gets the same placeholder on every call. */
  pseudonymize(text: string): string;
  /** Puts the original values back, tolerating case changes and spaces inside the brackets. */
  reidentify(text: string): string;
  /**
   * What must not reach a reader: placeholders that reidentify cannot resolve (invented or mangled,
   * e.g. "[PHONE 1]", "PERSON_1") and the patient's known identifiers present in the text.
   * Call it on the model's raw reply, before reidentify.
   */
  leftovers(text: string): string[];
  /** Distinct placeholders handed out so far by pseudonymize. */
  readonly placeholderCount: number;
}
