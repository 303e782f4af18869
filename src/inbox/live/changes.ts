/**
 * What the live-update ticker asks the database each second: a cheap marker that moves whenever
 * the list could look different, and the messages changed in the last few seconds. Both are index
 * lookups (messages_updated_at_idx, the open-inbox partial index, alerts_changed_at_idx from
 * migrations/0006), so a second's tick stays cheap with a million messages.
 */
import { sql } from 'kysely';
import type { Db } from '../../db';
import { OPEN_STATUSES, type MessageStatus } from '../../db/schema';

/** Literals, not parameters: the planner must see them to use the open-inbox partial index. */
const OPEN_LIST = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));

/** max(updated_at) of messages, the open count and the latest alert change, as one string. */
export async function readChangeMarker(db: Db): Promise<{ marker: string; open: number }> {
  const { rows } = await sql<{ m: string | null; open: number; a: string | null }>`
    select (select max(updated_at) from messages)::text as m,
           (select count(*) from messages where status in (${OPEN_LIST}))::int as open,
           (select max(greatest(created_at, posted_at, acked_at, last_attempt_at, resolved_at))
              from alerts)::text as a`.execute(db);
  const r = rows[0];
  return { marker: `${r?.m ?? '-'}|${r?.open ?? 0}|${r?.a ?? '-'}`, open: r?.open ?? 0 };
}

export interface ChangedMessage {
  id: string;
  version: number;
  status: MessageStatus;
}

/**
 * Messages updated within the last `windowSeconds`. A window rather than "since the last marker":
 * updated_at is the writer's transaction start, so a slow transaction can commit a time older than
 * one already seen; looking back a few seconds (and comparing with what was already announced)
 * still catches it.
 */
export async function recentlyChanged(db: Db, windowSeconds: number, limit = 500): Promise<ChangedMessage[]> {
  return db
    .selectFrom('messages')
    .select(['id', 'version', 'status'])
    .where('updated_at', '>', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}
