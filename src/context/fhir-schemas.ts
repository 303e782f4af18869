/**
 * zod schemas for the parts of FHIR R4 resources the chart reads. They are tolerant on purpose:
 * unknown fields are ignored and most fields are optional, so only a resource whose fields we use
 * have the wrong type is rejected (and then only that resource is skipped).
 */
import { z } from 'zod';

const str = z.string();
export const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'invalid FHIR id');

export const coding = z.object({ system: str.optional(), code: str.optional(), display: str.optional() });
export const codeableConcept = z.object({ coding: z.array(coding).optional(), text: str.optional() });
export const reference = z.object({ reference: str.optional(), display: str.optional() });
export const quantity = z.object({
  value: z.number().finite().optional(),
  unit: str.optional(),
  code: str.optional(),
  system: str.optional(),
});
export const period = z.object({ start: str.optional(), end: str.optional() });

export const extension = z.object({
  url: str,
  valueInteger: z.number().optional(),
  valueDecimal: z.number().optional(),
  valueDate: str.optional(),
  valueDateTime: str.optional(),
  valueString: str.optional(),
});

const resourceBase = {
  id: fhirId,
  extension: z.array(extension).optional(),
};

export const humanName = z.object({
  use: str.optional(),
  text: str.optional(),
  family: str.optional(),
  given: z.array(str).optional(),
  prefix: z.array(str).optional(),
  suffix: z.array(str).optional(),
});

export const contactPoint = z.object({ system: str.optional(), value: str.optional(), use: str.optional() });

export const address = z.object({
  text: str.optional(),
  line: z.array(str).optional(),
  city: str.optional(),
  state: str.optional(),
  postalCode: str.optional(),
  country: str.optional(),
});

export const identifier = z.object({
  type: codeableConcept.optional(),
  system: str.optional(),
  value: str.optional(),
});

export const patientSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Patient'),
  name: z.array(humanName).optional(),
  birthDate: str.optional(),
  gender: str.optional(),
  identifier: z.array(identifier).optional(),
  telecom: z.array(contactPoint).optional(),
  address: z.array(address).optional(),
  communication: z
    .array(z.object({ language: codeableConcept, preferred: z.boolean().optional() }))
    .optional(),
  generalPractitioner: z.array(reference).optional(),
  contact: z
    .array(z.object({ name: humanName.optional(), relationship: z.array(codeableConcept).optional() }))
    .optional(),
});

export const conditionSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Condition'),
  clinicalStatus: codeableConcept.optional(),
  verificationStatus: codeableConcept.optional(),
  code: codeableConcept.optional(),
  subject: reference.optional(),
  onsetDateTime: str.optional(),
  onsetString: str.optional(),
});

const dosage = z.object({
  text: str.optional(),
  patientInstruction: str.optional(),
  doseAndRate: z
    .array(
      z.object({
        doseQuantity: quantity.optional(),
        doseRange: z.object({ low: quantity.optional(), high: quantity.optional() }).optional(),
      }),
    )
    .optional(),
});

export const medicationRequestSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('MedicationRequest'),
  status: str.optional(),
  medicationCodeableConcept: codeableConcept.optional(),
  medicationReference: reference.optional(),
  subject: reference.optional(),
  requester: reference.optional(),
  reasonReference: z.array(reference).optional(),
  reasonCode: z.array(codeableConcept).optional(),
  dosageInstruction: z.array(dosage).optional(),
  dispenseRequest: z
    .object({
      validityPeriod: period.optional(),
      numberOfRepeatsAllowed: z.number().int().nonnegative().optional(),
      quantity: quantity.optional(),
      expectedSupplyDuration: quantity.optional(),
    })
    .optional(),
});

export const medicationSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Medication'),
  code: codeableConcept.optional(),
});

export const medicationDispenseSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('MedicationDispense'),
  status: str.optional(),
  authorizingPrescription: z.array(reference).optional(),
  whenHandedOver: str.optional(),
});

export const allergySchema = z.object({
  ...resourceBase,
  resourceType: z.literal('AllergyIntolerance'),
  clinicalStatus: codeableConcept.optional(),
  verificationStatus: codeableConcept.optional(),
  code: codeableConcept.optional(),
  criticality: str.optional(),
  patient: reference.optional(),
  reaction: z
    .array(z.object({ manifestation: z.array(codeableConcept).optional(), severity: str.optional() }))
    .optional(),
});

const referenceRange = z.object({
  low: quantity.optional(),
  high: quantity.optional(),
  text: str.optional(),
});

const observationValue = {
  valueQuantity: quantity.optional(),
  valueString: str.optional(),
  valueCodeableConcept: codeableConcept.optional(),
  interpretation: z.array(codeableConcept).optional(),
  referenceRange: z.array(referenceRange).optional(),
};

export const observationSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Observation'),
  status: str.optional(),
  category: z.array(codeableConcept).optional(),
  code: codeableConcept,
  subject: reference.optional(),
  effectiveDateTime: str.optional(),
  effectivePeriod: period.optional(),
  issued: str.optional(),
  ...observationValue,
  component: z.array(z.object({ code: codeableConcept, ...observationValue })).optional(),
});

export const appointmentSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Appointment'),
  status: str,
  start: str.optional(),
  description: str.optional(),
  serviceType: z.array(codeableConcept).optional(),
  appointmentType: codeableConcept.optional(),
  participant: z.array(z.object({ actor: reference.optional() })).optional(),
});

export const careTeamSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('CareTeam'),
  status: str.optional(),
  subject: reference.optional(),
  participant: z
    .array(z.object({ member: reference.optional(), role: z.array(codeableConcept).optional() }))
    .optional(),
});

export const practitionerSchema = z.object({
  ...resourceBase,
  resourceType: z.literal('Practitioner'),
  name: z.array(humanName).optional(),
});

export type FhirPatient = z.infer<typeof patientSchema>;
export type FhirCondition = z.infer<typeof conditionSchema>;
export type FhirMedicationRequest = z.infer<typeof medicationRequestSchema>;
export type FhirMedication = z.infer<typeof medicationSchema>;
export type FhirMedicationDispense = z.infer<typeof medicationDispenseSchema>;
export type FhirAllergy = z.infer<typeof allergySchema>;
export type FhirObservation = z.infer<typeof observationSchema>;
export type FhirAppointment = z.infer<typeof appointmentSchema>;
export type FhirCareTeam = z.infer<typeof careTeamSchema>;
export type FhirPractitioner = z.infer<typeof practitionerSchema>;
export type CodeableConcept = z.infer<typeof codeableConcept>;
export type HumanName = z.infer<typeof humanName>;
export type Reference = z.infer<typeof reference>;

/** Summarises a zod failure as field paths only: the offending values may be PHI. */
export function describeIssues(error: z.ZodError): string {
  const paths = error.issues.slice(0, 3).map((i) => (i.path.length ? i.path.join('.') : '(resource)'));
  return `invalid ${[...new Set(paths)].join(', ')}`;
}
