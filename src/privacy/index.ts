export type { IdentifierSpan, IdentifierType, PatientIdentifiers, Pseudonymizer } from './types';
export { detectIdentifiers, MAX_TEXT_CHARS } from './detect-identifiers';
export { createPseudonymizer } from './pseudonymizer';
export { redactForLog, LOG_REDACT_PATHS } from './log-redaction';
