/** Kysely functions for alerts and the Slack user mapping; each takes db (or a transaction) first. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Alert, Database, Db } from '../db';

type Conn = Kysely<Database> | Transaction<Database>;

/** Creates the alert row once; a second call (retry, reconcile) finds it and changes nothing. */
export async function ensureAlertRow(db: Conn, messageId: string, channel: string): Promise<Alert> {
  await db
    .insertInto('alerts')
    .values({ message_id: messageId, channel })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
  return db.selectFrom('alerts').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
}

export async function findAlert(db: Conn, messageId: string): Promise<Alert | undefined> {
  return db.selectFrom('alerts').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

/** Committed before Slack is called, so a retry knows a post may already exist. */
export async function markPosting(db: Conn, messageId: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({
      state: 'posting',
      posting_started_at: sql<Date>`coalesce(posting_started_at, now())`,
      last_attempt_at: sql<Date>`now()`,
      attempts: sql<number>`attempts + 1`,
    })
    .where('message_id', '=', messageId)
    .where('slack_ts', 'is', null)
    .execute();
}

export async function markPosted(db: Conn, messageId: string, channel: string, ts: string): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ state: 'posted', channel, slack_ts: ts, posted_at: sql<Date>`now()`, last_error: null })
    .where('message_id', '=', messageId)
    .where('slack_ts', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** `error` is a fixed Slack error code or HTTP status word, never a payload. */
export async function markFailed(db: Conn, messageId: string, error: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ state: 'failed', last_error: error.slice(0, 100), last_attempt_at: sql<Date>`now()` })
    .where('message_id', '=', messageId)
    .where('slack_ts', 'is', null)
    .execute();
}

export async function markNotConfigured(db: Conn, messageId: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ state: 'not_configured' })
    .where('message_id', '=', messageId)
    .where('slack_ts', 'is', null)
    .execute();
}

/** Returns true for the first acknowledgement only. */
export async function markAcked(
  db: Conn,
  messageId: string,
  by: { userId: string | null; slackUser: string },
): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ acked_at: sql<Date>`now()`, acked_by: by.userId, acked_slack_user: by.slackUser })
    .where('message_id', '=', messageId)
    .where('acked_at', 'is', null)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setEscalationLevel(db: Conn, messageId: string, level: number): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ escalation_level: level })
    .where('message_id', '=', messageId)
    .where('escalation_level', '<', level)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markResolved(
  db: Conn,
  messageId: string,
  outcome: 'sent' | 'closed',
): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ resolved_at: sql<Date>`now()`, outcome })
    .where('message_id', '=', messageId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markOwnerReminded(db: Conn, messageId: string): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ owner_reminded_at: sql<Date>`now()` })
    .where('message_id', '=', messageId)
    .where('owner_reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Assigns the message to whoever acknowledged, unless a person already owns it. */
export async function assignIfUnowned(db: Conn, messageId: string, userId: string): Promise<boolean> {
  const r = await db
    .updateTable('messages')
    .set({ assigned_to: userId, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', messageId)
    .where('assigned_to', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function inboxUserForSlack(db: Conn, slackUserId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('slack_users')
    .innerJoin('users', 'users.id', 'slack_users.user_id')
    .select('users.id')
    .where('slack_users.slack_user_id', '=', slackUserId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export async function activeUserByEmail(db: Conn, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export async function rememberSlackUser(db: Conn, slackUserId: string, userId: string): Promise<void> {
  await db
    .insertInto('slack_users')
    .values({ slack_user_id: slackUserId, user_id: userId })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet({ user_id: userId }))
    .execute();
}

export async function slackUserForInboxUser(db: Conn, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('slack_users')
    .select('slack_user_id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.slack_user_id;
}

export async function userEmail(db: Conn, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email;
}

/** The most recent delivery failure still waiting for a retry, for /readyz. */
export async function lastDeliveryFailure(db: Db): Promise<{ at: Date; error: string | null } | undefined> {
  const row = await db
    .selectFrom('alerts')
    .select(['last_attempt_at', 'last_error'])
    .where('state', '=', 'failed')
    .orderBy('last_attempt_at', 'desc')
    .executeTakeFirst();
  return row?.last_attempt_at ? { at: row.last_attempt_at, error: row.last_error } : undefined;
}
