/**
 * The inbox list page, the search results page and the list's error page, all through renderPage()
 * (strict CSP: scripts are the same-origin files live.js and list.js; no inline script or style).
 */
import { renderPage } from '../../http/page-layout';
import type { PageContext } from '../../http/page-context';
import { ASSIGNEE_FILTERS, filterParams, LEVELS, STATUS_FILTERS, type ListFilter } from './filters';
import {
  ASSIGNEE_LABELS,
  CATEGORY_LABELS,
  LANGUAGE_CHOICES,
  languageLabel,
  LEVEL_LABELS,
  STATUS_LABELS,
} from './format';
import { RedisDegradedNotice } from '../degraded-notice';
import { HelpDialog, LevelCountsNav, MessagesTable, Pager, SendFailedNotice, ViewsNav } from './components';
import type { LevelCounts, ViewCounts } from './repository';
import type { RowView } from './view-model';

const STYLES = ['/inbox/assets/list.css'];
const SCRIPTS = ['/inbox/assets/live.js', '/inbox/assets/list.js'];

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
  labelOf: (code: string) => string;
  any?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.any ? <option value="">{props.any}</option> : null}
        {props.options.map((code) => (
          <option key={code} value={code} selected={props.value === code}>
            {props.labelOf(code)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Any filter besides the saved view: the Filters disclosure then opens by itself. */
export function hasExtraFilters(filter: Partial<ListFilter>): boolean {
  return Boolean(
    filter.level ||
    filter.category ||
    filter.language ||
    (filter.status && filter.status !== 'open') ||
    (filter.assignee && filter.assignee !== 'everyone'),
  );
}

/** The filters, folded behind one disclosure (open when a filter is set) so the rows get the screen. */
export function FiltersForm({ filter }: { filter: Partial<ListFilter> }) {
  const languages: string[] = [...LANGUAGE_CHOICES];
  if (filter.language && !languages.includes(filter.language)) languages.push(filter.language);
  return (
    <details class="filters-disclosure" id="filters-disclosure" open={hasExtraFilters(filter)}>
      <summary>Filters</summary>
      <form method="get" action="/inbox" class="filters" aria-label="Filters">
        {filter.view ? <input type="hidden" name="view" value={filter.view} /> : null}
        <Select
          name="level"
          label="Level"
          value={filter.level}
          options={LEVELS}
          labelOf={(c) => LEVEL_LABELS[c]}
          any="Any level"
        />
        <Select
          name="category"
          label="Category"
          value={filter.category}
          options={Object.keys(CATEGORY_LABELS)}
          labelOf={(c) => CATEGORY_LABELS[c]}
          any="Any category"
        />
        <Select
          name="status"
          label="Status"
          value={filter.status ?? 'open'}
          options={STATUS_FILTERS}
          labelOf={(c) => STATUS_LABELS[c]}
        />
        <Select
          name="assignee"
          label="Assigned"
          value={filter.assignee ?? 'everyone'}
          options={ASSIGNEE_FILTERS}
          labelOf={(c) => ASSIGNEE_LABELS[c]}
        />
        <Select
          name="language"
          label="Language"
          value={filter.language}
          options={languages}
          labelOf={languageLabel}
          any="Any language"
        />
        <button type="submit">Apply filters</button>
        <a class="button" href="/inbox">
          Reset
        </a>
      </form>
    </details>
  );
}

export function SearchForm({
  csrfToken,
  query,
  error,
}: {
  csrfToken: string;
  query?: string;
  error?: string;
}) {
  return (
    <form method="post" action="/inbox/search" class="search" role="search">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <label for="inbox-search">Find a patient by name or record number</label>
      <input
        id="inbox-search"
        name="q"
        type="search"
        value={query ?? ''}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'inbox-search-error' : undefined}
      />
      <button type="submit">Search</button>
      {error ? (
        <p id="inbox-search-error" class="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function Toolbar() {
  return (
    <div class="list-toolbar">
      <p id="live-status" class="live-status" aria-live="polite" aria-atomic="true"></p>
      <button type="button" id="shortcuts-button" class="shortcuts-button" hidden>
        Keyboard shortcuts <kbd>?</kbd>
      </button>
    </div>
  );
}

export function captionOf(filter: ListFilter): string {
  const what = filter.status === 'all' ? 'All messages' : `${STATUS_LABELS[filter.status]} messages`;
  return `${what}, most urgent first, then longest waiting`;
}

export function emptyTextOf(filter: ListFilter): string {
  const filtered = filter.level || filter.category || filter.language || filter.assignee !== 'everyone';
  if (!filtered && filter.status === 'open') return 'The inbox is clear: no open messages.';
  if (!filtered && filter.status === 'send_failed')
    return 'No reply is waiting for a retry: every send went through.';
  return 'No messages match these filters.';
}

export interface ListPageModel {
  ctx: PageContext;
  filter: ListFilter;
  rows: RowView[];
  counts: LevelCounts;
  views: ViewCounts;
  sendFailed: number;
  nextCursor: string | null;
  /** False: Redis did not answer, and the page says presence is missing. Default true. */
  presenceAvailable?: boolean;
}

export function renderListPage(m: ListPageModel): string {
  const rowsQuery = filterParams(m.filter).toString();
  return renderPage({
    title: 'Inbox',
    user: m.ctx.user,
    csrfToken: m.ctx.csrfToken,
    active: 'inbox',
    styles: STYLES,
    scripts: SCRIPTS,
    data: {
      page: 'inbox-list',
      'rows-url': `/inbox/rows${rowsQuery ? `?${rowsQuery}` : ''}`,
      'user-id': m.ctx.user.id,
    },
    body: (
      <>
        <div class="list-head">
          <h1>Inbox</h1>
          <ViewsNav views={m.views} filter={m.filter} />
        </div>
        {m.presenceAvailable === false ? <RedisDegradedNotice /> : null}
        <SendFailedNotice count={m.sendFailed} filter={m.filter} />
        <div class="list-controls">
          <SearchForm csrfToken={m.ctx.csrfToken} />
          <FiltersForm filter={m.filter} />
          <LevelCountsNav counts={m.counts} filter={m.filter} />
          <Toolbar />
        </div>
        <MessagesTable caption={captionOf(m.filter)} rows={m.rows} empty={emptyTextOf(m.filter)} />
        <Pager filter={m.filter} nextCursor={m.nextCursor} />
        <HelpDialog />
      </>
    ),
  });
}

export interface SearchPageModel {
  ctx: PageContext;
  query: string;
  kind?: 'name' | 'record_number';
  rows: RowView[];
  error?: string;
}

export function renderSearchPage(m: SearchPageModel): string {
  const empty =
    m.kind === 'record_number'
      ? 'No patient has that record number.'
      : 'No patient’s name matches. Try the first letters of a first or last name.';
  return renderPage({
    title: 'Search',
    user: m.ctx.user,
    csrfToken: m.ctx.csrfToken,
    active: 'inbox',
    styles: STYLES,
    scripts: SCRIPTS,
    data: { page: 'inbox-search', 'user-id': m.ctx.user.id },
    body: (
      <>
        <h1>Search</h1>
        <p>
          <a href="/inbox">Back to the inbox</a>
        </p>
        <SearchForm csrfToken={m.ctx.csrfToken} query={m.query} error={m.error} />
        {m.error ? null : (
          <MessagesTable caption="Messages of matching patients, newest first" rows={m.rows} empty={empty} />
        )}
        <HelpDialog />
      </>
    ),
  });
}

export function renderListErrorPage(ctx: PageContext, message: string): string {
  return renderPage({
    title: 'Inbox',
    user: ctx.user,
    csrfToken: ctx.csrfToken,
    active: 'inbox',
    styles: STYLES,
    body: (
      <>
        <h1>Inbox</h1>
        <p class="error" role="alert">
          {message}
        </p>
        <p>
          <a href="/inbox">Show the open messages</a>
        </p>
        <FiltersForm filter={{}} />
      </>
    ),
  });
}
