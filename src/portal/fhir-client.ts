import { z } from 'zod';
import { FHIR_ID_PATTERN, type Bundle, type FhirResource } from './fhir-types';
import { FhirClientError, FhirPagingError, FhirResponseError } from './fhir-errors';
import { sendFhirRequest, type HttpSettings } from './fhir-http';
import { createSmartTokenProvider, type SmartAuthOptions } from './smart-auth';

export * from './fhir-errors';
export type { SmartAuthOptions } from './smart-auth';

export interface FhirClientOptions {
  /** The FHIR base, e.g. http://127.0.0.1:8090/fhir/R4 */
  baseUrl: string;
  /** Per attempt, covering headers and body. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts after the first, for retryable failures. Default 3. */
  retries?: number;
  /** First backoff step; doubles each retry, with jitter, up to maxBackoffMs. Default 200 ms / 5 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Page bound for search(); default 100. */
  maxPages?: number;
  /** Largest response body accepted; default 20 MB. */
  maxResponseBytes?: number;
  /** SMART Backend Services; without it requests carry no Authorization header. */
  auth?: SmartAuthOptions;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type SearchParams = Record<string, string | number | (string | number)[] | undefined>;

export interface SearchOptions {
  maxPages?: number;
  signal?: AbortSignal;
}

export interface SearchResult<T extends FhirResource> {
  resources: T[];
  pages: number;
  /** Bundle.total of the first page, when the server sent it. */
  total?: number;
  /** False when the page bound stopped the walk; nextUrl then continues it. */
  complete: boolean;
  nextUrl?: string;
}

export interface CreateResult<T extends FhirResource> {
  resource: T;
  /** False when a conditional create found the resource already there (HTTP 200). */
  created: boolean;
}

const TYPE_PATTERN = /^[A-Z][A-Za-z]{1,63}$/;

const ResourceShape = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });
const BundleShape = z.looseObject({
  resourceType: z.literal('Bundle'),
  total: z.number().int().nonnegative().optional(),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.looseObject({
        resource: ResourceShape.optional(),
        search: z.looseObject({ mode: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export type FhirClient = ReturnType<typeof createFhirClient>;

export function createFhirClient(options: FhirClientOptions) {
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const baseHref = base.href.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const settings: HttpSettings = {
    timeoutMs,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 200,
    maxBackoffMs: options.maxBackoffMs ?? 5_000,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    fetch: fetchFn,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: Math.random,
    tokens: options.auth ? createSmartTokenProvider(options.auth, { fetch: fetchFn, timeoutMs }) : undefined,
  };

  const checkType = (type: string) => {
    if (!TYPE_PATTERN.test(type)) throw new FhirClientError('invalid FHIR resource type');
  };

  function toQuery(params: SearchParams): string {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) qs.append(key, String(v));
    }
    return qs.toString();
  }

  /** Next links must stay under our base URL: a token must never be sent anywhere else. */
  function checkNextUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url, `${baseHref}/`);
    } catch {
      throw new FhirPagingError('next link is not a URL');
    }
    const basePath = base.pathname.replace(/\/+$/, '');
    const underBase = parsed.pathname === basePath || parsed.pathname.startsWith(`${basePath}/`);
    if (parsed.origin !== base.origin || !underBase) {
      throw new FhirPagingError('next link leaves the portal base URL');
    }
    return parsed.href;
  }

  async function fetchBundle(operation: string, url: string, signal?: AbortSignal) {
    const { json } = await sendFhirRequest(settings, {
      operation,
      method: 'GET',
      url,
      idempotent: true,
      signal,
    });
    const parsed = BundleShape.safeParse(json);
    if (!parsed.success) throw new FhirResponseError(operation, 'search response is not a FHIR Bundle');
    return parsed.data as unknown as Bundle;
  }

  /** Each page of a search as the portal sends it, following next links, at most maxPages. */
  async function* searchPages(type: string, params: SearchParams = {}, opts: SearchOptions = {}) {
    checkType(type);
    const operation = `search ${type}`;
    const maxPages = opts.maxPages ?? options.maxPages ?? 100;
    const seen = new Set<string>();
    let url: string | undefined = `${baseHref}/${type}?${toQuery(params)}`;
    for (let page = 1; url; page++) {
      if (page > maxPages) return;
      if (seen.has(url)) throw new FhirPagingError(`FHIR ${operation}: next link repeats an earlier page`);
      seen.add(url);
      const bundle = await fetchBundle(operation, url, opts.signal);
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      url = next ? checkNextUrl(next) : undefined;
      yield { bundle, nextUrl: url };
    }
  }

  async function search<T extends FhirResource = FhirResource>(
    type: string,
    params: SearchParams = {},
    opts: SearchOptions = {},
  ): Promise<SearchResult<T>> {
    const resources: T[] = [];
    let pages = 0;
    let total: number | undefined;
    let nextUrl: string | undefined;
    for await (const page of searchPages(type, params, opts)) {
      pages += 1;
      if (pages === 1) total = page.bundle.total;
      for (const entry of page.bundle.entry ?? []) {
        const mode = entry.search?.mode;
        if (entry.resource && (mode === undefined || mode === 'match')) resources.push(entry.resource as T);
      }
      nextUrl = page.nextUrl;
    }
    return { resources, pages, total, complete: nextUrl === undefined, nextUrl };
  }

  async function read<T extends FhirResource = FhirResource>(
    type: string,
    id: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<T> {
    checkType(type);
    if (!FHIR_ID_PATTERN.test(id)) throw new FhirClientError('invalid FHIR id');
    const operation = `read ${type}`;
    const { json } = await sendFhirRequest(settings, {
      operation,
      method: 'GET',
      url: `${baseHref}/${type}/${id}`,
      idempotent: true,
      signal: opts.signal,
    });
    const parsed = ResourceShape.safeParse(json);
    if (!parsed.success || parsed.data.resourceType !== type) {
      throw new FhirResponseError(operation, `response is not a ${type}`);
    }
    return parsed.data as T;
  }

  /**
   * POST a new resource. With ifNoneExist (search criteria, e.g. { identifier: 'urn:x|42' }) the
   * create is conditional and therefore safe to retry; without it a create is tried once, because
   * repeating a plain POST after a lost response could store the resource twice.
   */
  async function create<T extends FhirResource>(
    resource: T,
    opts: { ifNoneExist?: SearchParams | string; signal?: AbortSignal } = {},
  ): Promise<CreateResult<T>> {
    checkType(resource.resourceType);
    const operation = `create ${resource.resourceType}`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/fhir+json',
      Prefer: 'return=representation',
    };
    if (opts.ifNoneExist !== undefined) {
      const condition = typeof opts.ifNoneExist === 'string' ? opts.ifNoneExist : toQuery(opts.ifNoneExist);
      if (condition === '') throw new FhirClientError('ifNoneExist needs at least one search criterion');
      headers['If-None-Exist'] = condition;
    }
    const {
      status,
      json,
      headers: responseHeaders,
    } = await sendFhirRequest(settings, {
      operation,
      method: 'POST',
      url: `${baseHref}/${resource.resourceType}`,
      headers,
      body: JSON.stringify(resource),
      idempotent: opts.ifNoneExist !== undefined,
      signal: opts.signal,
    });
    let stored = ResourceShape.safeParse(json);
    if (!stored.success) {
      // A server honouring Prefer: return=minimal sends only Location; read it back.
      const location = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(
        responseHeaders.get('location') ?? '',
      );
      if (!location)
        throw new FhirResponseError(operation, 'response holds neither the resource nor a Location');
      stored = ResourceShape.safeParse(await read(location[1], location[2], { signal: opts.signal }));
    }
    if (!stored.success || stored.data.resourceType !== resource.resourceType || !stored.data.id) {
      throw new FhirResponseError(operation, `response is not a stored ${resource.resourceType}`);
    }
    return { resource: stored.data as T, created: status === 201 };
  }

  /** The CapabilityStatement: a cheap "is the portal there" probe for /readyz. */
  async function capabilities(opts: { signal?: AbortSignal } = {}): Promise<FhirResource> {
    const { json } = await sendFhirRequest(settings, {
      operation: 'read metadata',
      method: 'GET',
      url: `${baseHref}/metadata`,
      idempotent: true,
      signal: opts.signal,
    });
    const parsed = ResourceShape.safeParse(json);
    if (!parsed.success || parsed.data.resourceType !== 'CapabilityStatement') {
      throw new FhirResponseError('read metadata', 'response is not a CapabilityStatement');
    }
    return parsed.data;
  }

  return { baseUrl: baseHref, search, searchPages, read, create, capabilities };
}
