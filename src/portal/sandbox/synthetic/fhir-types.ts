/** The shapes the generator writes: plain FHIR R4 JSON, typed just enough to build it safely. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection' | 'searchset' | 'transaction';
  entry: { fullUrl?: string; resource: FhirResource }[];
}

export interface FhirCommunication extends FhirResource {
  resourceType: 'Communication';
  status: 'completed';
  subject: { reference: string };
  sender: { reference: string };
  recipient: { reference: string; display?: string }[];
  sent: string;
  payload: { contentString: string }[];
  topic?: { text: string };
}

export const SNOMED = 'http://snomed.info/sct';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
export const LOINC = 'http://loinc.org';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const UCUM = 'http://unitsofmeasure.org';
