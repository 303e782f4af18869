/** Triage: pure, deterministic urgency and category for a patient message (see RUBRIC). */
export { classify } from './classify';
export * from './types';
