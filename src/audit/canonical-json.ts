/**
 * Canonical JSON for hashing: object keys sorted, no whitespace, only JSON values. The same value
 * must serialize identically before insert and after a round trip through jsonb (which reorders
 * keys), so anything jsonb would change or refuse is rejected up front instead.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

const MAX_DEPTH = 32;

export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError('audit data is nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('audit data holds a non-finite number');
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'string':
      // jsonb cannot store U+0000; refusing it keeps the hash verifiable.
      if (value.includes('\u0000')) throw new CanonicalJsonError('audit data holds a NUL character');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError('audit data must be plain JSON objects');
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${canonicalJson(k, depth + 1)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`audit data cannot hold a ${typeof value}`);
  }
}
