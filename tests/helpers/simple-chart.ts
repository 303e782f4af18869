/**
 * The "simple chart" that blind evaluation batches are written in (by people who never saw the code),
 * and its conversion to the FHIR R4 Bundle a portal would serve, so the product reads it through its
 * own chart reader (src/context chartFromBundle). Nothing is invented: a field the writer left out is
 * left out of the Bundle too (a missing status alone defaults: active medicine, booked visit).
 * Statuses keep their meaning in FHIR codes ("discontinued" → stopped; an unknown word is an error),
 * and the reader decides what a stopped medicine or a past visit means. Pharmacies go to
 * dispenseRequest.performer, which the chart reader does not read yet.
 */
import { z } from 'zod';
import { LAST_FILL_EXTENSION_URL, REFILLS_USED_EXTENSION_URL, toIso6391 } from '../../src/context';

/** Writers leave fields empty in many ways: null, "", or not at all. All mean "not recorded". */
const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const text = z.preprocess(blank, z.string().trim().optional());
const isNumeric = (v: string) => /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(v);
/** A number, also when written as a string ("12.4"). */
const num = z.preprocess(
  (v) => (typeof v === 'string' && isNumeric(v) ? Number(v) : blank(v)),
  z.number().finite().optional(),
);
const count = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : blank(v)),
  z.number().int().nonnegative().optional(),
);
const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess(blank, z.array(item).default([]));

/** "written=fhir" pairs (a bare word is its own FHIR code) → a lookup of what writers may put. */
function table(spec: string): Record<string, string> {
  return Object.fromEntries(
    spec.split(',').map((pair) => {
      const [written, code] = pair.split('=').map((p) => p.trim());
      return [written, code ?? written];
    }),
  );
}
const MED_STATUS = table(
  'active, on-hold, on hold=on-hold, held=on-hold, paused=on-hold, cancelled, canceled=cancelled, completed, ' +
    'finished=completed, stopped, discontinued=stopped, inactive=stopped, entered-in-error, draft',
);
const VISIT_STATUS = table(
  'booked, scheduled=booked, confirmed=booked, pending, proposed, arrived, checked-in, fulfilled, ' +
    'completed=fulfilled, done=fulfilled, cancelled, canceled=cancelled, noshow, no-show=noshow, ' +
    'no show=noshow, waitlist, entered-in-error',
);
const SEX = table('female, f=female, male, m=male, other, unknown');

/** A status or sex as written ("Discontinued", "no-show"), checked against its table and mapped to FHIR. */
const coded = (codes: Record<string, string>, fallback?: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : blank(v)),
      z
        .string()
        .refine((v) => Object.hasOwn(codes, v), { message: `not one of: ${Object.keys(codes).join(', ')}` })
        .optional(),
    )
    .transform((v) => (v === undefined ? fallback : codes[v]));

export const simpleChartSchema = z.object({
  patient: z.preprocess(
    blank,
    z
      .object({
        given: text,
        family: text,
        birthDate: text,
        sex: coded(SEX),
        language: text,
        phone: text,
      })
      .prefault({}),
  ),
  conditions: list(z.object({ name: z.string().trim().min(1), onset: text })),
  medications: list(
    z.object({
      name: z.string().trim().min(1),
      dose: text,
      // A medicine listed without a status is taken as one the patient takes now.
      status: coded(MED_STATUS, 'active'),
      refillsLeft: count,
      lastFilled: text,
      daysSupply: num,
      pharmacy: text,
    }),
  ),
  allergies: list(z.object({ substance: z.string().trim().min(1), reaction: text })),
  results: list(
    z.object({
      name: z.string().trim().min(1),
      // A number ("12.4" too) becomes a quantity; words ("no growth", "negative") stay words.
      value: z.preprocess(
        (v) => (typeof v === 'string' && isNumeric(v) ? Number(v) : blank(v)),
        z.union([z.number().finite(), z.string()]).optional(),
      ),
      unit: text,
      low: num,
      high: num,
      date: text,
    }),
  ),
  appointments: list(
    z.object({
      start: z.string().trim().min(1),
      type: text,
      practitioner: text,
      // A visit listed without a status is taken as booked.
      status: coded(VISIT_STATUS, 'booked'),
    }),
  ),
});

export type SimpleChart = z.infer<typeof simpleChartSchema>;
type Json = Record<string, unknown>;

