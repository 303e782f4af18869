/**
 * The report page's tables: every interval of the whole selection, SLA compliance per level, and
 * the breakdown by one dimension. Like the rest of the page, every figure links to its messages.
 */
import type { SlaTarget } from '../clinic';
import { formatDuration, formatPercent, reportUrl, type LinkParams } from './format';
import { INTERVALS } from './measure';
import type { Dimension } from './query';
import { draftUtilization, slaCompliance, type GroupStats } from './stats';
import type { ReportSummary } from './summary';

// Shared with the page's headline (./page.tsx).
export const DRILL = '/reports/messages';
export const RESPONSE = INTERVALS.findIndex((i) => i.name === 'to_done');
export const ACK = INTERVALS.findIndex((i) => i.name === 'alert_to_ack');

function targetText(t: SlaTarget): string {
  if ('wallMinutes' in t) return `${t.wallMinutes} min (wall clock)`;
  if ('businessMinutes' in t) return `${t.businessMinutes} business min`;
  return `${t.businessDays} business day${t.businessDays === 1 ? '' : 's'}`;
}

export const Fig = ({ href, children }: { href: string; children: string | number }) => (
  <a href={href}>{children}</a>
);

export function IntervalTable({ g, base }: { g: GroupStats; base: LinkParams }) {
  return (
    <table class="report-table">
      <caption>Intervals, all messages in the range (wall clock and business time)</caption>
      <thead>
        <tr>
          <th scope="col">Interval</th>
          <th scope="col">Measured</th>
          <th scope="col">Median</th>
          <th scope="col">p90</th>
          <th scope="col">Max</th>
          <th scope="col">Median (business)</th>
          <th scope="col">p90 (business)</th>
          <th scope="col">Max (business)</th>
        </tr>
      </thead>
      <tbody>
        {INTERVALS.map((interval, k) => {
          const href = reportUrl(DRILL, { ...base, interval: interval.name });
          const cell = (ms: number | null) => (
            <td>
              <Fig href={href}>{formatDuration(ms)}</Fig>
            </td>
          );
          return (
            <tr key={interval.name} data-interval={interval.name}>
              <th scope="row">{interval.label}</th>
              <td>
                <Fig href={href}>{g.wall[k].n}</Fig>
              </td>
              {cell(g.wall[k].median)}
              {cell(g.wall[k].p90)}
              {cell(g.wall[k].max)}
              {cell(g.business[k].median)}
              {cell(g.business[k].p90)}
              {cell(g.business[k].max)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SlaTable({ summary, base }: { summary: ReportSummary; base: LinkParams }) {
  const targets = summary.ctx.sla;
  return (
    <table class="report-table">
      <caption>SLA compliance per level (untriaged messages are held to the urgent target)</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Target</th>
          <th scope="col">Met</th>
          <th scope="col">Missed</th>
          <th scope="col">Pending</th>
          <th scope="col">Compliance</th>
        </tr>
      </thead>
      <tbody>
        {summary.byDimension.urgency.map((g) => {
          const link = (extra: LinkParams) => reportUrl(DRILL, { ...base, urgency: g.key, ...extra });
          const level = g.key === 'untriaged' ? 'urgent' : (g.key as keyof typeof targets);
          return (
            <tr key={g.key} data-group={g.key}>
              <th scope="row">{g.key}</th>
              <td>{targetText(targets[level])}</td>
              <td>
                <Fig href={link({ sla: 'met' })}>{g.sla.met}</Fig>
              </td>
              <td>
                <Fig href={link({ sla: 'missed' })}>{g.sla.missed}</Fig>
              </td>
              <td>
                <Fig href={link({ sla: 'pending' })}>{g.sla.pending}</Fig>
              </td>
              <td>
                <Fig href={link({})}>{formatPercent(slaCompliance(g))}</Fig>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The groups of one dimension in stats order; staff by name, with "nobody yet" last. */
function groupsOf(summary: ReportSummary, group: Dimension, name: (key: string) => string): GroupStats[] {
  const groups = summary.byDimension[group];
  if (group !== 'staff') return groups;
  const last = (g: GroupStats) => (g.key === 'none' ? 1 : 0);
  return [...groups].sort((a, b) => last(a) - last(b) || name(a.key).localeCompare(name(b.key)));
}

export function Breakdown({
  summary,
  group,
  base,
}: {
  summary: ReportSummary;
  group: Dimension;
  base: LinkParams;
}) {
  const name = (key: string) =>
    group === 'staff' ? (summary.staffNames.get(key) ?? (key === 'none' ? '(nobody yet)' : key)) : key;
  return (
    <table class="report-table">
      <caption>{`By ${group}`}</caption>
      <thead>
        <tr>
          <th scope="col">{group}</th>
          <th scope="col">Messages</th>
          <th scope="col">SLA compliance</th>
          <th scope="col">Response median (business)</th>
          <th scope="col">Response p90 (business)</th>
          <th scope="col">Response median</th>
          <th scope="col">Draft utilization</th>
          <th scope="col">Unchanged / light / heavy</th>
          <th scope="col">Regenerations</th>
          <th scope="col">Feedback useful / not</th>
          <th scope="col">Slack ack median</th>
        </tr>
      </thead>
      <tbody>
        {groupsOf(summary, group, name).map((g) => {
          // A group with no filter value (no staff yet) links to the unfiltered list.
          const own = group === 'staff' && g.key === 'none' ? {} : { [group]: g.key };
          const link = (extra: LinkParams) => reportUrl(DRILL, { ...base, ...own, ...extra });
          return (
            <tr key={g.key} data-group={g.key}>
              <th scope="row">{name(g.key)}</th>
              <td>
                <Fig href={link({})}>{g.count}</Fig>
              </td>
              <td>
                <Fig href={link({ sla: 'missed' })}>{formatPercent(slaCompliance(g))}</Fig>
              </td>
              <td>
                <Fig href={link({ interval: 'to_done' })}>{formatDuration(g.business[RESPONSE].median)}</Fig>
              </td>
              <td>
                <Fig href={link({ interval: 'to_done' })}>{formatDuration(g.business[RESPONSE].p90)}</Fig>
              </td>
              <td>
                <Fig href={link({ interval: 'to_done' })}>{formatDuration(g.wall[RESPONSE].median)}</Fig>
              </td>
              <td>
                <Fig href={link({ draft: 'used' })}>{formatPercent(draftUtilization(g))}</Fig>
              </td>
              <td>
                <Fig href={link({ edit: 'unchanged' })}>{g.edit.unchanged}</Fig> /{' '}
                <Fig href={link({ edit: 'light' })}>{g.edit.light}</Fig> /{' '}
                <Fig href={link({ edit: 'heavy' })}>{g.edit.heavy}</Fig>
              </td>
              <td>
                <Fig href={link({ regenerated: 'yes' })}>{g.regenerations}</Fig>
              </td>
              <td>
                <Fig href={link({ feedback: 'useful' })}>{g.feedback.useful}</Fig> /{' '}
                <Fig href={link({ feedback: 'not_useful' })}>{g.feedback.notUseful}</Fig>
              </td>
              <td>
                <Fig href={link({ interval: 'alert_to_ack' })}>{formatDuration(g.wall[ACK].median)}</Fig>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
