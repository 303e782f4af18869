/** Small hand-written FHIR resources for the chart tests (fictional people, 555 numbers, example.org). */

export const NOW = new Date('2026-03-15T15:00:00Z');

export type Json = Record<string, unknown>;

export function bundle(resources: unknown[], type = 'searchset'): Json {
  return { resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) };
}

export function patient(extra: Json = {}): Json {
  return {
    resourceType: 'Patient',
    id: 'p1',
    name: [
      { use: 'official', family: 'Quintero', given: ['Rosalind', 'Mae'] },
      { use: 'nickname', given: ['Roz'] },
      { use: 'maiden', family: 'Albright', given: ['Rosalind'] },
    ],
    birthDate: '1961-07-04',
    gender: 'female',
    identifier: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        value: 'MRN-7731',
      },
      { type: { coding: [{ code: 'MB' }], text: 'Member id' }, value: 'ZX-990011' },
    ],
    telecom: [
      { system: 'phone', value: '(217) 555-0142' },
      { system: 'email', value: 'roz.q@example.org' },
      { system: 'url', value: 'https://example.org/roz' },
    ],
    address: [{ line: ['41 Birch Ct', 'Apt 2'], city: 'Riverton', state: 'IL', postalCode: '62561' }],
    communication: [
      { language: { coding: [{ code: 'en-US' }] } },
      { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-MX' }] }, preferred: true },
    ],
    generalPractitioner: [{ reference: 'Practitioner/dr1' }],
    ...extra,
  };
}

export const practitioner = {
  resourceType: 'Practitioner',
  id: 'dr1',
  name: [{ family: 'Okonjo', given: ['Tendai'], prefix: ['Dr.'] }],
};

export function condition(id: string, text: string, extra: Json = {}): Json {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ code: 'active' }] },
    verificationStatus: { coding: [{ code: 'confirmed' }] },
    code: { text },
    subject: { reference: 'Patient/p1' },
    ...extra,
  };
}

export function medRequest(id: string, text: string, extra: Json = {}): Json {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text },
    subject: { reference: 'Patient/p1' },
    ...extra,
  };
}

export function lab(
  id: string,
  code: string,
  name: string,
  value: number,
  date: string,
  extra: Json = {},
): Json {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code, display: name }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    valueQuantity: { value, unit: 'mmol/L' },
    ...extra,
  };
}
