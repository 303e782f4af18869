/**
 * The list's pieces, shared by the full page and the /inbox/rows fragment so a live refresh renders
 * exactly what a reload would. Patient text only ever goes in as a child (escaped by preact), and the
 * first line sits in <bdi> so right-to-left overrides in it cannot reorder the rest of the row.
 */
import type { ListFilter } from './filters';
import { LEVELS, listHref, VIEWS, type ViewCode } from './filters';
import { LEVEL_LABELS } from './format';
import type { LevelCounts, ViewCounts } from './repository';
import type { RowView } from './view-model';

export const PATIENT_PLACEHOLDER = 'Patient (chart not read yet)';

export function presenceText(p: { name: string; mode: 'viewing' | 'replying' }): string {
  return `${p.name} is ${p.mode}`;
}

export function PresenceList({ id, people }: { id: string; people: RowView['presence'] }) {
  return (
    <span class="presence" data-presence-for={id}>
      {people.map((p, i) => (
        <span key={i} class={`presence-person presence-${p.mode}`}>
          {presenceText(p)}
        </span>
      ))}
    </span>
  );
}

function Row({ row }: { row: RowView }) {
  return (
    <tr id={`row-${row.id}`} class={`row row-${row.level}`} data-id={row.id}>
      <td>
        <span class={`level level-${row.level}`}>{row.levelLabel}</span>
      </td>
      <td class="patient">
        {row.patientName ? (
          <>
            <bdi>{row.patientName}</bdi>
            {row.age ? <span class="age">, {row.age}</span> : null}
          </>
        ) : (
          <span class="muted">{PATIENT_PLACEHOLDER}</span>
        )}
      </td>
      <td class="first-line">
        <a class="open-link" href={row.href}>
          <bdi>{row.firstLine}</bdi>
        </a>
      </td>
      <td>{row.categoryLabel}</td>
      <td>
        <time dateTime={row.receivedAt}>{row.waiting}</time>
      </td>
      <td class={row.sla?.overdue ? 'sla sla-overdue' : 'sla'}>
        {row.sla ? (
          <>
            <span class="sla-left">{row.sla.text}</span> <span class="due">{row.sla.due}</span>
          </>
        ) : (
          <span class="muted">{row.statusLabel}</span>
        )}
      </td>
      <td class={`alert-state alert-${row.alert.kind}`}>{row.alert.text}</td>
      <td class="handling">
        {row.open ? (
          <span class={row.sendFailed ? 'status status-send-failed' : 'status'}>{row.statusLabel}</span>
        ) : null}
        {row.claimedBy ? <span class="claimed">Claimed by {row.claimedBy}</span> : null}
        {row.nurseQueue ? <span class="nurse-queue">Nurse queue</span> : null}
        <PresenceList id={row.id} people={row.presence} />
      </td>
    </tr>
  );
}

export function RowsBody({ rows, empty }: { rows: RowView[]; empty: string }) {
  return (
    <tbody id="inbox-rows">
      {rows.length === 0 ? (
        <tr class="empty">
          <td colSpan={8}>{empty}</td>
        </tr>
      ) : (
        rows.map((row) => <Row key={row.id} row={row} />)
      )}
    </tbody>
  );
}

export function MessagesTable({ caption, rows, empty }: { caption: string; rows: RowView[]; empty: string }) {
  return (
    <table class="inbox-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Patient</th>
          <th scope="col">Message</th>
          <th scope="col">Category</th>
          <th scope="col">Waiting</th>
          <th scope="col">SLA</th>
          <th scope="col">Alert</th>
          <th scope="col">Handling</th>
        </tr>
      </thead>
      <RowsBody rows={rows} empty={empty} />
    </table>
  );
}

export const VIEW_LABELS: Record<ViewCode, string> = {
  mine: 'Mine',
  unassigned: 'Unassigned',
  nurse: 'Nurse queue',
  urgent: 'Emergent and urgent',
  all: 'All open',
};

