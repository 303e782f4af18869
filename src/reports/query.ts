/**
 * What a report request may ask for, checked with zod: a date range in the clinic's zone (or an
 * explicit `tz`), a bucket size, and filters given as codes. Query strings carry dates and codes
 * only, never patient data. Anything unknown, malformed or too large is a 400 with a plain message.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { BadRequestError } from '../http/errors';
import { INTERVALS, type IntervalName } from './measure';

export const URGENCY_FILTERS = ['emergent', 'urgent', 'routine', 'non_clinical', 'untriaged'] as const;
export const CATEGORY_FILTERS = [
  'symptom',
  'medication',
  'results',
  'scheduling',
  'billing',
  'forms_records',
  'portal_technical',
  'other',
  'untriaged',
] as const;
export const DIMENSIONS = ['urgency', 'category', 'language', 'staff'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const BUCKET_SIZES = ['day', 'week', 'month'] as const;
export type BucketSize = (typeof BUCKET_SIZES)[number];

/** Longest range any report serves: three years (and a leap day or two). */
export const MAX_RANGE_DAYS = 1098;
/** Day buckets beyond a year make an unreadable chart and a huge summary; weeks or months then. */
export const MAX_DAY_BUCKETS = 366;
/** The drill-down table shows at most this many rows; the CSV export has them all. */
export const DRILLDOWN_ROW_LIMIT = 1000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d, { zone: 'UTC' }).isValid, 'is not a calendar date');

/** Filters that narrow the set of messages (the page form, drill-down links and exports share them). */
const filterShape = {
  urgency: z.enum(URGENCY_FILTERS).optional(),
  category: z.enum(CATEGORY_FILTERS).optional(),
  /** Language code as triage stored it (en, es, zh, ...), or 'unknown'. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$|^unknown$/, 'must be a language code such as en or es')
    .optional(),
  /** users.id of the approver or closer. */
  staff: z.uuid('must be a user id').optional(),
};

/** Drill-down only: which messages behind a figure (SLA outcome, draft use, edit class, backlog day). */
const drilldownShape = {
  sla: z.enum(['met', 'missed', 'pending']).optional(),
  draft: z.enum(['used', 'blank']).optional(),
  edit: z.enum(['unchanged', 'light', 'heavy']).optional(),
  regenerated: z.enum(['yes']).optional(),
  feedback: z.enum(['useful', 'not_useful']).optional(),
  alerted: z.enum(['yes']).optional(),
  /** Messages open at the end of this local date (the backlog figure), received at any time before. */
  open_at: isoDate.optional(),
  /** Messages where this interval was measured, longest first. */
  interval: z.enum(INTERVALS.map((i) => i.name) as [IntervalName, ...IntervalName[]]).optional(),
};

const base = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Zone for the range, the buckets and the printed times; the clinic's own by default. */
  tz: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone (e.g. America/Chicago)')
    .optional(),
  by: z.enum(BUCKET_SIZES).optional(),
  ...filterShape,
};

export const PageQuerySchema = z.strictObject({ ...base, group: z.enum(DIMENSIONS).optional() });
export const ExportQuerySchema = z.strictObject(base);
export const DrilldownQuerySchema = z.strictObject({ ...base, ...drilldownShape });

export type Filters = { [K in keyof typeof filterShape]?: z.infer<(typeof filterShape)[K]> };
export type DrilldownFilters = { [K in keyof typeof drilldownShape]?: z.infer<(typeof drilldownShape)[K]> };

export interface ReportRange {
  /** Local dates as asked, both inclusive. */
  from: string;
  to: string;
  zone: string;
  /** Instants: start of `from`, start of the day after `to` (exclusive). */
  start: Date;
  end: Date;
  by: BucketSize;
  days: number;
}

/** zod's issues as one sentence naming each parameter, e.g. `from: must be a date written YYYY-MM-DD`. */
/** The filters of a parsed request, without its range and display options. */
export const filtersOf = (q: Filters): Filters => ({
  urgency: q.urgency,
  category: q.category,
  language: q.language,
  staff: q.staff,
});

export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`
      : `${i.path.join('.') || 'query'}: ${i.message}`,
  );
  throw new BadRequestError(`invalid report request: ${problems.join('; ')}`, {
    fields: result.error.issues
      .map((i) => (i.code === 'unrecognized_keys' ? i.keys : i.path.join('.')))
      .flat(),
  });
}

/** The range in instants; by default the 30 days ending today in the zone. */
export function resolveRange(
  q: { from?: string; to?: string; by?: BucketSize; tz?: string },
  clinicZone: string,
  now: Date,
): ReportRange {
  const zone = q.tz ?? clinicZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const toDay = q.to ? DateTime.fromISO(q.to, { zone }) : today;
  const fromDay = q.from ? DateTime.fromISO(q.from, { zone }) : toDay.minus({ days: 29 });
  if (fromDay > toDay) {
    throw new BadRequestError(
      `the range is empty: from (${fromDay.toISODate()}) is after to (${toDay.toISODate()})`,
    );
  }
  const days = Math.round(toDay.diff(fromDay, 'days').days) + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new BadRequestError(
      `the range spans ${days} days; reports cover at most ${MAX_RANGE_DAYS} days (3 years): ask for shorter ranges`,
    );
  }
  const by = q.by ?? (days > 92 ? 'week' : 'day');
  if (by === 'day' && days > MAX_DAY_BUCKETS) {
    throw new BadRequestError(
      `by=day covers at most ${MAX_DAY_BUCKETS} days; use by=week or by=month for this range`,
    );
  }
  return {
    from: fromDay.toISODate() as string,
    to: toDay.toISODate() as string,
    zone,
    start: fromDay.startOf('day').toJSDate(),
    end: toDay.plus({ days: 1 }).startOf('day').toJSDate(),
    by,
    days,
  };
}

export interface Bucket {
  /** Local date the bucket starts on (clamped to the range), and its last local date. */
  from: string;
  to: string;
  label: string;
  start: number;
  end: number;
}

/** Day, ISO week (Monday first) or month buckets covering the range, clamped to it. */
export function bucketsOf(range: ReportRange): Bucket[] {
  const buckets: Bucket[] = [];
  const last = DateTime.fromJSDate(range.end, { zone: range.zone });
  let cursor = DateTime.fromJSDate(range.start, { zone: range.zone }).startOf(range.by, {
    useLocaleWeeks: false,
  });
  while (cursor < last) {
    const next = cursor.plus({ [range.by + 's']: 1 }).startOf('day');
    const start = Math.max(cursor.toMillis(), range.start.getTime());
    const end = Math.min(next.toMillis(), range.end.getTime());
    const fromDate = DateTime.fromMillis(start, { zone: range.zone });
    const toDate = DateTime.fromMillis(end, { zone: range.zone }).minus({ days: 1 });
    const label =
      range.by === 'month'
        ? cursor.toFormat('yyyy-MM')
        : range.by === 'week'
          ? `week of ${cursor.toISODate()}`
          : (cursor.toISODate() as string);
    buckets.push({
      from: fromDate.toISODate() as string,
      to: toDate.toISODate() as string,
      label,
      start,
      end,
    });
    cursor = next;
  }
  return buckets;
}

/** Index of the bucket holding instant t (binary search), or -1 outside the range. */
export function bucketIndex(buckets: Bucket[], t: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < buckets[mid].start) hi = mid - 1;
    else if (t >= buckets[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
