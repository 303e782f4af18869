/**
 * The list's filters: GET query parameters holding codes only (never patient data, which would end
 * up in browser history and access logs). Parsed with zod; anything else is a 400 page that says
 * which filter was not understood.
 */
import { z } from 'zod';
import { BadRequestError } from '../../http/errors';
import { CATEGORIES } from '../../triage/types';
import { OPEN_STATUSES, type MessageStatus } from '../../db/schema';

export const LEVELS = ['emergent', 'urgent', 'routine', 'non_clinical', 'untriaged'] as const;
export type LevelCode = (typeof LEVELS)[number];
/** The generated messages.urgency_rank of each level: filtering on it lets the list's indexes serve. */
export const LEVEL_RANK: Record<LevelCode, number> = {
  emergent: 0,
  urgent: 1,
  routine: 2,
  non_clinical: 3,
  untriaged: 4,
};

export const STATUS_FILTERS = [
  'open',
  'new',
  'triaged',
  'ready',
  'send_failed',
  'sending',
  'sent',
  'closed',
  'all',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const ASSIGNEE_FILTERS = ['everyone', 'mine', 'unassigned', 'nurse'] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

/**
 * Saved views: the queues people work through, as links with counts at the top of the list. Each is
 * a condition on open messages; the other filters (behind the Filters disclosure) narrow a view.
 */
export const VIEWS = ['mine', 'unassigned', 'nurse', 'urgent', 'all'] as const;
export type ViewCode = (typeof VIEWS)[number];

export type CategoryCode = (typeof CATEGORIES)[number];

export interface ListFilter {
  /** The saved view; 'all' (every open message) when absent. */
  view?: ViewCode;
  level?: LevelCode;
  category?: CategoryCode;
  status: StatusFilter;
  assignee: AssigneeFilter;
  /** ISO 639 code as triage stores it ('und' = could not tell). */
  language?: string;
  cursor?: string;
}

export class InvalidFilterError extends BadRequestError {
  override name = 'InvalidFilterError';
  constructor(readonly fields: string[]) {
    super(`These filters were not understood: ${fields.join(', ')}. Choose them from the filter form.`, {
      fields,
    });
  }
}

/** A select left on "any" submits an empty string: that means no filter, not a bad one. */
const optionalCode = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const FilterQuery = z.object({
  view: optionalCode(z.enum(VIEWS)),
  level: optionalCode(z.enum(LEVELS)),
  category: optionalCode(z.enum(CATEGORIES)),
  status: optionalCode(z.enum(STATUS_FILTERS)),
  assignee: optionalCode(z.enum(ASSIGNEE_FILTERS)),
  language: optionalCode(z.string().regex(/^[a-z]{2,3}$/)),
  cursor: optionalCode(z.string().max(300)),
});

/** Parses `req.query`; a repeated parameter (an array) is as wrong as an unknown value. */
export function parseListFilter(query: Record<string, unknown>): ListFilter {
  const parsed = FilterQuery.safeParse(query);
  if (!parsed.success) {
    throw new InvalidFilterError([...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'query')))]);
  }
  const q = parsed.data;
  return {
    view: q.view === 'all' ? undefined : q.view,
    level: q.level,
    category: q.category,
    status: q.status ?? 'open',
    assignee: q.assignee ?? 'everyone',
    language: q.language,
    cursor: q.cursor,
  };
}

/** The statuses a status filter stands for; undefined = every status. */
export function statusesOf(status: StatusFilter): MessageStatus[] | undefined {
  if (status === 'all') return undefined;
  if (status === 'open') return [...OPEN_STATUSES];
  return [status];
}

/** The filter back as query parameters (defaults left out), e.g. for count links and "Next page". */
export function filterParams(filter: Partial<ListFilter>): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view && filter.view !== 'all') params.set('view', filter.view);
  if (filter.level) params.set('level', filter.level);
  if (filter.category) params.set('category', filter.category);
  if (filter.status && filter.status !== 'open') params.set('status', filter.status);
  if (filter.assignee && filter.assignee !== 'everyone') params.set('assignee', filter.assignee);
  if (filter.language) params.set('language', filter.language);
  if (filter.cursor) params.set('cursor', filter.cursor);
  return params;
}

export function listHref(filter: Partial<ListFilter>): string {
  const qs = filterParams(filter).toString();
  return qs ? `/inbox?${qs}` : '/inbox';
}

/** The view's own parameter, for links that must come back to the same queue (message pages). */
export function viewQuery(view: ViewCode | undefined): string {
  return view && view !== 'all' ? `?view=${view}` : '';
}

/** Parses a `view` query parameter on its own (message pages); anything unknown is the default view. */
export function parseView(value: unknown): ViewCode | undefined {
  const parsed = z.enum(VIEWS).safeParse(value);
  return parsed.success && parsed.data !== 'all' ? parsed.data : undefined;
}
