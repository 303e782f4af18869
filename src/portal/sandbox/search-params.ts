import { relativeReference, type FhirReference, type FhirResource } from '../fhir-types';

/**
 * Which search parameters each resource type answers, and where each looks in the resource.
 * Reference parameters may carry an implied target type ("patient=123" means Patient/123).
 */
type RefGetter = (r: FhirResource) => unknown;

export interface ReferenceParam {
  kind: 'reference';
  targetType?: string;
  get: RefGetter;
}
export interface TokenParam {
  kind: 'token';
  get: (r: FhirResource) => { system?: string; value?: string }[];
}
export type SearchParamDef = ReferenceParam | TokenParam;

const field = (name: string) => (r: FhirResource) => r[name];
const participantActors = (r: FhirResource) =>
  Array.isArray(r.participant) ? r.participant.map((p: { actor?: unknown }) => p?.actor) : [];

const identifierParam: TokenParam = {
  kind: 'token',
  get: (r) => (Array.isArray(r.identifier) ? r.identifier : []).filter((i) => i && typeof i === 'object'),
};
const statusParam: TokenParam = {
  kind: 'token',
  get: (r) => (typeof r.status === 'string' ? [{ value: r.status }] : []),
};
const subjectAsPatient: ReferenceParam = { kind: 'reference', targetType: 'Patient', get: field('subject') };
const subject: ReferenceParam = { kind: 'reference', get: field('subject') };

const common = { identifier: identifierParam };
const withSubject = { ...common, status: statusParam, patient: subjectAsPatient, subject };

export const SEARCH_PARAMS: Record<string, Record<string, SearchParamDef>> = {
  Patient: { ...common },
  Practitioner: { ...common },
  Organization: { ...common },
  Location: { ...common },
  Condition: { ...common, patient: subjectAsPatient, subject },
  Observation: withSubject,
  MedicationRequest: withSubject,
  CareTeam: withSubject,
  AllergyIntolerance: {
    ...common,
    patient: { kind: 'reference', targetType: 'Patient', get: field('patient') },
  },
  Appointment: {
    ...common,
    status: statusParam,
    patient: { kind: 'reference', targetType: 'Patient', get: participantActors },
    actor: { kind: 'reference', get: participantActors },
  },
  Communication: {
    ...withSubject,
    sender: { kind: 'reference', get: field('sender') },
    recipient: { kind: 'reference', get: field('recipient') },
    'part-of': { kind: 'reference', get: field('partOf') },
  },
};

function referencesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (v && typeof v === 'object' ? (v as FhirReference).reference : undefined))
    .filter((ref): ref is string => typeof ref === 'string')
    .map((ref) => relativeReference(ref))
    .filter((ref): ref is string => ref !== undefined);
}

/** Normalizes a search value to "Type/id" or, for an untyped bare id, "/id" (matches any type). */
export function normalizeReferenceValue(value: string, targetType?: string): string | undefined {
  const relative = relativeReference(value);
  if (relative) return targetType && !relative.startsWith(`${targetType}/`) ? undefined : relative;
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) return targetType ? `${targetType}/${value}` : `/${value}`;
  return undefined;
}

export function matchesReference(def: ReferenceParam, resource: FhirResource, wanted: string[]): boolean {
  const refs = referencesOf(def.get(resource));
  return refs.some((ref) => wanted.some((w) => (w.startsWith('/') ? ref.endsWith(w) : ref === w)));
}

export interface TokenValue {
  system?: string;
  value?: string;
}

/** "system|value", "|value" (no system), "value" (any system), "system|" (any value). */
export function parseToken(raw: string): TokenValue {
  const bar = raw.indexOf('|');
  if (bar < 0) return { value: raw };
  const system = raw.slice(0, bar);
  const value = raw.slice(bar + 1);
  return { system: system === '' ? '' : system, value: value === '' ? undefined : value };
}

export function matchesToken(def: TokenParam, resource: FhirResource, wanted: TokenValue[]): boolean {
  const have = def.get(resource);
  return wanted.some((w) =>
    have.some((h) => {
      if (w.value !== undefined && h.value !== w.value) return false;
      if (w.system === '') return h.system === undefined;
      if (w.system !== undefined && h.system !== w.system) return false;
      return true;
    }),
  );
}
