/**
 * The report page's body: the filter form, headline figures, charts and tables. Every figure is a
 * link to the drill-down list of the messages behind it (same range and filters plus its own).
 */
import { BarChart, LineChart } from './charts';
import { formatDuration, formatPercent, reportUrl, type LinkParams } from './format';
import {
  BUCKET_SIZES,
  CATEGORY_FILTERS,
  DIMENSIONS,
  URGENCY_FILTERS,
  type Dimension,
  type Filters,
} from './query';
import { draftUtilization, slaCompliance, type GroupStats } from './stats';
import { ACK, Breakdown, DRILL, Fig, IntervalTable, RESPONSE, SlaTable } from './page-tables';
import type { ReportSummary } from './summary';

export interface ReportPageProps {
  summary: ReportSummary;
  filters: Filters;
  group: Dimension;
  tz?: string;
}

function FilterForm({ summary, filters, group, tz }: ReportPageProps) {
  const { range } = summary.ctx;
  const staff = [...summary.staffNames.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <form class="report-filters" method="get" action="/reports">
      <label>
        From <input type="date" name="from" value={range.from} required />
      </label>
      <label>
        To <input type="date" name="to" value={range.to} required />
      </label>
      <label>
        By
        <select name="by">
          {BUCKET_SIZES.map((b) => (
            <option key={b} value={b} selected={b === range.by}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        Urgency
        <select name="urgency">
          <option value="">all</option>
          {URGENCY_FILTERS.map((u) => (
            <option key={u} value={u} selected={u === filters.urgency}>
              {u}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select name="category">
          <option value="">all</option>
          {CATEGORY_FILTERS.map((c) => (
            <option key={c} value={c} selected={c === filters.category}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Language{' '}
        <input type="text" name="language" value={filters.language ?? ''} size={6} placeholder="en" />
      </label>
      <label>
        Staff
        <select name="staff">
          <option value="">all</option>
          {staff.map(([id, name]) => (
            <option key={id} value={id} selected={id === filters.staff}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Break down by
        <select name="group">
          {DIMENSIONS.map((d) => (
            <option key={d} value={d} selected={d === group}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {tz ? <input type="hidden" name="tz" value={tz} /> : null}
      <button type="submit">Show</button>
    </form>
  );
}

function Headline({
  g,
  base,
  backlogEnd,
  to,
}: {
  g: GroupStats;
  base: LinkParams;
  backlogEnd: number;
  to: string;
}) {
  const link = (extra: LinkParams) => reportUrl(DRILL, { ...base, ...extra });
  const drafted = g.edit.unchanged + g.edit.light + g.edit.heavy;
  const share = (n: number) => (drafted ? ` (${formatPercent(n / drafted)})` : '');
  return (
    <dl class="headline">
      <div>
        <dt>Messages received</dt>
        <dd>
          <Fig href={link({})}>{g.count}</Fig>
        </dd>
      </div>
      <div>
        <dt>Response time, median (business)</dt>
        <dd>
          <Fig href={link({ interval: 'to_done' })}>{formatDuration(g.business[RESPONSE].median)}</Fig>
        </dd>
      </div>
      <div>
        <dt>SLA compliance</dt>
        <dd>
          <Fig href={link({ sla: 'met' })}>{formatPercent(slaCompliance(g))}</Fig> (
          <Fig href={link({ sla: 'met' })}>{`${g.sla.met} met`}</Fig>,{' '}
          <Fig href={link({ sla: 'missed' })}>{`${g.sla.missed} missed`}</Fig>,{' '}
          <Fig href={link({ sla: 'pending' })}>{`${g.sla.pending} pending`}</Fig>)
        </dd>
      </div>
      <div>
        <dt>Draft utilization</dt>
        <dd>
          <Fig href={link({ draft: 'used' })}>{formatPercent(draftUtilization(g))}</Fig> (
          <Fig href={link({ draft: 'used' })}>{`${g.fromDraft} from a draft`}</Fig>,{' '}
          <Fig href={link({ draft: 'blank' })}>{`${g.approved - g.fromDraft} written blank`}</Fig>)
        </dd>
      </div>
      <div>
        <dt>Edit burden (draft-started replies)</dt>
        <dd>
          <Fig
            href={link({ edit: 'unchanged' })}
          >{`${g.edit.unchanged} unchanged${share(g.edit.unchanged)}`}</Fig>
          , <Fig href={link({ edit: 'light' })}>{`${g.edit.light} lightly edited${share(g.edit.light)}`}</Fig>
          , <Fig href={link({ edit: 'heavy' })}>{`${g.edit.heavy} heavily edited${share(g.edit.heavy)}`}</Fig>
        </dd>
      </div>
      <div>
        <dt>Regenerations</dt>
        <dd>
          <Fig href={link({ regenerated: 'yes' })}>{`${g.regenerations} in ${g.regenerated} messages`}</Fig>
        </dd>
      </div>
      <div>
        <dt>Draft feedback</dt>
        <dd>
          <Fig href={link({ feedback: 'useful' })}>{`${g.feedback.useful} useful`}</Fig>,{' '}
          <Fig href={link({ feedback: 'not_useful' })}>{`${g.feedback.notUseful} not useful`}</Fig>
        </dd>
      </div>
      <div>
        <dt>Slack acknowledgement, median</dt>
        <dd>
          <Fig href={link({ interval: 'alert_to_ack' })}>{formatDuration(g.wall[ACK].median)}</Fig>
        </dd>
      </div>
      <div>
        <dt>{`Backlog at the end of ${to}`}</dt>
        <dd>
          <Fig href={reportUrl(DRILL, { ...base, from: undefined, to: undefined, open_at: to })}>
            {backlogEnd}
          </Fig>
        </dd>
      </div>
    </dl>
  );
}

export function ReportPage(props: ReportPageProps) {
  const { summary, filters, tz } = props;
  const { range, buckets } = summary.ctx;
  const base: LinkParams = { from: range.from, to: range.to, tz, ...filters };
  const exportParams = { from: range.from, to: range.to, tz, ...filters };
  const bars = summary.series.map((g, b) => ({
    label: buckets[b].label,
    value: g.count,
    text: `${buckets[b].label}: ${g.count} messages`,
    href: reportUrl(DRILL, { ...base, from: buckets[b].from, to: buckets[b].to }),
  }));
  const backlog = summary.backlog.map((open, b) => ({
    label: buckets[b].label,
    value: open,
    text: `${buckets[b].label}: ${open} open at the end`,
    href: reportUrl(DRILL, { ...base, from: undefined, to: undefined, open_at: buckets[b].to }),
  }));
  return (
    <div class="reports">
      <h1>Response-time reports</h1>
      <FilterForm {...props} />
      <p class="report-meta">
        {`${range.from} to ${range.to} (${range.zone}), by ${range.by}. `}
        Export: <a href={reportUrl('/reports/export/messages.csv', exportParams)}>messages.csv</a> ·{' '}
        <a href={reportUrl('/reports/export/summary.csv', { ...exportParams, by: range.by })}>summary.csv</a>
      </p>
      <Headline g={summary.overall} base={base} backlogEnd={summary.backlog.at(-1) ?? 0} to={range.to} />
      <section aria-labelledby="charts-h">
        <h2 id="charts-h">Over time</h2>
        <BarChart
          id="volume"
          title={`Messages received per ${range.by}`}
          desc={bars.map((b) => b.text).join('; ')}
          points={bars}
        />
        <LineChart
          id="backlog"
          title={`Open messages at the end of each ${range.by}`}
          desc={backlog.map((b) => b.text).join('; ')}
          points={backlog}
        />
      </section>
      <IntervalTable g={summary.overall} base={base} />
      <SlaTable summary={summary} base={base} />
      <Breakdown summary={summary} group={props.group} base={base} />
    </div>
  );
}
