import { z } from 'zod';

const shortText = z.string().max(500);

/** Chart identifiers arrive from FHIR parsing elsewhere; checked here so a bad chart fails loudly. */
export const patientIdentifiersSchema = z.object({
  names: z.array(shortText).max(200),
  birthDate: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'birthDate must be YYYY-MM-DD')
    .optional(),
  recordNumbers: z.array(shortText).max(50).optional(),
  phones: z.array(shortText).max(50).optional(),
  emails: z.array(shortText).max(50).optional(),
  addresses: z.array(shortText).max(50).optional(),
  relatedNames: z.array(shortText).max(200).optional(),
});
