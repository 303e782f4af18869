/**
 * The report queries. Every timestamp comes from the append-only event log: `message_milestones`
 * (migrations/0005) holds, per message, the first event of each kind, copied from the events by a
 * trigger in the same transaction as each event, never from mutable rows. Plus the portal's own
 * receipt time. Rows come out in received order (the messages_received_at index) and are read
 * through a cursor, so a million messages stream to the client in constant memory.
 */
import { sql, type RawBuilder } from 'kysely';
import Cursor from 'pg-cursor';
import type { Db } from '../db';
import type { Filters } from './query';

/** What measuring a message takes (measureInto): its milestones (epoch ms, null when it never
 * happened), its urgency and its reply facts. */
export interface MeasureInput {
  urgency: string | null;
  received: number;
  ingested: number | null;
  triaged: number | null;
  alerted: number | null;
  acknowledged: number | null;
  draft_ready: number | null;
  first_opened: number | null;
  approved: number | null;
  sent: number | null;
  closed: number | null;
  draft_id: string | null;
  /** From reply.approved data.edit (numbers only, never the texts). */
  word_edits: number | null;
  draft_words: number | null;
  sent_words: number | null;
  regenerations: number;
  feedback_useful: number;
  feedback_not_useful: number;
}

/** One message for the CSV export and drill-down lists. */
export interface MilestoneRow extends MeasureInput {
  id: string;
  portal_id: string;
  category: string | null;
  language: string | null;
  status: string;
  approver: string | null;
  acknowledged_by: string | null;
  /** Actor and reason code of the first close (a message may be closed again after reopening). */
  close_actor: string | null;
  close_reason: string | null;
}

/** One message for the aggregates: what it is measured from and what it is grouped by. */
export interface AggregateRow extends MeasureInput {
  category: string | null;
  language: string | null;
  /** users.id of the approver, else of the person who first closed it. */
  staff: string | null;
}

// date_part gives float8 directly (extract() is numeric, slower); epoch ms keep microseconds.
const ms = (column: string) => sql`date_part('epoch', ${sql.ref(column)}) * 1000`;

/** Which messages: received in [start, end), or (backlog drill-down) still open at `openAt`. */
export type MessageSelection = { start: Date; end: Date } | { openAt: Date };

function messageFilters(filters: Filters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (filters.urgency === 'untriaged') where.push(sql`m.urgency is null`);
  else if (filters.urgency) where.push(sql`m.urgency = ${filters.urgency}`);
  if (filters.category === 'untriaged') where.push(sql`m.category is null`);
  else if (filters.category) where.push(sql`m.category = ${filters.category}`);
  if (filters.language === 'unknown') where.push(sql`m.language is null`);
  else if (filters.language) where.push(sql`m.language = ${filters.language}`);
  return where;
}

const MILESTONE_TIMES = sql`${ms('m.received_at')} as received,
      ${ms('s.ingested_at')} as ingested,
      ${ms('s.triaged_at')} as triaged,
      ${ms('s.alerted_at')} as alerted,
      ${ms('s.acknowledged_at')} as acknowledged,
      ${ms('s.ready_at')} as draft_ready,
      ${ms('s.first_opened_at')} as first_opened,
      ${ms('s.approved_at')} as approved,
      ${ms('s.sent_at')} as sent,
      ${ms('s.closed_at')} as closed`;

const REPLY_FACTS = sql`s.draft_id, s.word_edits, s.draft_words, s.sent_words,
      coalesce(s.regenerations, 0) as regenerations,
      coalesce(s.feedback_useful, 0) as feedback_useful,
      coalesce(s.feedback_not_useful, 0) as feedback_not_useful`;

function selectionWhere(selection: MessageSelection, filters: Filters): RawBuilder<unknown> {
  const where = messageFilters(filters);
  if ('openAt' in selection) {
    where.push(
      sql`m.received_at < ${selection.openAt}`,
      sql`coalesce(least(s.sent_at, s.closed_at), 'infinity') > ${selection.openAt}`,
    );
  } else {
    where.push(sql`m.received_at >= ${selection.start}`, sql`m.received_at < ${selection.end}`);
  }
  // Staff: the approver or the person who (first) closed it.
  if (filters.staff) {
    where.push(sql`(s.approver = ${filters.staff} or s.close_actor = ${`user:${filters.staff}`})`);
  }
  return sql.join(where, sql` and `);
}

/** Every field of each message, in received order (the CSV export and drill-down lists). */
function milestoneQuery(selection: MessageSelection, filters: Filters): RawBuilder<MilestoneRow> {
  // A plain join, one row per message: no events are grouped at report time.
  return sql<MilestoneRow>`(
    select m.id, m.portal_id, m.urgency, m.category, m.language, m.status,
      ${MILESTONE_TIMES},
      s.approver, s.acknowledged_by, s.close_actor, s.close_reason,
      ${REPLY_FACTS}
    from messages m
    left join message_milestones s on s.message_id = m.id
    where ${selectionWhere(selection, filters)}
    order by m.received_at, m.id
  )`;
}

