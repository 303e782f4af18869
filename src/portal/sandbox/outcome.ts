import type { OperationOutcome, OperationOutcomeIssue } from '../fhir-types';

/** An error a sandbox handler throws to answer with a FHIR OperationOutcome. */
export class FhirServerError extends Error {
  override name = 'FhirServerError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly diagnostics: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(diagnostics);
  }
}

export function operationOutcome(
  code: string,
  diagnostics: string,
  severity: OperationOutcomeIssue['severity'] = 'error',
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

export const badRequest = (diagnostics: string) => new FhirServerError(400, 'invalid', diagnostics);
export const notFound = (diagnostics: string) => new FhirServerError(404, 'not-found', diagnostics);
