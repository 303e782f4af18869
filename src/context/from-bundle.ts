/**
 * FHIR R4 Bundle (searchset, collection, transaction...) → ChartContext. Each resource is validated on
 * its own: a malformed one is skipped with a warning naming only its type, id and the bad field paths.
 */
import type { z } from 'zod';
import {
  allergySchema,
  appointmentSchema,
  careTeamSchema,
  conditionSchema,
  describeIssues,
  fhirId,
  medicationDispenseSchema,
  medicationRequestSchema,
  medicationSchema,
  observationSchema,
  patientSchema,
  practitionerSchema,
  type FhirCareTeam,
  type FhirMedicationDispense,
  type FhirObservation,
} from './fhir-schemas';
import { parseFhirDate, practitionerDisplay, referenceId } from './fhir-values';
import {
  isPregnancyProblem,
  mapAllergy,
  mapCondition,
  mapMedicationRequest,
  type ChartLookup,
} from './map-clinical';
import { isPregnantAnswer, mapObservation } from './map-observations';
import { emptyPatient, mapPatient } from './map-patient';
import { mapAppointment, mapCareTeam } from './map-schedule';
import type { ChartContext } from './types';

/** The input is not a FHIR Bundle at all (as opposed to a bundle with some bad resources). */
export class ChartInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartInputError';
  }
}

/** Beyond this many entries the rest are ignored (with a warning): no chart is that large, an attack can be. */
export const MAX_BUNDLE_ENTRIES = 20_000;

