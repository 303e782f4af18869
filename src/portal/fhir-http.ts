import {
  FhirClientError,
  FhirHttpError,
  FhirNetworkError,
  FhirResponseError,
  FhirTimeoutError,
} from './fhir-errors';
import type { TokenProvider } from './smart-auth';

/**
 * One FHIR HTTP exchange with timeouts, retries and auth. Retries back off exponentially with
 * jitter on 5xx, 429, 408, timeouts and network errors, never on other 4xx, and only for
 * requests that are safe to repeat (reads, searches, conditional creates).
 */
export interface HttpSettings {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxResponseBytes: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  tokens?: TokenProvider;
}

export interface HttpRequest {
  /** e.g. "search Communication": goes into error messages, so no ids or values. */
  operation: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  json: unknown;
}

async function readLimited(response: Response, limit: number, operation: string): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) {
      await response.body.cancel().catch(() => undefined);
      throw new FhirResponseError(operation, `response larger than ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function issueCodes(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { resourceType?: unknown; issue?: { code?: unknown }[] };
    if (parsed?.resourceType !== 'OperationOutcome' || !Array.isArray(parsed.issue)) return [];
    return parsed.issue
      .map((i) => i?.code)
      .filter((c): c is string => typeof c === 'string' && /^[a-z-]{1,40}$/.test(c))
      .slice(0, 5);
  } catch {
    return [];
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoff(settings: HttpSettings, attempt: number, hintMs?: number): number {
  const exp = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** attempt);
  const jittered = exp / 2 + settings.random() * (exp / 2);
  return hintMs === undefined ? jittered : Math.max(jittered, Math.min(hintMs, settings.maxBackoffMs));
}

export async function sendFhirRequest(settings: HttpSettings, req: HttpRequest): Promise<HttpResult> {
  const maxAttempts = req.idempotent ? settings.retries + 1 : 1;
  let refreshedToken = false;
  for (let attempt = 1; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/fhir+json', ...req.headers };
    if (settings.tokens) {
      try {
        headers.Authorization = `Bearer ${await settings.tokens.getToken()}`;
      } catch (err) {
        if (err instanceof FhirClientError && err.retryable && attempt < maxAttempts) {
          await settings.sleep(backoff(settings, attempt - 1));
          continue;
        }
        throw err;
      }
    }
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await settings.fetch(req.url, {
        method: req.method,
        headers,
        body: req.body,
        signal,
        redirect: 'error',
      });
      text = await readLimited(response, settings.maxResponseBytes, req.operation);
    } catch (err) {
      if (err instanceof FhirClientError) throw err;
      if (req.signal?.aborted) throw err;
      const timedOut = timeout.aborted;
      if (attempt < maxAttempts) {
        await settings.sleep(backoff(settings, attempt - 1));
        continue;
      }
      if (timedOut) throw new FhirTimeoutError(req.operation, settings.timeoutMs, attempt);
      throw new FhirNetworkError(req.operation, attempt, { cause: err });
    }
    if (response.status === 401 && settings.tokens && !refreshedToken) {
      // The token may have been revoked or the server restarted: fetch a fresh one once.
      refreshedToken = true;
      settings.tokens.invalidate();
      attempt -= 1;
      continue;
    }
    if (response.ok) {
      if (text === '') return { status: response.status, headers: response.headers, json: undefined };
      try {
        return { status: response.status, headers: response.headers, json: JSON.parse(text) };
      } catch {
        throw new FhirResponseError(req.operation, 'response is not JSON');
      }
    }
    const error = new FhirHttpError(req.operation, response.status, issueCodes(text), attempt);
    if (error.retryable && attempt < maxAttempts) {
      await settings.sleep(backoff(settings, attempt - 1, retryAfterMs(response.headers)));
      continue;
    }
    throw error;
  }
}
