/** The drill-down table: ids, levels, times and intervals of the messages behind a figure; no text. */
import type { Drilldown } from './drilldown';
import { formatDuration, reportUrl, type LinkParams } from './format';
import { INTERVALS } from './measure';
import { DRILLDOWN_ROW_LIMIT } from './query';

const RESPONSE = INTERVALS.findIndex((i) => i.name === 'to_done');

export interface DrilldownPageProps {
  result: Drilldown;
  /** What was asked, as the page's own query (for the back link and the description). */
  params: LinkParams;
  iso: (ms: number | null) => string;
  staffNames: Map<string, string>;
}

export function DrilldownPage({ result, params, iso, staffNames }: DrilldownPageProps) {
  const k = result.sortedBy ? INTERVALS.findIndex((i) => i.name === result.sortedBy) : -1;
  const conditions = Object.entries(params)
    .filter(([, v]) => v)
    .map(([key, v]) => `${key} ${v}`)
    .join(', ');
  const back = { ...params };
  for (const key of ['sla', 'draft', 'edit', 'regenerated', 'feedback', 'alerted', 'open_at', 'interval'])
    delete back[key];
  return (
    <div class="reports">
      <h1>Messages behind the figure</h1>
      <p class="report-meta">
        {`${result.total} message${result.total === 1 ? '' : 's'} (${conditions || 'no conditions'}).`}
        {result.total > result.rows.length
          ? ` Showing ${result.rows.length}; the CSV export has them all.`
          : ''}{' '}
        <a href={reportUrl('/reports', back)}>Back to the report</a>
      </p>
      <table class="report-table">
        <caption>{result.sortedBy ? `Longest ${result.sortedBy} first` : 'In order received'}</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Level</th>
            <th scope="col">Category</th>
            <th scope="col">Language</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">First opened</th>
            <th scope="col">Sent or closed</th>
            <th scope="col">Response</th>
            <th scope="col">Response (business)</th>
            {k >= 0 && result.sortedBy !== 'to_done' ? <th scope="col">{INTERVALS[k].label}</th> : null}
            <th scope="col">SLA</th>
            <th scope="col">Draft</th>
            <th scope="col">Edit</th>
            <th scope="col">Staff</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((m) => (
            <tr key={m.row.id} data-id={m.row.id}>
              <th scope="row">
                <a href={`/inbox/messages/${m.row.id}`}>{m.row.id.slice(0, 8)}</a>
              </th>
              <td>{m.row.urgency ?? 'untriaged'}</td>
              <td>{m.row.category ?? '—'}</td>
              <td>{m.row.language ?? '—'}</td>
              <td>{m.row.status}</td>
              <td>{iso(m.row.received)}</td>
              <td>{iso(m.row.first_opened) || '—'}</td>
              <td>{iso(m.done) || '—'}</td>
              <td>{formatDuration(m.wall[RESPONSE])}</td>
              <td>{formatDuration(m.business[RESPONSE])}</td>
              {k >= 0 && result.sortedBy !== 'to_done' ? <td>{formatDuration(m.wall[k])}</td> : null}
              <td>{m.sla}</td>
              <td>{m.draftUsed === null ? '—' : m.draftUsed ? 'used' : 'blank'}</td>
              <td>{m.editClass ?? '—'}</td>
              <td>{m.staff ? (staffNames.get(m.staff) ?? m.staff) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.total === 0 ? <p>No messages match.</p> : null}
      <p class="report-meta">{`At most ${DRILLDOWN_ROW_LIMIT} rows are listed here.`}</p>
    </div>
  );
}