const SCHEMAS = {
  Patient: patientSchema,
  Condition: conditionSchema,
  MedicationRequest: medicationRequestSchema,
  Medication: medicationSchema,
  MedicationDispense: medicationDispenseSchema,
  AllergyIntolerance: allergySchema,
  Observation: observationSchema,
  Appointment: appointmentSchema,
  CareTeam: careTeamSchema,
  Practitioner: practitionerSchema,
} as const;
type KnownType = keyof typeof SCHEMAS;
type Parsed = { [K in KnownType]: z.infer<(typeof SCHEMAS)[K]>[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resources of a Bundle's entries, without search outcomes. Throws ChartInputError when it is no Bundle. */
export function bundleResources(bundle: unknown, warnings: string[]): unknown[] {
  if (!isRecord(bundle) || bundle.resourceType !== 'Bundle') {
    throw new ChartInputError('chart input is not a FHIR Bundle (resourceType must be "Bundle")');
  }
  if (bundle.entry === undefined) return [];
  if (!Array.isArray(bundle.entry)) throw new ChartInputError('Bundle.entry must be an array');
  const resources: unknown[] = [];
  bundle.entry.forEach((entry, i) => {
    if (!isRecord(entry) || !isRecord(entry.resource)) {
      warnings.push(`Bundle.entry[${i}]: skipped, no resource`);
      return;
    }
    if (isRecord(entry.search) && entry.search.mode === 'outcome') return;
    resources.push(entry.resource);
  });
  return resources;
}

function label(resource: Record<string, unknown>, type: string, index: number): string {
  const id = fhirId.safeParse(resource.id);
  return id.success ? `${type}/${id.data}` : `${type} (resource ${index}, no valid id)`;
}

function parseResources(resources: unknown[], warnings: string[]) {
  const parsed = Object.fromEntries(Object.keys(SCHEMAS).map((k) => [k, []])) as unknown as Parsed;
  const names = new Map<string, string>(); // Organization / Location names, for references without display
  const seen = new Set<string>();
  const limit = Math.min(resources.length, MAX_BUNDLE_ENTRIES);
  if (resources.length > limit)
    warnings.push(`Bundle: only the first ${limit} of ${resources.length} entries read`);
  for (let i = 0; i < limit; i++) {
    const r = resources[i];
    if (!isRecord(r) || typeof r.resourceType !== 'string') {
      warnings.push(`resource ${i}: skipped, not a FHIR resource`);
      continue;
    }
    const type = r.resourceType;
    if (type === 'Organization' || type === 'Location') {
      const id = fhirId.safeParse(r.id);
      if (id.success && typeof r.name === 'string') names.set(`${type}/${id.data}`, r.name);
      continue;
    }
    if (!(type in SCHEMAS)) continue; // other resource types are not part of the chart context
    const result = SCHEMAS[type as KnownType].safeParse(r);
    if (!result.success) {
      warnings.push(`${label(r, type, i)}: skipped, ${describeIssues(result.error)}`);
      continue;
    }
    // The same resource can come twice (an _include, a page boundary that moved): keep it once.
    const key = `${type}/${result.data.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (parsed[type as KnownType] as unknown[]).push(result.data);
  }
  return { parsed, names };
}

/** Drops resources that belong to a different patient than the chart's (a bundle must never mix charts). */
function belongsTo(patientRef: string | undefined, subject: { reference?: string } | undefined): boolean {
  if (!patientRef || !subject?.reference) return true;
  const ref = referenceId(subject.reference);
  return !ref || !ref.startsWith('Patient/') || ref === patientRef;
}

function sortByDate<T>(items: T[], dateOf: (t: T) => string | undefined, newestFirst: boolean): T[] {
  const time = (t: T) => parseFhirDate(dateOf(t))?.toMillis();
  return items.sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta === undefined || tb === undefined) return ta === undefined ? (tb === undefined ? 0 : 1) : -1;
    return newestFirst ? tb - ta : ta - tb;
  });
}

export function chartFromResources(resources: unknown[], now: Date, warnings: string[] = []): ChartContext {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ChartInputError('now must be a valid Date');
  const { parsed, names } = parseResources(resources, warnings);
  const patient = parsed.Patient[0];
  if (!patient) warnings.push('Bundle: no valid Patient resource');
  if (parsed.Patient.length > 1) warnings.push('Bundle: more than one Patient; only the first is used');
  const patientRef = patient ? `Patient/${patient.id}` : undefined;
  const own = <T>(items: T[], subjectOf: (t: T) => { reference?: string } | undefined, type: string): T[] =>
    items.filter((item) => {
      const ok = belongsTo(patientRef, subjectOf(item));
      if (!ok) warnings.push(`${type}/${(item as { id: string }).id}: skipped, belongs to another patient`);
      return ok;
    });

  for (const p of parsed.Practitioner) {
    const display = practitionerDisplay(p.name);
    if (display) names.set(`Practitioner/${p.id}`, display);
  }
  const conditionNames = new Map<string, string>();
  const dispenses = new Map<string, FhirMedicationDispense[]>();
  for (const d of parsed.MedicationDispense) {
    for (const ref of d.authorizingPrescription ?? []) {
      const key = referenceId(ref.reference, 'MedicationRequest');
      if (key) dispenses.set(key, [...(dispenses.get(key) ?? []), d]);
    }
  }
  const displayOf = (ref: string | undefined) => (ref ? names.get(referenceId(ref) ?? ref) : undefined);
  const lookup: ChartLookup = {
    displayOf,
    medication: (ref) =>
      parsed.Medication.find((m) => `Medication/${m.id}` === referenceId(ref, 'Medication')),
    conditionName: (ref) => (ref ? conditionNames.get(referenceId(ref) ?? ref) : undefined),
    dispensesFor: (ref) => dispenses.get(ref) ?? [],
  };

  const conditions = own(parsed.Condition, (c) => c.subject, 'Condition');
  const problems = conditions.map((c) => mapCondition(c, warnings)).filter((p) => p !== undefined);
  for (const p of problems) conditionNames.set(p.source, p.name);
  const medications = own(parsed.MedicationRequest, (m) => m.subject, 'MedicationRequest')
    .map((m) => mapMedicationRequest(m, lookup, warnings))
    .filter((m) => m !== undefined);
  const allergies = own(parsed.AllergyIntolerance, (a) => a.patient, 'AllergyIntolerance')
    .map((a) => mapAllergy(a, warnings))
    .filter((a) => a !== undefined);
  const observationResources: FhirObservation[] = own(parsed.Observation, (o) => o.subject, 'Observation');
  const observations = sortByDate(
    observationResources.map((o) => mapObservation(o, warnings)).filter((o) => o !== undefined),
    (o) => o.date,
    true,
  );
  const appointments = sortByDate(
    parsed.Appointment.map((a) => mapAppointment(a, now, displayOf, warnings)).filter((a) => a !== undefined),
    (a) => a.start,
    false,
  );
  const careTeams: FhirCareTeam[] = own(parsed.CareTeam, (c) => c.subject, 'CareTeam');

  const summary = patient ? mapPatient(patient, now, warnings) : emptyPatient();
  const pregnancyAnswers = sortByDate(
    observationResources.filter((o) => isPregnantAnswer(o) !== undefined),
    (o) => o.effectiveDateTime ?? o.issued,
    true,
  );
  if (problems.some(isPregnancyProblem)) summary.pregnant = true;
  else if (pregnancyAnswers[0]) summary.pregnant = isPregnantAnswer(pregnancyAnswers[0]);

  return {
    patient: summary,
    problems,
    medications,
    allergies,
    observations,
    appointments,
    careTeam: mapCareTeam(patient?.generalPractitioner ?? [], careTeams, displayOf),
    warnings,
  };
}

/** Throws ChartInputError only when `bundle` is not a Bundle; bad resources inside become warnings. */
export function chartFromBundle(bundle: unknown, now: Date): ChartContext {
  const warnings: string[] = [];
  return chartFromResources(bundleResources(bundle, warnings), now, warnings);
}
