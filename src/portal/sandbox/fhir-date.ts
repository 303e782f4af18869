/**
 * FHIR date search values: a prefix (eq, gt, ge, lt, le, sa, eb) and a date whose precision
 * defines a range, e.g. "2026-03" is all of March (UTC). Returns [startMs, endMs).
 */
export type DatePrefix = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

export interface DateCondition {
  prefix: DatePrefix;
  startMs: number;
  endMs: number;
}

const DATE_VALUE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export function parseDateCondition(raw: string): DateCondition | undefined {
  const prefixMatch = /^(eq|gt|ge|lt|le|sa|eb)?(.*)$/.exec(raw);
  if (!prefixMatch) return undefined;
  const rawPrefix = prefixMatch[1] ?? 'eq';
  const prefix: DatePrefix =
    rawPrefix === 'sa' ? 'gt' : rawPrefix === 'eb' ? 'lt' : (rawPrefix as DatePrefix);
  const m = DATE_VALUE.exec(prefixMatch[2]);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, tz] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let start: number;
  let end: number;
  if (hh !== undefined) {
    const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ? frac.slice(0, 4) : ''}${tz === 'Z' ? 'Z' : tz}`;
    start = Date.parse(iso);
    if (Number.isNaN(start)) return undefined;
    end = start + (frac ? 1 : ss !== undefined ? 1000 : 60_000);
  } else {
    start = Date.UTC(year, month - 1, day);
    if (d) end = Date.UTC(year, month - 1, day + 1);
    else if (mo) end = Date.UTC(year, month, 1);
    else end = Date.UTC(year + 1, 0, 1);
    // Date.UTC rolls 2026-02-31 into March; refuse impossible days instead.
    if (d && new Date(start).getUTCDate() !== day) return undefined;
  }
  return { prefix, startMs: start, endMs: end };
}

export function matchesDate(condition: DateCondition, ms: number): boolean {
  switch (condition.prefix) {
    case 'eq':
      return ms >= condition.startMs && ms < condition.endMs;
    case 'gt':
      return ms >= condition.endMs;
    case 'ge':
      return ms >= condition.startMs;
    case 'lt':
      return ms < condition.startMs;
    case 'le':
      return ms < condition.endMs;
  }
}
