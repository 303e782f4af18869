/**
 * The messages behind a figure: the same selection as the report plus the figure's own condition
 * (SLA outcome, draft use, edit class, an interval measured, open at a day's end). It shows ids,
 * levels, times and intervals, never text, and it is still a look at patient records, so every
 * drill-down is an audit event naming the message ids shown.
 */
import { DateTime } from 'luxon';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { INTERVALS, measure, type IntervalName, type MessageMeasures } from './measure';
import { DRILLDOWN_ROW_LIMIT, type DrilldownFilters, type Filters } from './query';
import { streamMilestones, type MessageSelection } from './repository';
import { measureContext, type ReportContext } from './summary';

export interface Drilldown {
  rows: MessageMeasures[];
  /** Every matching message, of which the first DRILLDOWN_ROW_LIMIT are in rows. */
  total: number;
  sortedBy: IntervalName | null;
}

function matches(m: MessageMeasures, d: DrilldownFilters): boolean {
  if (d.sla && m.sla !== d.sla) return false;
  if (d.draft && m.draftUsed !== (d.draft === 'used')) return false;
  if (d.edit && m.editClass !== d.edit) return false;
  if (d.regenerated && m.row.regenerations === 0) return false;
  if (d.feedback === 'useful' && m.row.feedback_useful === 0) return false;
  if (d.feedback === 'not_useful' && m.row.feedback_not_useful === 0) return false;
  if (d.alerted && m.row.alerted === null) return false;
  if (d.interval && Number.isNaN(m.wall[INTERVALS.findIndex((i) => i.name === d.interval)])) return false;
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
  const longestFirst = (a: MessageMeasures, b: MessageMeasures) => b.wall[k] - a.wall[k];
  let rows: MessageMeasures[] = [];
  let total = 0;
  for await (const row of streamMilestones(db, selection, filters)) {
    const m = measure(row, mctx);
    if (!matches(m, drill)) continue;
    total++;
    if (k >= 0) {
      rows.push(m);
      if (rows.length >= 4 * DRILLDOWN_ROW_LIMIT)
        rows = rows.sort(longestFirst).slice(0, DRILLDOWN_ROW_LIMIT);
    } else if (rows.length < DRILLDOWN_ROW_LIMIT) rows.push(m);
  }
  if (k >= 0) rows = rows.sort(longestFirst).slice(0, DRILLDOWN_ROW_LIMIT);
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
