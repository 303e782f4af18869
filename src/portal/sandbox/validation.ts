import { z } from 'zod';
import { FHIR_ID_PATTERN, isSandboxResourceType, relativeReference } from '../fhir-types';
import type { FhirStore } from './store';

/**
 * Just enough of FHIR R4's rules that a client bug shows up here as a 400, the way a real portal
 * answers: required elements, value sets the pipeline relies on, and references to resources this
 * server holds must point at ones that exist. Unknown elements pass through untouched.
 */
const MAX_TEXT = 100_000;
const text = z.string().min(1).max(MAX_TEXT);
const reference = z.looseObject({
  reference: z
    .string()
    .max(2048)
    .refine((r) => r.startsWith('#') || relativeReference(r) !== undefined || /^urn:(uuid|oid):/.test(r), {
      message: 'must be a reference like Type/id',
    })
    .optional(),
  display: z.string().max(1000).optional(),
});
const identifier = z.looseObject({
  system: z.string().max(2048).optional(),
  value: z.string().max(1000).optional(),
});
const codeableConcept = z.looseObject({
  text: z.string().max(MAX_TEXT).optional(),
  coding: z.array(z.looseObject({})).optional(),
});
const dateTime = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/,
    'must be a FHIR dateTime',
  );

const base = {
  id: z.string().regex(FHIR_ID_PATTERN).optional(),
  meta: z.looseObject({}).optional(),
  identifier: z.array(identifier).max(50).optional(),
};

const communicationPayload = z
  .looseObject({
    contentString: text.optional(),
    contentAttachment: z.looseObject({}).optional(),
    contentReference: reference.optional(),
  })
  .refine(
    (p) =>
      [p.contentString, p.contentAttachment, p.contentReference].filter((x) => x !== undefined).length === 1,
    {
      message: 'each payload needs exactly one of contentString, contentAttachment, contentReference',
    },
  );

const EVENT_STATUS = [
  'preparation',
  'in-progress',
  'not-done',
  'on-hold',
  'stopped',
  'completed',
  'entered-in-error',
  'unknown',
];

const schemas: Record<string, z.ZodType> = {
  Patient: z.looseObject({
    ...base,
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
    birthDate: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a FHIR date')
      .optional(),
    name: z.array(z.looseObject({})).max(20).optional(),
  }),
  Practitioner: z.looseObject({ ...base }),
  Organization: z.looseObject({ ...base }),
  Location: z.looseObject({ ...base }),
  Condition: z.looseObject({ ...base, subject: reference, code: codeableConcept.optional() }),
  Observation: z.looseObject({
    ...base,
    status: z.enum([
      'registered',
      'preliminary',
      'final',
      'amended',
      'corrected',
      'cancelled',
      'entered-in-error',
      'unknown',
    ]),
    code: codeableConcept,
    subject: reference.optional(),
  }),
  MedicationRequest: z.looseObject({
    ...base,
    status: z.enum([
      'active',
      'on-hold',
      'cancelled',
      'completed',
      'entered-in-error',
      'stopped',
      'draft',
      'unknown',
    ]),
    intent: z.string().min(1).max(64),
    subject: reference,
  }),
  AllergyIntolerance: z.looseObject({ ...base, patient: reference }),
  Appointment: z.looseObject({
    ...base,
    status: z.string().min(1).max(64),
    participant: z
      .array(z.looseObject({ actor: reference.optional() }))
      .min(1)
      .max(100),
    start: z.iso.datetime({ offset: true }).optional(),
  }),
  CareTeam: z.looseObject({ ...base, subject: reference.optional() }),
  Communication: z.looseObject({
    ...base,
    status: z.enum(EVENT_STATUS as [string, ...string[]]),
    payload: z.array(communicationPayload).min(1).max(20),
    subject: reference.optional(),
    sender: reference.optional(),
    recipient: z.array(reference).max(50).optional(),
    inResponseTo: z.array(reference).max(50).optional(),
    partOf: z.array(reference).max(50).optional(),
    sent: dateTime.optional(),
    received: dateTime.optional(),
  }),
};

export interface ValidationIssue {
  path: string;
  message: string;
}

function collectReferences(value: unknown, out: string[], depth = 0): void {
  if (depth > 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, out, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') out.push(v);
    else collectReferences(v, out, depth + 1);
  }
}

const MAX_DEPTH = 32;

/**
 * True when JSON nests deeper than `max`. Checked without recursion, because a hostile body
 * nested 100,000 deep would otherwise overflow the stack when the resource is later serialized.
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Issues with `resource` as a `type` the client wants to create; empty when it is acceptable. */
export function validateResource(type: string, resource: unknown, store: FhirStore): ValidationIssue[] {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) {
    return [{ path: '', message: 'body must be a FHIR resource (a JSON object)' }];
  }
  if (nestsDeeperThan(resource))
    return [{ path: '', message: `resource nests deeper than ${MAX_DEPTH} levels` }];
  const declared = (resource as { resourceType?: unknown }).resourceType;
  if (declared !== type) return [{ path: 'resourceType', message: `must be ${type} to match the URL` }];
  const schema = schemas[type];
  const parsed = schema.safeParse(resource);
  if (!parsed.success) {
    return parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  const refs: string[] = [];
  collectReferences(resource, refs);
  const missing = refs
    .map((r) => relativeReference(r))
    .filter((r): r is string => r !== undefined && isSandboxResourceType(r.split('/')[0]) && !store.has(r));
  return missing
    .slice(0, 10)
    .map((r) => ({ path: 'reference', message: `${r} does not exist on this server` }));
}
