/**
 * The synthetic clinic: a few hundred fictional patients with coherent FHIR R4 charts, identical for the
 * same seed and reference date. Patient i depends only on (seed, i, now), so a smaller clinic is a prefix
 * of a larger one.
 */
import { DateTime } from 'luxon';
import type { FhirBundle, FhirResource } from './fhir-types';
import { buildChart, type ChartPlan } from './patient-chart';
import { makeDemographics, patientResource, type Demographics } from './patient-demographics';
import { buildObservations, type PlannedResult } from './patient-observations';
import { buildVisits, type PlannedVisit } from './patient-visits';
import { Rng } from './prng';
import { clinicResources } from './staff';

export interface SyntheticPatient {
  id: string;
  demographics: Demographics;
  chart: ChartPlan;
  results: PlannedResult[];
  visits: PlannedVisit[];
  /** Patient first, then its Conditions, AllergyIntolerances, MedicationRequests, Observations, Appointments, CareTeam. */
  resources: FhirResource[];
}

export interface SyntheticClinic {
  seed: number;
  /** Reference date of the charts (ISO); results are before it, upcoming appointments after it. */
  now: string;
  /** Organization, Location and Practitioners. */
  staffResources: FhirResource[];
  patients: SyntheticPatient[];
}

export interface ClinicOptions {
  seed: number;
  /** How many patients; default 300. */
  patients?: number;
  /** Reference date; default the start of today (UTC), so a demo's appointments are always upcoming. */
  now?: Date;
}

export const MAX_SYNTHETIC_PATIENTS = 100_000;

export function generatePatient(seed: number, index: number, now: DateTime): SyntheticPatient {
  const rng = Rng.derive(seed, `patient-${index}`);
  const id = `pat-${String(index + 1).padStart(4, '0')}`;
  const demographics = makeDemographics(rng, index, now);
  const chart = buildChart(rng, id, demographics, now);
  const observations = buildObservations(rng, id, demographics, chart.plan, now);
  const visits = buildVisits(rng, id, demographics, chart.plan, now);
  return {
    id,
    demographics,
    chart: chart.plan,
    results: observations.results,
    visits: visits.visits,
    resources: [
      patientResource(id, demographics),
      ...chart.resources,
      ...observations.resources,
      ...visits.resources,
    ],
  };
}

export function generateClinic(options: ClinicOptions): SyntheticClinic {
  const count = options.patients ?? 300;
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_PATIENTS) {
    throw new RangeError(`patients must be an integer from 0 to ${MAX_SYNTHETIC_PATIENTS}`);
  }
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number');
  const now = DateTime.fromJSDate(options.now ?? new Date(), { zone: 'utc' }).startOf('day');
  if (!now.isValid) throw new RangeError('now must be a valid date');
  const patients = Array.from({ length: count }, (_, i) => generatePatient(options.seed, i, now));
  return { seed: options.seed, now: now.toISO()!, staffResources: clinicResources(), patients };
}

/** Every resource of the clinic, staff first: what a FHIR server is seeded with. */
export function allResources(clinic: SyntheticClinic): FhirResource[] {
  return [...clinic.staffResources, ...clinic.patients.flatMap((p) => p.resources)];
}

/** One patient's chart as a Bundle (with the clinic's staff it references), as an EHR export would give it. */
export function patientBundle(
  clinic: SyntheticClinic,
  patientId: string,
  type: FhirBundle['type'] = 'collection',
): FhirBundle {
  const patient = clinic.patients.find((p) => p.id === patientId);
  if (!patient) throw new RangeError(`no synthetic patient ${patientId}`);
  const referenced = JSON.stringify(patient.resources);
  const staff = clinic.staffResources.filter((r) => referenced.includes(`"${r.resourceType}/${r.id}"`));
  const entries = [...patient.resources, ...staff].map((resource) => ({
    fullUrl: `urn:uuid:${resource.resourceType}-${resource.id}`,
    resource,
  }));
  return { resourceType: 'Bundle', type, entry: entries };
}
