/**
 * The list's reads: one page of rows in inbox order (keyset on urgency_rank, received_at, id, the
 * columns of messages_open_inbox_idx / messages_inbox_idx), counts per level, and the messages of
 * patients found by a search. Everything a row shows comes back in one query (patients cache, alert,
 * assignee) so a page costs a fixed number of round trips however many rows it has.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db';
import type { AlertDeliveryState, CategoryValue, MessageStatus, UrgencyValue } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../messages/queries';
import { OPEN_STATUSES } from '../../db/schema';
import {
  LEVEL_RANK,
  LEVELS,
  statusesOf,
  VIEWS,
  type LevelCode,
  type ListFilter,
  type ViewCode,
} from './filters';

/** Enough of the body for its first line; a 10,000-line message is not read whole for a preview. */
const BODY_HEAD_CHARS = 2000;

export interface ListRow {
  id: string;
  urgency: UrgencyValue | null;
  urgencyRank: number;
  category: CategoryValue | null;
  status: MessageStatus;
  subject: string | null;
  bodyHead: string;
  /** Message flags (e.g. 'unreadable': an item with no text, to be read in the portal). */
  flags: string[];
  language: string | null;
  receivedAt: Date;
  version: number;
  routedTo: 'nurse' | null;
  assignedTo: string | null;
  assigneeName: string | null;
  patient: { name: string; birthDate: string | null } | null;
  alert: {
    state: AlertDeliveryState;
    ackedAt: Date | null;
    ackedByName: string | null;
    ackedInSlack: boolean;
    resolvedAt: Date | null;
  } | null;
}

