/**
 * Use cases behind the report page and the summary export: load the clinic's calendar and targets,
 * resolve the range, measure every message in it (streamed), and aggregate.
 */
import { ClinicSettingsError, loadClinicSettings, type BusinessCalendar, type SlaTargets } from '../clinic';
import type { Db } from '../db';
import { HttpError } from '../http/errors';
import { measureInto, SLOT_WIDTH, type MeasureContext } from './measure';
import {
  bucketIndex,
  DIMENSIONS,
  bucketsOf,
  resolveRange,
  type Bucket,
  type BucketSize,
  type Filters,
  type ReportRange,
} from './query';
import { backlogCounts, countSelected, staffNames, streamAggregateBatches } from './repository';
import { emptyGroup, MeasureColumns, type GroupStats } from './stats';

export interface ReportContext {
  calendar: BusinessCalendar;
  sla: SlaTargets;
  range: ReportRange;
  buckets: Bucket[];
  asOf: number;
}

/** A stored calendar or target that fails its schema: the report cannot be right, so say why. */
export class ReportSettingsError extends HttpError {
  constructor(err: ClinicSettingsError) {
    super(503, 'settings_invalid', `${err.message}. An administrator must correct this clinic setting.`);
  }
}

export async function reportContext(
  db: Db,
  clinicTimeZone: string,
  q: { from?: string; to?: string; by?: BucketSize; tz?: string },
  now: Date,
): Promise<ReportContext> {
  let settings;
  try {
    settings = await loadClinicSettings(db, clinicTimeZone);
  } catch (err) {
    if (err instanceof ClinicSettingsError) throw new ReportSettingsError(err);
    throw err;
  }
  const range = resolveRange(q, settings.calendar.timeZone, now);
  return { ...settings, range, buckets: bucketsOf(range), asOf: now.getTime() };
}

export const measureContext = (ctx: ReportContext): MeasureContext => ({
  calendar: ctx.calendar,
  sla: ctx.sla,
  asOf: ctx.asOf,
});

/** Every message received in the range (and matching the filters), measured into columns. */
export async function collectMeasures(db: Db, ctx: ReportContext, filters: Filters): Promise<MeasureColumns> {
  const selection = { start: ctx.range.start, end: ctx.range.end };
  const columns = new MeasureColumns(await countSelected(db, selection, filters));
  const mctx = measureContext(ctx);
  // One row of numbers, reused: nothing allocated per message beyond what the driver hands over.
  const measured = new Float64Array(SLOT_WIDTH);
  for await (const batch of streamAggregateBatches(db, selection, filters)) {
    for (const row of batch) {
      measureInto(row, mctx, measured, 0);
      columns.add(measured, 0, row, bucketIndex(ctx.buckets, row.received));
    }
  }
  return columns;
}

/** Open messages (received, not yet sent or closed) at the end of each bucket, in bucket order. */
export async function backlogByBucket(db: Db, ctx: ReportContext, filters: Filters): Promise<number[]> {
  const counts = await backlogCounts(
    db,
    ctx.buckets.map((b) => new Date(b.start)),
    ctx.range.end,
    filters,
  );
  const backlog: number[] = [];
  // PostgreSQL's width_bucket numbers bucket k (0-based here) as k + 1; 0 is before the range.
  let open = (counts.received.get(0) ?? 0) - (counts.done.get(0) ?? 0);
  ctx.buckets.forEach((_, k) => {
    open += (counts.received.get(k + 1) ?? 0) - (counts.done.get(k + 1) ?? 0);
    backlog.push(open);
  });
  return backlog;
}

export interface ReportSummary {
  ctx: ReportContext;
  overall: GroupStats;
  byDimension: Record<'urgency' | 'category' | 'language' | 'staff', GroupStats[]>;
  /** One per bucket, empty buckets included. */
  series: GroupStats[];
  backlog: number[];
  staffNames: Map<string, string>;
}

/**
 * Lets other requests on this process run between the long synchronous steps of a big report (each
 * a pass over every message): a year of a million messages would otherwise hold the event loop for
 * most of a second at a time.
 */
export const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildSummary(db: Db, ctx: ReportContext, filters: Filters): Promise<ReportSummary> {
  const [columns, backlog, names] = await Promise.all([
    collectMeasures(db, ctx, filters),
    backlogByBucket(db, ctx, filters),
    staffNames(db),
  ]);
  await letOthersRun();
  const series = ctx.buckets.map((_, b) => emptyGroup('all', b));
  for (const g of columns.stats('bucket')) if (g.bucket !== null) series[g.bucket] = g;
  await letOthersRun();
  const overall = columns.stats('all')[0] ?? emptyGroup('all', null);
  // Every interval of the whole range is shown (and exported): work them out here, one at a time,
  // rather than all at once while the page renders.
  for (let k = 0; k < overall.wall.length; k++) {
    void overall.wall[k];
    void overall.business[k];
    await letOthersRun();
  }
  const byDimension = {} as ReportSummary['byDimension'];
  for (const dim of DIMENSIONS) {
    await letOthersRun();
    byDimension[dim] = columns.stats(dim);
  }
  return { ctx, overall, byDimension, series, backlog, staffNames: names };
}
