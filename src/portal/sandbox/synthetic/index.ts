/** The project's own synthetic clinic: deterministic FHIR R4 charts and patient messages for the sandbox, demo and tests. */
export {
  generateClinic,
  generatePatient,
  patientBundle,
  allResources,
  MAX_SYNTHETIC_PATIENTS,
  type SyntheticClinic,
  type SyntheticPatient,
  type ClinicOptions,
} from './clinic';
export {
  generateMessages,
  MAX_SYNTHETIC_MESSAGES,
  type SyntheticMessage,
  type IntendedTriage,
  type MessageOptions,
} from './messages';
export { SCENARIOS, type Scenario } from './message-scenarios';
export type { FhirBundle, FhirResource, FhirCommunication } from './fhir-types';
export { patientMessage } from './patient-message';
export { CLINIC_NAME, ORGANIZATION_ID, LOCATION_ID, STAFF, staffDisplay } from './staff';
export { MRN_SYSTEM } from './patient-demographics';
export { Rng } from './prng';
