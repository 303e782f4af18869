/**
 * The list's use cases: show a page of the inbox (page or live-refreshed rows) and search by patient.
 * Both are PHI accesses and record one audit event naming the message ids shown (invariant 6); the
 * search event never holds the query text, only what kind of search it was and how many it found.
 */
import type { Redis } from 'ioredis';
import { recordEvent } from '../../audit';
import { loadClinicSettings, type ClinicSettings } from '../../clinic';
import type { Db } from '../../db';
import type { Logger } from '../../logging/logger';
import { findPatientsByName, findPatientsByRecordNumber, nameWords } from '../patients';
import { presenceFor, type PresenceEntry } from '../presence';
import { viewQuery, type ListFilter } from './filters';
import {
  countByLevel,
  countSendFailed,
  countViews,
  listInboxPage,
  messagesOfPatients,
  type LevelCounts,
  type ListRow,
  type ViewCounts,
} from './repository';
import { rowView, type RowView } from './view-model';

export const PAGE_SIZE = 50;
export const SEARCH_MAX_CHARS = 100;
const SEARCH_PATIENT_LIMIT = 20;
const SEARCH_MESSAGE_LIMIT = 100;

export interface ListDeps {
  db: Db;
  redis: Redis;
  /** QUEUE_PREFIX: presence keys live under it. */
  prefix: string;
  /** CLINIC_TIME_ZONE, used when no business calendar is stored. */
  timeZone: string;
  logger: Logger;
  now: () => Date;
}

export interface Viewer {
  userId: string;
  /** How the person is signed in ('session' for pages); kept in the audit event like the JSON API does. */
  via: string;
}

/**
 * Presence is a courtesy: with Redis unreachable (or not answering within its command timeout) the
 * list still renders, without it, and says so.
 */
async function presenceOrNothing(
  deps: ListDeps,
  ids: string[],
): Promise<{ presence: Map<string, PresenceEntry[]>; available: boolean }> {
  try {
    return { presence: await presenceFor(deps.redis, deps.prefix, ids, deps.now()), available: true };
  } catch (err) {
    deps.logger.warn({ errorKind: (err as Error).name }, 'presence unavailable for the inbox list');
    return { presence: new Map(), available: false };
  }
}

function toViews(
  rows: ListRow[],
  ctx: { now: Date; settings: ClinicSettings; userId: string; presence: Map<string, PresenceEntry[]> },
): RowView[] {
  return rows.map((row) => rowView(row, ctx));
}

/** The audit event of a list or search, recorded before the answer goes out. */
function recordListed(deps: ListDeps, viewer: Viewer, action: string, data: Record<string, unknown>) {
  return recordEvent(deps.db, { actor: `user:${viewer.userId}`, action, data: { ...data, via: viewer.via } });
}

export interface ListView {
  rows: RowView[];
  counts: LevelCounts;
  /** Open messages in each saved view (Mine, Unassigned, Nurse queue, Emergent and urgent, All open). */
  views: ViewCounts;
  /** Replies whose send failed, over the whole inbox (whatever the filters). */
  sendFailed: number;
  nextCursor: string | null;
  /** False when Redis did not answer: the rows are right, but who is viewing them is unknown. */
  presenceAvailable: boolean;
}

/** Queries run side by side, then the audit event beside the presence read: latency, not load, is the cost. */
export async function showInboxList(
  deps: ListDeps,
  viewer: Viewer,
  filter: ListFilter,
  view: 'page' | 'rows',
): Promise<ListView> {
  const [page, counts, views, sendFailed, settings] = await Promise.all([
    listInboxPage(deps.db, filter, viewer.userId, PAGE_SIZE),
    countByLevel(deps.db, filter, viewer.userId),
    countViews(deps.db, viewer.userId),
    countSendFailed(deps.db),
    loadClinicSettings(deps.db, deps.timeZone),
  ]);
  const ids = page.rows.map((r) => r.id);
  // A list shows subjects, which can carry PHI: one event naming every message shown.
  const [{ presence, available }] = await Promise.all([
    presenceOrNothing(deps, ids),
    ids.length > 0 ? recordListed(deps, viewer, 'messages.listed', { messageIds: ids, view }) : undefined,
  ]);
  // A row opened from a saved view keeps it, so "Approve and next" and "Next" stay in that queue.
  const rows = toViews(page.rows, { now: deps.now(), settings, userId: viewer.userId, presence }).map(
    (r) => ({
      ...r,
      href: `${r.href}${viewQuery(filter.view)}`,
    }),
  );
  return { rows, counts, views, sendFailed, nextCursor: page.nextCursor, presenceAvailable: available };
}

export type SearchKind = 'name' | 'record_number';

export type SearchOutcome = { ok: true; kind: SearchKind; rows: RowView[] } | { ok: false; error: string };

/** Record numbers are digits (with separators); anything holding a digit is looked up as one. */
export function searchKindOf(query: string): SearchKind {
  return /\d/.test(query) ? 'record_number' : 'name';
}

export function validateSearch(query: string): string | undefined {
  const q = query.trim();
  if (q.length === 0) return 'Type a patient’s name or record number to search.';
  if (Array.from(q).length > SEARCH_MAX_CHARS)
    return `A search can be at most ${SEARCH_MAX_CHARS} characters; shorten it and try again.`;
  if (searchKindOf(q) === 'name' && nameWords(q).length === 0)
    return 'Type at least one letter of the patient’s name.';
  return undefined;
}

export async function searchMessages(deps: ListDeps, viewer: Viewer, query: string): Promise<SearchOutcome> {
  const error = validateSearch(query);
  if (error) return { ok: false, error };
  const q = query.trim();
  const kind = searchKindOf(q);
  const patients =
    kind === 'name'
      ? await findPatientsByName(deps.db, q, SEARCH_PATIENT_LIMIT)
      : await findPatientsByRecordNumber(deps.db, q, SEARCH_PATIENT_LIMIT);
  const [found, settings] = await Promise.all([
    messagesOfPatients(deps.db, patients, SEARCH_MESSAGE_LIMIT),
    loadClinicSettings(deps.db, deps.timeZone),
  ]);
  const ids = found.map((r) => r.id);
  const [{ presence }] = await Promise.all([
    presenceOrNothing(deps, ids),
    recordListed(deps, viewer, 'messages.searched', { kind, resultCount: ids.length, messageIds: ids }),
  ]);
  const rows = toViews(found, { now: deps.now(), settings, userId: viewer.userId, presence });
  return { ok: true, kind, rows };
}
