/** The alert state the inbox shows with a message (JSON API detail), and /inbox's counts. */
import { sql } from 'kysely';
import type { Db } from '../db';
import type { InboxCounts } from './blocks';

export interface AlertState {
  /** posted, or: pending, posting, retrying (last try failed, another is scheduled), not_configured. */
  state: 'pending' | 'posting' | 'posted' | 'retrying' | 'not_configured';
  postedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { userId: string | null; name: string | null; slackUser: string | null } | null;
  escalationLevel: number;
  resolvedAt: string | null;
  attempts: number;
  lastError: string | null;
}

export async function alertStateFor(db: Db, messageId: string): Promise<AlertState | null> {
  const a = await db
    .selectFrom('alerts')
    .leftJoin('users', 'users.id', 'alerts.acked_by')
    .selectAll('alerts')
    .select('users.display_name')
    .where('alerts.message_id', '=', messageId)
    .executeTakeFirst();
  if (!a) return null;
  return {
    state: a.state === 'failed' ? 'retrying' : a.state,
    postedAt: a.posted_at?.toISOString() ?? null,
    acknowledgedAt: a.acked_at?.toISOString() ?? null,
    acknowledgedBy: a.acked_at
      ? { userId: a.acked_by, name: a.display_name ?? null, slackUser: a.acked_slack_user }
      : null,
    escalationLevel: a.escalation_level,
    resolvedAt: a.resolved_at?.toISOString() ?? null,
    attempts: a.attempts,
    lastError: a.state === 'posted' ? null : a.last_error,
  };
}

/** Open = not yet sent or closed. */
export async function inboxCounts(db: Db): Promise<InboxCounts> {
  const rows = await db
    .selectFrom('messages')
    .select(['urgency', sql<number>`count(*)::int`.as('n')])
    .where('status', 'not in', ['sent', 'closed'])
    .groupBy('urgency')
    .execute();
  const byLevel: InboxCounts['byLevel'] = {
    emergent: 0,
    urgent: 0,
    routine: 0,
    non_clinical: 0,
    untriaged: 0,
  };
  for (const r of rows) byLevel[r.urgency ?? 'untriaged'] = r.n;
  const oldest = await db
    .selectFrom('messages')
    .select(sql<number>`floor(extract(epoch from now() - min(received_at)) / 60)::int`.as('minutes'))
    .where('status', 'not in', ['sent', 'closed'])
    .where('urgency', 'in', ['emergent', 'urgent'])
    .executeTakeFirst();
  return { byLevel, oldestUrgentMinutes: oldest?.minutes ?? null };
}