function rowsQuery(db: Db) {
  return db
    .selectFrom('messages')
    .leftJoin('patients', 'patients.patient_ref', 'messages.patient_ref')
    .leftJoin('alerts', 'alerts.message_id', 'messages.id')
    .leftJoin('users as acker', 'acker.id', 'alerts.acked_by')
    .leftJoin('users as assignee', 'assignee.id', 'messages.assigned_to')
    .select([
      'messages.id',
      'messages.urgency',
      'messages.urgency_rank',
      'messages.category',
      'messages.status',
      'messages.subject',
      sql<string>`left(messages.body, ${sql.lit(BODY_HEAD_CHARS)})`.as('body_head'),
      'messages.flags',
      'messages.language',
      'messages.received_at',
      sql<string>`messages.received_at::text`.as('received_at_text'),
      'messages.version',
      'messages.routed_to',
      'messages.assigned_to',
      'assignee.display_name as assignee_name',
      'patients.display_name as patient_name',
      'patients.birth_date',
      'alerts.state as alert_state',
      'alerts.acked_at',
      'alerts.acked_slack_user',
      'acker.display_name as acker_name',
      'alerts.resolved_at',
    ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

function toRow(r: RawRow): ListRow {
  return {
    id: r.id,
    urgency: r.urgency,
    urgencyRank: r.urgency_rank,
    category: r.category,
    status: r.status,
    subject: r.subject,
    bodyHead: r.body_head,
    flags: r.flags,
    language: r.language,
    receivedAt: r.received_at,
    version: r.version,
    routedTo: r.routed_to,
    assignedTo: r.assigned_to,
    assigneeName: r.assignee_name,
    patient: r.patient_name ? { name: r.patient_name, birthDate: r.birth_date } : null,
    alert: r.alert_state
      ? {
          state: r.alert_state,
          ackedAt: r.acked_at,
          ackedByName: r.acker_name,
          ackedInSlack: r.acked_slack_user !== null,
          resolvedAt: r.resolved_at,
        }
      : null,
  };
}

/** What a saved view holds, as a condition on `messages` (the list, the counts and "next" share it). */
export function viewCondition(view: ViewCode | undefined, userId: string): RawBuilder<boolean> {
  switch (view) {
    case 'mine':
      return sql<boolean>`messages.assigned_to = ${userId}`;
    case 'unassigned':
      return sql<boolean>`messages.assigned_to is null`;
    case 'nurse':
      return sql<boolean>`messages.routed_to = 'nurse'`;
    case 'urgent':
      return sql<boolean>`messages.urgency_rank in (${sql.lit(LEVEL_RANK.emergent)}, ${sql.lit(LEVEL_RANK.urgent)})`;
    default:
      return sql<boolean>`true`;
  }
}

export type ViewCounts = Record<ViewCode, number>;

/** Open messages in each saved view, in one pass over the open-inbox index, whatever the filters. */
export async function countViews(db: Db, userId: string): Promise<ViewCounts> {
  const row = await db
    .selectFrom('messages')
    .select(VIEWS.map((v) => sql<number>`(count(*) filter (where ${viewCondition(v, userId)}))::int`.as(v)))
    .where(sql<boolean>`messages.status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(
    VIEWS.map((v) => [v, Number((row as Record<string, unknown>)[v] ?? 0)]),
  ) as ViewCounts;
}

/**
 * Every filter but the level (the counts show all levels of the current view) and the cursor, as
 * one SQL condition on `messages` that both the page and the counts use.
 */
function filterCondition(filter: ListFilter, userId: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [viewCondition(filter.view, userId)];
  const statuses = statusesOf(filter.status);
  // Literals, not parameters: the planner must see the statuses to pick the partial open-inbox index.
  if (statuses) parts.push(sql`messages.status in (${sql.join(statuses.map((s) => sql.lit(s)))})`);
  if (filter.category) parts.push(sql`messages.category = ${filter.category}`);
  if (filter.language) parts.push(sql`messages.language = ${filter.language}`);
  if (filter.assignee === 'mine') parts.push(sql`messages.assigned_to = ${userId}`);
  if (filter.assignee === 'unassigned') parts.push(sql`messages.assigned_to is null`);
  if (filter.assignee === 'nurse') parts.push(sql`messages.routed_to = 'nurse'`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

export interface ListPage {
  rows: ListRow[];
  nextCursor: string | null;
}

/** One page in inbox order: most urgent first, then longest waiting, then id. */
export async function listInboxPage(
  db: Db,
  filter: ListFilter,
  userId: string,
  limit: number,
): Promise<ListPage> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  let query = rowsQuery(db).where(filterCondition(filter, userId));
  if (filter.level) query = query.where('messages.urgency_rank', '=', LEVEL_RANK[filter.level]);
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('messages.urgency_rank', 'messages.received_at', 'messages.id'),
        '>',
        eb.tuple(after.rank, sql<Date>`${after.at}::timestamptz`, after.id),
      ),
    );
  }
  const raw = await query
    .orderBy('messages.urgency_rank')
    .orderBy('messages.received_at')
    .orderBy('messages.id')
    .limit(limit + 1)
    .execute();
  const page = raw.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    raw.length > limit && last
      ? encodeCursor({ rank: last.urgency_rank, at: last.received_at_text, id: last.id })
      : null;
  return { rows: page.map(toRow), nextCursor };
}

export type LevelCounts = Record<LevelCode, number>;

/** How many messages each level holds under the current filters (level and cursor aside). */
export async function countByLevel(db: Db, filter: ListFilter, userId: string): Promise<LevelCounts> {
  const rows = await db
    .selectFrom('messages')
    .select(['messages.urgency_rank', sql<number>`count(*)::int`.as('n')])
    .where(filterCondition(filter, userId))
    .groupBy('messages.urgency_rank')
    .execute();
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as LevelCounts;
  for (const r of rows) {
    const level = LEVELS[r.urgency_rank];
    if (level) counts[level] = r.n;
  }
  return counts;
}

/**
 * How many replies wait for a person because sending them failed, whatever the filters: the list
 * shows this beside every view so a failed send is never out of sight. Served by the open-inbox
 * partial index (its predicate includes send_failed).
 */
export async function countSendFailed(db: Db): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'send_failed')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The messages of the given patients, newest first: a search looks for a person's history. */
export async function messagesOfPatients(db: Db, patientRefs: string[], limit: number): Promise<ListRow[]> {
  if (patientRefs.length === 0) return [];
  const rows = await rowsQuery(db)
    .where('messages.patient_ref', 'in', patientRefs)
    .orderBy('messages.received_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}
