/**
 * The messages behind a figure: the same selection as the report plus the figure's own condition
 * (SLA outcome, draft use, edit class, an interval measured, open at a day's end). It shows ids,
 * levels, times and intervals, never text, and it is still a look at patient records, so every
 * drill-down is an audit event naming the message ids shown.
 */
import { DateTime } from 'luxon';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import {
  EDIT_CLASSES,
  INTERVALS,
  measure,
  measureInto,
  SLA_STATUSES,
  SLOT,
  SLOT_WIDTH,
  type IntervalName,
  type MessageMeasures,
} from './measure';
import { DRILLDOWN_ROW_LIMIT, type DrilldownFilters, type Filters } from './query';
import { streamMilestones, type MessageSelection, type MilestoneRow } from './repository';
import { measureContext, type ReportContext } from './summary';

export interface Drilldown {
  rows: MessageMeasures[];
  /** Every matching message, of which the first DRILLDOWN_ROW_LIMIT are in rows. */
  total: number;
  sortedBy: IntervalName | null;
}

/** Whether a message, measured into f (SLOT layout), is behind the figure. */
function matches(f: Float64Array, row: MilestoneRow, d: DrilldownFilters, interval: number): boolean {
  // A missing figure is NaN: it equals nothing, and indexes no name.
  if (d.sla && SLA_STATUSES[f[SLOT.sla]] !== d.sla) return false;
  if (d.draft && f[SLOT.draftUsed] !== (d.draft === 'used' ? 1 : 0)) return false;
  if (d.edit && EDIT_CLASSES[f[SLOT.editClass]] !== d.edit) return false;
  if (d.regenerated && row.regenerations === 0) return false;
  if (d.feedback === 'useful' && row.feedback_useful === 0) return false;
  if (d.feedback === 'not_useful' && row.feedback_not_useful === 0) return false;
  if (d.alerted && row.alerted === null) return false;
  if (interval >= 0 && Number.isNaN(f[SLOT.wall + interval])) return false;
  return true;
}

export async function drilldown(
  db: Db,
  ctx: ReportContext,
  filters: Filters,
  drill: DrilldownFilters,
  viewer: { userId: string },
): Promise<Drilldown> {
  const selection: MessageSelection = drill.open_at
    ? {
        openAt: DateTime.fromISO(drill.open_at, { zone: ctx.range.zone })
          .plus({ days: 1 })
          .startOf('day')
          .toJSDate(),
      }
    : { start: ctx.range.start, end: ctx.range.end };
  const mctx = measureContext(ctx);
  const k = drill.interval ? INTERVALS.findIndex((i) => i.name === drill.interval) : -1;
  // An interval's list is longest first (so its max and p90 are at the top): keep the longest,
  // trimming now and then so memory stays bounded. Otherwise the first ones in received order.
  type Kept = { row: MilestoneRow; wall: number };
  const longestFirst = (a: Kept, b: Kept) => b.wall - a.wall;
  let kept: Kept[] = [];
  let total = 0;
  // Every message in the selection is measured into one reused row of numbers; only the ones
  // listed become objects.
  const f = new Float64Array(SLOT_WIDTH);
  for await (const row of streamMilestones(db, selection, filters)) {
    measureInto(row, mctx, f, 0);
    if (!matches(f, row, drill, k)) continue;
    total++;
    if (k >= 0) {
      kept.push({ row, wall: f[SLOT.wall + k] });
      if (kept.length >= 4 * DRILLDOWN_ROW_LIMIT)
        kept = kept.sort(longestFirst).slice(0, DRILLDOWN_ROW_LIMIT);
    } else if (kept.length < DRILLDOWN_ROW_LIMIT) kept.push({ row, wall: NaN });
  }
  if (k >= 0) kept = kept.sort(longestFirst).slice(0, DRILLDOWN_ROW_LIMIT);
  const rows = kept.map((r) => measure(r.row, mctx));
  await recordEvent(db, {
    actor: `user:${viewer.userId}`,
    action: 'reports.drilldown',
    data: {
      from: ctx.range.from,
      to: ctx.range.to,
      zone: ctx.range.zone,
      filters: { ...filters },
      drill: { ...drill },
      total,
      messageIds: rows.map((m) => m.row.id),
    },
  });
  return { rows, total, sortedBy: drill.interval ?? null };
}