/** Parses a simple chart; throws an Error naming the first bad field's path (never its value). */
export function parseSimpleChart(value: unknown): SimpleChart {
  const parsed = simpleChartSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`chart.${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/';
const status = (system: string, code: string) => ({ coding: [{ system: `${CLINICAL}${system}`, code }] });
const compact = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)),
  );

function patientResource(p: SimpleChart['patient'], id: string): Json {
  const lang = p.language ? (toIso6391(p.language) ?? p.language) : undefined;
  return compact({
    resourceType: 'Patient',
    id,
    name:
      p.given || p.family
        ? [compact({ use: 'official', family: p.family, given: p.given ? [p.given] : undefined })]
        : undefined,
    birthDate: p.birthDate,
    gender: p.sex,
    telecom: p.phone ? [{ system: 'phone', value: p.phone, use: 'mobile' }] : undefined,
    communication: lang
      ? [
          {
            language: { coding: [{ system: 'urn:ietf:bcp:47', code: lang }], text: p.language },
            preferred: true,
          },
        ]
      : undefined,
  });
}

function medicationResource(m: SimpleChart['medications'][number], id: string, subject: Json): Json {
  const extension = [
    ...(m.refillsLeft !== undefined ? [{ url: REFILLS_USED_EXTENSION_URL, valueInteger: 0 }] : []),
    ...(m.lastFilled ? [{ url: LAST_FILL_EXTENSION_URL, valueDate: m.lastFilled }] : []),
  ];
  const dispenseRequest = compact({
    // Refills left as written: that many repeats allowed, none used yet.
    numberOfRepeatsAllowed: m.refillsLeft,
    expectedSupplyDuration:
      m.daysSupply !== undefined
        ? { value: m.daysSupply, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }
        : undefined,
    performer: m.pharmacy ? { display: m.pharmacy } : undefined,
  });
  return compact({
    resourceType: 'MedicationRequest',
    id,
    extension,
    status: m.status,
    intent: 'order',
    medicationCodeableConcept: { text: m.name },
    subject,
    dosageInstruction: m.dose ? [{ text: m.dose }] : undefined,
    dispenseRequest: Object.keys(dispenseRequest).length ? dispenseRequest : undefined,
  });
}

function resultResource(r: SimpleChart['results'][number], id: string, subject: Json): Json {
  const numeric = typeof r.value === 'number';
  const range = compact({
    low: r.low !== undefined ? compact({ value: r.low, unit: r.unit }) : undefined,
    high: r.high !== undefined ? compact({ value: r.high, unit: r.unit }) : undefined,
  });
  return compact({
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: `${CLINICAL}observation-category`, code: 'laboratory' }] }],
    code: { text: r.name },
    subject,
    effectiveDateTime: r.date,
    valueQuantity: numeric ? compact({ value: r.value, unit: r.unit }) : undefined,
    valueString: !numeric && r.value !== undefined ? String(r.value) : undefined,
    referenceRange: Object.keys(range).length ? [range] : undefined,
  });
}

function visitResources(a: SimpleChart['appointments'][number], id: string, patient: Json): Json[] {
  const practitionerId = `${id}-practitioner`;
  const participant = [
    { actor: patient, status: 'accepted' },
    ...(a.practitioner
      ? [
          {
            actor: { reference: `Practitioner/${practitionerId}`, display: a.practitioner },
            status: 'accepted',
          },
        ]
      : []),
  ];
  const appointment = compact({
    resourceType: 'Appointment',
    id,
    status: a.status,
    serviceType: a.type ? [{ text: a.type }] : undefined,
    description: a.type,
    start: a.start,
    participant,
  });
  const practitioner = { resourceType: 'Practitioner', id: practitionerId, name: [{ text: a.practitioner }] };
  return a.practitioner ? [appointment, practitioner] : [appointment];
}

/** A FHIR R4 collection Bundle holding the chart; `patientId` must be a valid FHIR id. */
export function simpleChartToBundle(input: SimpleChart | unknown, patientId = 'patient-1'): Json {
  const chart = parseSimpleChart(input);
  if (!/^[A-Za-z0-9\-.]{1,40}$/.test(patientId)) throw new Error('patientId is not a usable FHIR id');
  const subject = { reference: `Patient/${patientId}` };
  const resources: Json[] = [patientResource(chart.patient, patientId)];
  chart.conditions.forEach((c, i) =>
    resources.push(
      compact({
        resourceType: 'Condition',
        id: `${patientId}-condition-${i + 1}`,
        clinicalStatus: status('condition-clinical', 'active'),
        verificationStatus: status('condition-ver-status', 'confirmed'),
        code: { text: c.name },
        subject,
        onsetDateTime: c.onset,
      }),
    ),
  );
  chart.medications.forEach((m, i) =>
    resources.push(medicationResource(m, `${patientId}-medication-${i + 1}`, subject)),
  );
  chart.allergies.forEach((a, i) =>
    resources.push(
      compact({
        resourceType: 'AllergyIntolerance',
        id: `${patientId}-allergy-${i + 1}`,
        clinicalStatus: status('allergyintolerance-clinical', 'active'),
        verificationStatus: status('allergyintolerance-verification', 'confirmed'),
        code: { text: a.substance },
        patient: subject,
        reaction: a.reaction ? [{ manifestation: [{ text: a.reaction }] }] : undefined,
      }),
    ),
  );
  chart.results.forEach((r, i) => resources.push(resultResource(r, `${patientId}-result-${i + 1}`, subject)));
  chart.appointments.forEach((a, i) =>
    resources.push(...visitResources(a, `${patientId}-visit-${i + 1}`, subject)),
  );
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  };
}

/** A FHIR id for a batch line's patient, from its id ("d01-004" → "d01-004"; other ids are cleaned). */
export function patientIdFor(lineId: string): string {
  const cleaned = lineId.replace(/[^A-Za-z0-9\-.]+/g, '-').slice(0, 32);
  return `pt-${cleaned || 'x'}`;
}