/**
 * The saved views with their counts of open messages: the queues people work through, one link each
 * (the current one marked aria-current). A view link starts the view afresh, without other filters.
 */
export function ViewsNav({ views, filter }: { views: ViewCounts; filter: ListFilter }) {
  const current: ViewCode = filter.view ?? 'all';
  return (
    <nav id="saved-views" class="saved-views" aria-label="Views">
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <a
              href={listHref({ view: v })}
              aria-current={current === v ? 'page' : undefined}
              data-view={v}
              class={v === 'urgent' ? 'view-urgent' : undefined}
            >
              {VIEW_LABELS[v]} <span class="count">{views[v]}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One link per level with its count; each keeps the other filters. */
export function LevelCountsNav({ counts, filter }: { counts: LevelCounts; filter: ListFilter }) {
  const total = LEVELS.reduce((sum, l) => sum + counts[l], 0);
  const base = { ...filter, cursor: undefined };
  return (
    <nav id="level-counts" class="level-counts" aria-label="Counts by level">
      <ul>
        <li>
          <a href={listHref({ ...base, level: undefined })} aria-current={filter.level ? undefined : 'true'}>
            All levels <span class="count">{total}</span>
          </a>
        </li>
        {LEVELS.map((level) => (
          <li key={level}>
            <a
              href={listHref({ ...base, level })}
              class={`level level-${level}`}
              aria-current={filter.level === level ? 'true' : undefined}
              data-level={level}
            >
              {LEVEL_LABELS[level]} <span class="count">{counts[level]}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Replies that could not be sent, counted over the whole inbox: a link to the "Send failed" view
 * whenever there are any, on every view. The empty element stays so a live refresh can fill it.
 */
export function SendFailedNotice({ count, filter }: { count: number; filter: ListFilter }) {
  if (count === 0) return <div id="send-failed-notice" />;
  const showing = filter.status === 'send_failed';
  const what = count === 1 ? '1 approved reply' : `${count} approved replies`;
  return (
    <div id="send-failed-notice" class="send-failed-notice" role="status">
      <p>
        <strong>Send failed</strong> <span class="count">{count}</span>: {what} could not be sent to the
        patient’s portal. Retry sending, or close the message if it was handled another way.{' '}
        {showing ? null : <a href={listHref({ status: 'send_failed' })}>Show the Send failed view</a>}
      </p>
    </div>
  );
}

export function Pager({ filter, nextCursor }: { filter: ListFilter; nextCursor: string | null }) {
  if (!filter.cursor && !nextCursor) return <nav id="pager" class="pager" aria-label="Pages" />;
  return (
    <nav id="pager" class="pager" aria-label="Pages">
      {filter.cursor ? <a href={listHref({ ...filter, cursor: undefined })}>First page</a> : null}
      {nextCursor ? (
        <a href={listHref({ ...filter, cursor: nextCursor })} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}

/** What the rows fragment holds: the body, the counts and the pager, swapped in by list.js. */
export function RowsFragment(props: {
  rows: RowView[];
  empty: string;
  counts: LevelCounts;
  views: ViewCounts;
  sendFailed: number;
  filter: ListFilter;
  nextCursor: string | null;
}) {
  return (
    <div id="inbox-fragment">
      <table>
        <RowsBody rows={props.rows} empty={props.empty} />
      </table>
      <ViewsNav views={props.views} filter={props.filter} />
      <SendFailedNotice count={props.sendFailed} filter={props.filter} />
      <LevelCountsNav counts={props.counts} filter={props.filter} />
      <Pager filter={props.filter} nextCursor={props.nextCursor} />
    </div>
  );
}

export function HelpDialog() {
  const keys: [string, string][] = [
    ['j or ↓', 'Next message'],
    ['k or ↑', 'Previous message'],
    ['Enter', 'Open the selected message'],
    ['/', 'Search by patient name or record number'],
    ['?', 'Show this help'],
    ['Escape', 'Close this help'],
  ];
  return (
    <dialog id="shortcuts-help" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl class="shortcuts">
        {keys.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
