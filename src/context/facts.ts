/** Views of the chart for other features: facts that change triage, identifiers the privacy layer hides. */
import type { PatientFacts } from '../triage/types';
import { medicineBaseName } from './medicine-names';
import type { ChartContext, PatientSummary } from './types';

export function toTriageFacts(chart: ChartContext): PatientFacts {
  const p = chart.patient;
  const facts: PatientFacts = {
    medications: [...new Set(chart.medications.map((m) => medicineBaseName(m.name)))],
    conditions: [...new Set(chart.problems.map((c) => c.name.toLowerCase()))],
  };
  if (p.ageYears !== undefined) facts.ageYears = p.ageYears;
  if (p.ageDays !== undefined) facts.ageDays = p.ageDays;
  if (p.sex) facts.sex = p.sex;
  if (p.pregnant !== undefined) facts.pregnant = p.pregnant;
  return facts;
}

export interface KnownIdentifiers {
  /** Full names and each name part: given, family, preferred, nicknames, former names. */
  names: string[];
  /** People on the chart who are not the patient (a parent writing for a child): hidden, but not as the patient. */
  relatedNames: string[];
  birthDate?: string;
  recordNumbers: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
}

function unique(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Everything in the chart that identifies the patient, for pseudonymization before any model call. */
export function knownIdentifiers(patient: PatientSummary): KnownIdentifiers {
  const given = patient.givenNames;
  const fullNames = [
    [...given, patient.familyName].filter(Boolean).join(' '),
    [given[0], patient.familyName].filter(Boolean).join(' '),
    ...[patient.preferredName, ...patient.nicknames].map((n) =>
      n && patient.familyName ? `${n} ${patient.familyName}` : undefined,
    ),
  ];
  // Compound family names ("García López") are also written one part at a time.
  const familyParts = patient.familyName?.split(/\s+/).filter((p) => p.length > 1) ?? [];
  const names = unique([
    ...fullNames,
    ...given,
    patient.familyName,
    ...familyParts,
    patient.preferredName,
    ...patient.nicknames,
    ...(patient.otherNames ?? []),
  ]).sort((a, b) => b.length - a.length);
  const contacts = patient.contactNames ?? [];
  const relatedNames = unique([
    ...contacts,
    ...contacts.flatMap((n) => n.split(/\s+/).filter((p) => p.length > 1)),
  ]).filter((n) => !names.includes(n));
  return {
    names,
    relatedNames,
    birthDate: patient.birthDate,
    recordNumbers: unique([...patient.recordNumbers, ...(patient.otherIdentifiers ?? [])]),
    phones: unique(patient.phones),
    emails: unique(patient.emails),
    addresses: unique(patient.addresses),
  };
}
