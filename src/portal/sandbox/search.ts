import type { Bundle, FhirResource } from '../fhir-types';
import { matchesDate, parseDateCondition, type DateCondition } from './fhir-date';
import { badRequest } from './outcome';
import {
  SEARCH_PARAMS,
  matchesReference,
  matchesToken,
  normalizeReferenceValue,
  parseToken,
  type SearchParamDef,
} from './search-params';
import type { FhirStore, StoredResource } from './store';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** Accepted and ignored: they change presentation, not results. */
const IGNORED_PARAMS = new Set(['_format', '_pretty', '_total']);
const MAX_PARAM_VALUES = 100;

interface Keyset {
  ms: number;
  id: string;
}

export interface SearchSpec {
  type: string;
  filters: ((r: FhirResource) => boolean)[];
  lastUpdated: DateCondition[];
  descending: boolean;
  count: number;
  after?: Keyset;
  /** The request's parameters minus the page position, to build self/next links. */
  linkParams: [string, string][];
}

function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.ms, k.id])).toString('base64url');
}

function decodeKeyset(raw: string): Keyset {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      parsed[1].length <= 64
    ) {
      return { ms: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('_after is not a page position this server issued');
}

const shortName = (name: string) => (name.length > 64 ? `${name.slice(0, 64)}…` : name);

function parseFilter(
  type: string,
  name: string,
  def: SearchParamDef,
  raw: string,
): (r: FhirResource) => boolean {
  const values = raw.split(',');
  if (values.length > MAX_PARAM_VALUES || values.some((v) => v === '')) {
    throw badRequest(`search parameter ${name} has an empty or too long value list`);
  }
  if (def.kind === 'token') {
    const tokens = values.map(parseToken);
    return (r) => matchesToken(def, r, tokens);
  }
  const refs = values.map((v) => normalizeReferenceValue(v, def.targetType));
  if (refs.some((r) => r === undefined)) {
    throw badRequest(
      `search parameter ${name} of ${type} needs a reference like ${def.targetType ?? 'Type'}/id`,
    );
  }
  return (r) => matchesReference(def, r, refs as string[]);
}

export function parseSearch(type: string, params: URLSearchParams): SearchSpec {
  const defs = SEARCH_PARAMS[type] ?? {};
  const spec: SearchSpec = {
    type,
    filters: [],
    lastUpdated: [],
    descending: false,
    count: DEFAULT_PAGE_SIZE,
    linkParams: [],
  };
  let entries = 0;
  for (const [name, value] of params) {
    if (++entries > 50) throw badRequest('too many search parameters');
    if (name !== '_after') spec.linkParams.push([name, value]);
    if (IGNORED_PARAMS.has(name)) continue;
    if (name === '_count') {
      if (!/^\d{1,15}$/.test(value)) throw badRequest('_count must be a whole number');
      spec.count = Math.min(Number(value), MAX_PAGE_SIZE);
    } else if (name === '_sort') {
      if (value !== '_lastUpdated' && value !== '-_lastUpdated') {
        throw badRequest('_sort supports _lastUpdated and -_lastUpdated');
      }
      spec.descending = value.startsWith('-');
    } else if (name === '_lastUpdated') {
      const condition = parseDateCondition(value);
      if (!condition)
        throw badRequest('_lastUpdated needs a prefix (eq, gt, ge, lt, le) and a FHIR date or instant');
      spec.lastUpdated.push(condition);
    } else if (name === '_after') {
      spec.after = decodeKeyset(value);
    } else if (name === '_id') {
      const ids = new Set(value.split(','));
      spec.filters.push((r) => typeof r.id === 'string' && ids.has(r.id));
    } else if (Object.hasOwn(defs, name)) {
      spec.filters.push(parseFilter(type, name, defs[name], value));
    } else {
      throw badRequest(`unknown search parameter for ${type}: ${shortName(name)}`);
    }
  }
  return spec;
}

export interface SearchPage {
  total: number;
  matches: FhirResource[];
  next?: Keyset;
}

function isMatch(spec: SearchSpec, stored: StoredResource): boolean {
  return (
    spec.lastUpdated.every((c) => matchesDate(c, stored.lastUpdatedMs)) &&
    spec.filters.every((f) => f(stored.resource))
  );
}

function isAfter(spec: SearchSpec, s: StoredResource): boolean {
  if (!spec.after) return true;
  const id = s.resource.id ?? '';
  const { ms, id: afterId } = spec.after;
  return spec.descending
    ? s.lastUpdatedMs < ms || (s.lastUpdatedMs === ms && id < afterId)
    : s.lastUpdatedMs > ms || (s.lastUpdatedMs === ms && id > afterId);
}

/** The [from, to) span of lastUpdated the _lastUpdated conditions allow. */
function timeWindow(conditions: DateCondition[]): [number, number] {
  let from = -Infinity;
  let to = Infinity;
  for (const c of conditions) {
    if (c.prefix === 'eq' || c.prefix === 'ge') from = Math.max(from, c.startMs);
    if (c.prefix === 'gt') from = Math.max(from, c.endMs);
    if (c.prefix === 'eq' || c.prefix === 'le') to = Math.min(to, c.endMs);
    if (c.prefix === 'lt') to = Math.min(to, c.startMs);
  }
  return [from, to];
}

/** First index whose lastUpdated is at or after `ms` (the list is in lastUpdated order). */
function lowerBound(list: readonly StoredResource[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].lastUpdatedMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keyset paging over the type's write-ordered list: a page starts strictly after the last
 * (lastUpdated, id) of the previous one, so inserts during paging neither shift nor repeat rows.
 * A _lastUpdated window is found by binary search, so polling for recent changes stays cheap.
 */
export function runSearch(store: FhirStore, spec: SearchSpec): SearchPage {
  const list = store.list(spec.type);
  const [from, to] = timeWindow(spec.lastUpdated);
  const start = lowerBound(list, from);
  const end = Math.max(start, lowerBound(list, to));
  let total = 0;
  const page: StoredResource[] = [];
  let hasMore = false;
  for (let k = 0; k < end - start; k++) {
    const stored = list[spec.descending ? end - 1 - k : start + k];
    if (!isMatch(spec, stored)) continue;
    total += 1;
    if (!isAfter(spec, stored)) continue;
    if (page.length < spec.count) page.push(stored);
    else hasMore = true;
  }
  const last = page.at(-1);
  return {
    total,
    matches: page.map((s) => s.resource),
    next: hasMore && last ? { ms: last.lastUpdatedMs, id: last.resource.id ?? '' } : undefined,
  };
}

export function searchBundle(fhirBase: string, spec: SearchSpec, page: SearchPage): Bundle {
  const query = (extra: [string, string][]) => new URLSearchParams([...spec.linkParams, ...extra]).toString();
  const selfExtra: [string, string][] = spec.after ? [['_after', encodeKeyset(spec.after)]] : [];
  const link = [{ relation: 'self', url: `${fhirBase}/${spec.type}?${query(selfExtra)}` }];
  if (page.next)
    link.push({
      relation: 'next',
      url: `${fhirBase}/${spec.type}?${query([['_after', encodeKeyset(page.next)]])}`,
    });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    entry: page.matches.map((resource) => ({
      fullUrl: `${fhirBase}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}
