/**
 * The chart as the drafter sees it. Every fact keeps `source`, the FHIR reference
 * (e.g. "MedicationRequest/med-17") it was read from, so a reviewer can check it.
 */

export interface PatientSummary {
  source: string;
  /** Given names, family name, and any preferred name or nicknames found in the chart. */
  givenNames: string[];
  familyName?: string;
  preferredName?: string;
  nicknames: string[];
  birthDate?: string; // YYYY-MM-DD
  ageYears?: number;
  ageDays?: number;
  sex?: 'female' | 'male' | 'other' | 'unknown';
  /** ISO 639-1 code from Patient.communication (preferred), e.g. 'es'. */
  preferredLanguage?: string;
  /** Reading grade the patient asked for, from a Patient extension; undefined = clinic default. */
  readingGrade?: number;
  pregnant?: boolean;
  recordNumbers: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
  /** Other identifier values (insurance member ids, national ids): never shown, but the privacy layer hides them. */
  otherIdentifiers?: string[];
  /** Former names (use old/maiden), kept only so the privacy layer can hide them. */
  otherNames?: string[];
  /** Names of Patient.contact people (parents of a child, next of kin): they often write the message. */
  contactNames?: string[];
}

export interface ProblemFact {
  source: string;
  name: string;
  code?: string;
  onset?: string;
}

export interface MedicationFact {
  source: string;
  name: string;
  dose?: string;
  directions?: string;
  refillsLeft?: number;
  lastFill?: string; // YYYY-MM-DD
  daysSupply?: number;
  prescriber?: string;
  /** Code of the medicine (RxNorm when given), for matching. */
  code?: string;
  /** Name of the problem the medicine treats, when the chart links it (reasonReference / reasonCode). */
  indication?: string;
}

export interface AllergyFact {
  source: string;
  substance: string;
  reaction?: string;
  severity?: string;
}

export type ObservationFlag = 'low' | 'high' | 'critical_low' | 'critical_high' | 'abnormal' | 'normal';

/** One part of a multi-part result, e.g. the systolic value of a blood pressure. */
export interface ObservationComponentFact {
  name: string;
  code?: string;
  value?: number;
  unit?: string;
  low?: number;
  high?: number;
  flag?: ObservationFlag;
}

export interface ObservationFact {
  source: string;
  name: string;
  code?: string;
  category: 'laboratory' | 'vital-signs' | 'other';
  value?: number;
  valueText?: string;
  unit?: string;
  low?: number;
  high?: number;
  flag?: ObservationFlag;
  date?: string; // ISO date-time or date
  /** Parts of a panel-like result (blood pressure: systolic and diastolic); valueText then reads '142/90'. */
  components?: ObservationComponentFact[];
}

export interface AppointmentFact {
  source: string;
  start: string; // ISO date-time
  description?: string;
  practitioner?: string;
  location?: string;
  status: string;
}

export interface CareTeamFact {
  source: string;
  name: string;
  role?: string;
}

export interface ChartContext {
  patient: PatientSummary;
  problems: ProblemFact[];
  medications: MedicationFact[];
  allergies: AllergyFact[];
  /** Laboratory results and vitals, newest first. */
  observations: ObservationFact[];
  /** Upcoming appointments, soonest first. */
  appointments: AppointmentFact[];
  careTeam: CareTeamFact[];
  /** Resources that were skipped because they were missing or malformed (no PHI, just what and why). */
  warnings: string[];
  /**
   * Optional resource types the FHIR server does not offer (HTTP 400/403/404/405/501 on their search):
   * nothing of this patient's was skipped, so these are not warnings and raise no draft flag.
   */
  unsupportedSearches?: string[];
}

/** A result the message asks about, with its earlier values (oldest first) for the trend. */
export interface ResultTrend {
  latest: ObservationFact;
  previous: ObservationFact[];
  direction?: 'up' | 'down' | 'stable';
}

/** The part of the chart a particular message needs. */
export interface RelevantContext {
  patient: PatientSummary;
  medications: MedicationFact[];
  allergies: AllergyFact[];
  problems: ProblemFact[];
  results: ResultTrend[];
  appointments: AppointmentFact[];
  careTeam: CareTeamFact[];
  /** Why each group was picked, e.g. 'medication named in message: "lisinopril"'. */
  reasons: string[];
  /** Medicines the message names that the chart does not list (a refill of one needs a clinician's look). */
  medicinesNotOnChart?: string[];
}
