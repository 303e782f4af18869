/**
 * Typed errors of the portal client. Messages name the operation, the resource type and the HTTP
 * status, never URLs, search values or response text, so they are safe to log (no PHI).
 */
export class FhirClientError extends Error {
  override name = 'FhirClientError';
  /** Worth trying again later (portal down, slow, rate-limiting). */
  readonly retryable: boolean = false;
}

export class FhirHttpError extends FhirClientError {
  override name = 'FhirHttpError';
  override readonly retryable: boolean;
  constructor(
    readonly operation: string,
    readonly status: number,
    /** OperationOutcome issue codes, e.g. ['not-found']; free-text diagnostics are left out. */
    readonly issueCodes: string[],
    readonly attempts: number,
  ) {
    super(
      `FHIR ${operation} failed: HTTP ${status}${issueCodes.length ? ` (${issueCodes.join(', ')})` : ''}` +
        (attempts > 1 ? ` after ${attempts} attempts` : ''),
    );
    this.retryable = status >= 500 || status === 429 || status === 408;
  }
}

export class FhirNetworkError extends FhirClientError {
  override name = 'FhirNetworkError';
  override readonly retryable = true;
  constructor(
    readonly operation: string,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`FHIR ${operation} failed: network error after ${attempts} attempt(s)`, options);
  }
}

export class FhirTimeoutError extends FhirClientError {
  override name = 'FhirTimeoutError';
  override readonly retryable = true;
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    super(`FHIR ${operation} timed out after ${timeoutMs} ms (${attempts} attempt(s))`);
  }
}

/** The portal answered 2xx with something that is not the FHIR JSON asked for. */
export class FhirResponseError extends FhirClientError {
  override name = 'FhirResponseError';
  constructor(
    readonly operation: string,
    readonly problem: string,
  ) {
    super(`FHIR ${operation}: ${problem}`);
  }
}

/** Paging went wrong: too many pages, a loop, or a next link leaving the portal's base URL. */
export class FhirPagingError extends FhirClientError {
  override name = 'FhirPagingError';
}

/** SMART token request failed; `oauthError` is the OAuth2 error code when the server sent one. */
export class FhirAuthError extends FhirClientError {
  override name = 'FhirAuthError';
  override readonly retryable: boolean;
  constructor(
    message: string,
    readonly status?: number,
    readonly oauthError?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.retryable = status === undefined || status >= 500 || status === 429;
  }
}

export function isFhirNotFound(err: unknown): boolean {
  return err instanceof FhirHttpError && (err.status === 404 || err.status === 410);
}

/** A short, PHI-free name for what went wrong, for health reports, events and log lines. */
export function portalErrorKind(err: unknown): string {
  if (err instanceof FhirTimeoutError) return 'timeout';
  if (err instanceof FhirNetworkError) return 'network';
  if (err instanceof FhirHttpError) return `http_${err.status}`;
  if (err instanceof FhirPagingError) return 'paging';
  if (err instanceof FhirResponseError) return 'invalid_response';
  if (err instanceof FhirAuthError) return 'auth';
  if (err instanceof FhirClientError) return 'invalid_request';
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return 'database';
  return 'internal';
}
