/** The small slice of FHIR R4 shapes shared by the sandbox server and the portal client. */

export interface FhirMeta {
  versionId?: string;
  lastUpdated?: string;
  [key: string]: unknown;
}

export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: FhirMeta;
  [key: string]: unknown;
}

export interface FhirReference {
  reference?: string;
  display?: string;
  identifier?: { system?: string; value?: string };
  [key: string]: unknown;
}

export interface BundleLink {
  relation: string;
  url: string;
}

export interface BundleEntry<T extends FhirResource = FhirResource> {
  fullUrl?: string;
  resource?: T;
  search?: { mode?: 'match' | 'include' | 'outcome' };
}

export interface Bundle<T extends FhirResource = FhirResource> extends FhirResource {
  resourceType: 'Bundle';
  type: string;
  total?: number;
  link?: BundleLink[];
  entry?: BundleEntry<T>[];
}

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome extends FhirResource {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** Resource types the sandbox portal serves. */
export const SANDBOX_RESOURCE_TYPES = [
  'Patient',
  'Condition',
  'MedicationRequest',
  'AllergyIntolerance',
  'Observation',
  'Appointment',
  'Communication',
  'Practitioner',
  'Organization',
  'CareTeam',
  'Location',
] as const;
export type SandboxResourceType = (typeof SANDBOX_RESOURCE_TYPES)[number];

export function isSandboxResourceType(value: string): value is SandboxResourceType {
  return (SANDBOX_RESOURCE_TYPES as readonly string[]).includes(value);
}

/** FHIR id syntax: 1-64 of [A-Za-z0-9-.]. */
export const FHIR_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * "Patient/123" from "Patient/123", "http://host/fhir/R4/Patient/123" or
 * "Patient/123/_history/2"; undefined for contained ("#x") or other shapes.
 */
export function relativeReference(reference: string): string | undefined {
  const withoutHistory = reference.replace(/\/_history\/[^/]+$/, '');
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(withoutHistory);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
