/** Chart context: a patient's chart from FHIR, and the part of it a message needs. */
export { chartFromBundle, chartFromResources, ChartInputError, MAX_BUNDLE_ENTRIES } from './from-bundle';
export {
  fetchChart,
  isTransientChartError,
  chartErrorKind,
  type ChartPortal,
  type ChartReadOptions,
} from './fhir-fetch';
export { selectRelevant } from './select';
export { toTriageFacts, knownIdentifiers, type KnownIdentifiers } from './facts';
export { medicineBaseName, namesForMedicine, OTHER_NAMES_TO_GENERIC } from './medicine-names';
export {
  READING_GRADE_EXTENSION_URL,
  LAST_FILL_EXTENSION_URL,
  REFILLS_USED_EXTENSION_URL,
} from './extensions';
export { toIso6391 } from './language';
export type * from './types';