/** How many messages a selection holds (to size the aggregates' columns before reading them). */
export async function countSelected(db: Db, selection: MessageSelection, filters: Filters): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from messages m
    left join message_milestones s on s.message_id = m.id
    where ${selectionWhere(selection, filters)}`.execute(db);
  return rows[0].n;
}

/**
 * Only what the aggregates need, in no particular order: no ids or codes to parse, and no sort, so
 * PostgreSQL hands out rows as the join makes them instead of sorting a million rows first.
 */
function aggregateQuery(selection: MessageSelection, filters: Filters): RawBuilder<AggregateRow> {
  return sql<AggregateRow>`(
    select m.urgency, m.category, m.language,
      coalesce(s.approver, case when s.close_actor like 'user:%' then substr(s.close_actor, 6) end) as staff,
      ${MILESTONE_TIMES},
      ${REPLY_FACTS}
    from messages m
    left join message_milestones s on s.message_id = m.id
    where ${selectionWhere(selection, filters)}
  )`;
}

/**
 * Rows per cursor read. Measured at 100,000 rows: 500 beats 1,000 and 2,000 (bigger batches live
 * through more scavenges and get promoted: more GC, more RSS), and 250 gains nothing.
 */
export const MILESTONE_BATCH_ROWS = 500;

/** Per-message rows in batches, in received order (the CSV export, drill-down lists). */
export function streamMilestoneBatches(
  db: Db,
  selection: MessageSelection,
  filters: Filters,
): AsyncGenerator<MilestoneRow[]> {
  return streamBatches(db, milestoneQuery(selection, filters));
}

/** Aggregate rows in batches, unordered (the report page and summary.csv). */
export function streamAggregateBatches(
  db: Db,
  selection: MessageSelection,
  filters: Filters,
): AsyncGenerator<AggregateRow[]> {
  return streamBatches(db, aggregateQuery(selection, filters));
}

/**
 * Rows in batches, read through a server-side cursor (pg-cursor) on one pooled connection. The next
 * batch is asked for before the current one is handed out, so PostgreSQL (its own process) produces
 * batch k + 1 while the caller measures and formats batch k; at most two batches are held. The
 * connection goes back to the pool when the iteration ends or is abandoned.
 */
async function* streamBatches<Row>(
  db: Db,
  query: RawBuilder<Row>,
  batchRows = MILESTONE_BATCH_ROWS,
): AsyncGenerator<Row[]> {
  const compiled = query.compile(db);
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  let cursor: Cursor<Row> | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    db.getExecutor()
      .provideConnection(async (conn) => {
        const c = new Cursor<Row>(compiled.sql, [...compiled.parameters]);
        // kysely's pg connection hands `sql` to pg's client.query(), which submits a Submittable
        // (the cursor) on that client: the cursor then reads on the pooled connection held here.
        await conn.executeQuery({ ...compiled, sql: c as unknown as string });
        // A kysely that stopped passing it through would leave the cursor unsent: fail, never hang.
        if ((c as unknown as { state: string }).state === 'initialized')
          throw new Error('the report cursor could not be submitted on the pooled connection');
        cursor = c;
        resolve();
        await done;
        await c.close();
      })
      .catch(reject);
  });
  try {
    await opened;
    if (!cursor) throw new Error('the report cursor was not opened');
    let next = cursor.read(batchRows);
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = cursor.read(batchRows);
      // Handled where awaited; this only keeps an abandoned prefetch from being an unhandled rejection.
      next.catch(() => undefined);
      yield rows;
    }
  } finally {
    release();
  }
}

/** Per-message rows one by one (drill-down lists), from streamMilestoneBatches. */
export async function* streamMilestones(
  db: Db,
  selection: MessageSelection,
  filters: Filters,
): AsyncIterableIterator<MilestoneRow> {
  for await (const batch of streamMilestoneBatches(db, selection, filters)) yield* batch;
}

/**
 * Backlog counts: messages received and messages answered (first reply sent or close) per bucket,
 * bucket 0 being everything before the range. The staff filter does not apply: an open message has
 * no approver yet.
 */
export async function backlogCounts(
  db: Db,
  bucketStarts: Date[],
  end: Date,
  filters: Filters,
): Promise<{ received: Map<number, number>; done: Map<number, number> }> {
  const where = messageFilters(filters);
  const cond = where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;
  const bounds = sql`${bucketStarts.map((d) => d.toISOString())}::timestamptz[]`;
  const received = await sql<{ b: number; n: number }>`
    select width_bucket(m.received_at, ${bounds}) as b, count(*)::int as n
    from messages m where m.received_at < ${end} ${cond} group by 1`.execute(db);
  const done = await sql<{ b: number; n: number }>`
    select width_bucket(least(s.sent_at, s.closed_at), ${bounds}) as b, count(*)::int as n
    from message_milestones s join messages m on m.id = s.message_id
    where least(s.sent_at, s.closed_at) < ${end} and m.received_at < ${end} ${cond} group by 1`.execute(db);
  return {
    received: new Map(received.rows.map((r) => [r.b, r.n])),
    done: new Map(done.rows.map((r) => [r.b, r.n])),
  };
}

export async function staffNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
