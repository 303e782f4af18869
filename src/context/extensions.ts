/**
 * FHIR extensions this project defines. The base lives under example.org because the project owns no
 * domain; a clinic mapping its EHR only needs these URLs. The synthetic clinic writes them and the
 * chart reader reads them.
 */
const BASE = 'http://inbox-assistant.example.org/fhir/StructureDefinition';

/** Patient: the reading grade the patient asked replies to be written at (valueInteger or valueDecimal, 1-16). */
export const READING_GRADE_EXTENSION_URL = `${BASE}/preferred-reading-grade`;

/** MedicationRequest: the date the pharmacy last dispensed it (valueDate or valueDateTime). */
export const LAST_FILL_EXTENSION_URL = `${BASE}/last-fill-date`;

/** MedicationRequest: how many of the allowed repeats have been dispensed so far (valueInteger). */
export const REFILLS_USED_EXTENSION_URL = `${BASE}/refills-used`;
