/**
 * Kysely functions behind the inbox actions. Each takes the db or a transaction first. Changes a
 * person can collide with bump messages.version; reply text lives in reply_drafts, one row per
 * revision, never overwritten.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, MessageStatus, UrgencyValue } from '../../db';
import { OPEN_STATUSES, REPLYABLE_STATUSES } from '../../db/schema';

export type Conn = Kysely<Database> | Transaction<Database>;

export interface LockedMessage {
  id: string;
  status: MessageStatus;
  version: number;
  urgency: UrgencyValue | null;
  assigned_to: string | null;
  routed_to: 'nurse' | null;
}

/** The message row, locked until the transaction ends: actions on one message run one at a time. */
export async function lockMessage(
  trx: Transaction<Database>,
  id: string,
): Promise<LockedMessage | undefined> {
  return trx
    .selectFrom('messages')
    .select(['id', 'status', 'version', 'urgency', 'assigned_to', 'routed_to'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Waiting on a person (send_failed included: it needs a retry or a close). */
export const isOpen = (status: MessageStatus) => (OPEN_STATUSES as readonly string[]).includes(status);
/** A reply can still be written or approved (not once one was approved, even if its send failed). */
export const isReplyable = (status: MessageStatus) =>
  (REPLYABLE_STATUSES as readonly string[]).includes(status);

export async function userName(db: Conn, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

export interface ReplyRevision {
  revision: number;
  body: string;
  mode: 'draft' | 'blank';
  based_on_draft_id: string | null;
  author: string;
  created_at: Date;
}

export async function latestRevision(db: Conn, messageId: string): Promise<ReplyRevision | undefined> {
  return db
    .selectFrom('reply_drafts')
    .select(['revision', 'body', 'mode', 'based_on_draft_id', 'author', 'created_at'])
    .where('message_id', '=', messageId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertRevision(
  db: Conn,
  row: {
    messageId: string;
    revision: number;
    author: string;
    mode: 'draft' | 'blank';
    basedOnDraftId: string | null;
    body: string;
  },
): Promise<void> {
  await db
    .insertInto('reply_drafts')
    .values({
      message_id: row.messageId,
      revision: row.revision,
      author: row.author,
      mode: row.mode,
      based_on_draft_id: row.basedOnDraftId,
      body: row.body,
    })
    .execute();
}

/** The newest draft of a message, or the named one if it belongs to the message. */
export async function findDraft(
  db: Conn,
  messageId: string,
  draftId?: string,
): Promise<{ id: string; body: string } | undefined> {
  let q = db.selectFrom('drafts').select(['id', 'body']).where('message_id', '=', messageId);
  q = draftId ? q.where('id', '=', draftId) : q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1);
  return q.executeTakeFirst();
}

export async function setAssignment(
  db: Conn,
  id: string,
  fields: { assignedTo: string | null; clearRouting?: boolean; routeToNurse?: boolean },
): Promise<number> {
  const row = await db
    .updateTable('messages')
    .set((eb) => ({
      assigned_to: fields.assignedTo,
      assigned_at: fields.assignedTo ? sql<Date>`now()` : null,
      ...(fields.clearRouting ? { routed_to: null } : {}),
      ...(fields.routeToNurse ? { routed_to: 'nurse' as const } : {}),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function closeMessage(
  db: Conn,
  id: string,
  fields: { closedBy: string; closeReason: string },
): Promise<number> {
  const row = await db
    .updateTable('messages')
    .set((eb) => ({
      status: 'closed',
      closed_at: sql<Date>`now()`,
      closed_by: fields.closedBy,
      close_reason: fields.closeReason,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The new level, and the staff member's reason appended to the triage reasons shown with it. */
export async function changeUrgency(
  db: Conn,
  id: string,
  fields: { urgency: UrgencyValue; reasonLine: string },
): Promise<number> {
  const row = await db
    .updateTable('messages')
    .set((eb) => ({
      urgency: fields.urgency,
      triage_reasons: sql<string[]>`array_append(triage_reasons, ${fields.reasonLine}::text)`,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function hasAlert(db: Conn, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('alerts')
    .select('message_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFeedback(
  db: Conn,
  row: {
    messageId: string;
    draftId: string;
    userId: string;
    useful: boolean;
    reasons: string[];
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('draft_feedback')
    .values({
      message_id: row.messageId,
      draft_id: row.draftId,
      user_id: row.userId,
      useful: row.useful,
      reasons: row.reasons,
      note: row.note,
    })
    .execute();
}

/** The alert acknowledged from the inbox: the first acknowledgement wins, as with Slack's button. */
export async function ackAlertFromInbox(
  db: Conn,
  messageId: string,
  userId: string,
  slackUser: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ acked_at: sql<Date>`now()`, acked_by: userId, acked_slack_user: slackUser })
    .where('message_id', '=', messageId)
    .where('acked_at', 'is', null)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Adds flags to a message, each kept once (the reviewer's "draft changed" notice). */
export async function addMessageFlags(db: Conn, messageId: string, flags: string[]): Promise<void> {
  await db
    .updateTable('messages')
    .set({ flags: sql<string[]>`array(select distinct unnest(flags || ${flags}::text[]) order by 1)` })
    .where('id', '=', messageId)
    .execute();
}
