/**
 * Kysely functions for messages, drafts and replies as the pipeline writes them. Each takes the db
 * or a transaction first. State changes are guarded by the status they expect, so a job that runs a
 * second time (a retry after a crash) changes nothing and reports that it changed nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Message, MessageStatus, NewDraft, NewMessage, Reply } from '../db';
import type { Category } from '../triage';

export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Inserts what is new; a portal id already stored is left alone (a re-poll is harmless). */
export async function insertMessages(
  db: DbOrTrx,
  rows: NewMessage[],
): Promise<{ id: string; portal_id: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.column('portal_id').doNothing())
    .returning(['id', 'portal_id'])
    .execute();
}

export async function findMessage(db: DbOrTrx, id: string): Promise<Message | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The thread each referenced portal Communication belongs to, whether it was a patient message we
 * ingested or a reply we sent, so a patient's answer to our reply joins the same thread.
 */
export async function threadsOfPortalIds(db: DbOrTrx, portalIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (portalIds.length === 0) return found;
  const own = await db
    .selectFrom('messages')
    .select(['portal_id', 'thread_ref'])
    .where('portal_id', 'in', portalIds)
    .execute();
  for (const m of own) found.set(m.portal_id, m.thread_ref ?? `Communication/${m.portal_id}`);
  const replied = await db
    .selectFrom('replies')
    .innerJoin('messages', 'messages.id', 'replies.message_id')
    .select(['replies.portal_reply_id', 'messages.thread_ref', 'messages.portal_id'])
    .where('replies.portal_reply_id', 'in', portalIds)
    .execute();
  for (const r of replied) {
    if (r.portal_reply_id) found.set(r.portal_reply_id, r.thread_ref ?? `Communication/${r.portal_id}`);
  }
  return found;
}

export interface TriageUpdate {
  urgency: NonNullable<Message['urgency']>;
  category: NonNullable<Message['category']>;
  categories: string[];
  reasons: string[];
  needsReply: boolean;
  flags: string[];
  language: string;
}

/** new → triaged. False when the message was not `new` any more (already done by an earlier run). */
export async function applyTriage(db: DbOrTrx, id: string, t: TriageUpdate): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set((eb) => ({
      urgency: t.urgency,
      category: t.category,
      categories: t.categories,
      triage_reasons: t.reasons,
      needs_reply: t.needsReply,
      flags: mergedFlags(t.flags),
      language: t.language,
      status: 'triaged',
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A model's second opinion raised the level: more urgent only, reasons and flags added. */
export async function raiseUrgency(
  db: DbOrTrx,
  id: string,
  t: Pick<TriageUpdate, 'urgency' | 'reasons' | 'flags'>,
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set((eb) => ({
      urgency: t.urgency,
      triage_reasons: t.reasons,
      flags: mergedFlags(t.flags),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('status', 'in', ['new', 'triaged'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends flags to the existing ones, keeping each once. */
function mergedFlags(flags: string[]) {
  return sql<string[]>`array(select distinct unnest(flags || ${flags}::text[]) order by 1)`;
}

/**
 * Moves a message to `ready` from one of `from`, adding flags. False when it was elsewhere (done
 * already, or a person has moved it on).
 */
export async function markReady(
  db: DbOrTrx,
  id: string,
  from: MessageStatus[],
  flags: string[] = [],
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set((eb) => ({
      status: 'ready',
      flags: mergedFlags(flags),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A message the rules could not read is never left untriaged (it would sort last, out of sight):
 * it becomes urgent, the fail-safe level of RUBRIC rule 5, with the reason shown to staff.
 */
export async function markUntriagedUrgent(db: DbOrTrx, id: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ urgency: 'urgent', triage_reasons: [reason], updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('urgency', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Replies staff approved and sent for earlier messages of this category, newest first: the drafter
 * picks the most similar as style examples (pseudonymized before any model sees them).
 */
export async function recentSentReplies(
  db: DbOrTrx,
  category: Category,
  limit: number,
): Promise<{ reply: string; message: string }[]> {
  return db
    .selectFrom('replies')
    .innerJoin('messages', 'messages.id', 'replies.message_id')
    .select(['replies.body as reply', 'messages.body as message'])
    .where('messages.category', '=', category)
    .where('replies.sent_at', 'is not', null)
    .orderBy('replies.sent_at', 'desc')
    .limit(limit)
    .execute();
}

export async function addMessageFlags(db: DbOrTrx, id: string, flags: string[]): Promise<void> {
  await db
    .updateTable('messages')
    .set({ flags: mergedFlags(flags), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertDraft(db: DbOrTrx, draft: NewDraft): Promise<string> {
  const row = await db.insertInto('drafts').values(draft).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findReply(db: DbOrTrx, id: string): Promise<Reply | undefined> {
  return db.selectFrom('replies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ids of messages sitting in a status, oldest first: the reconciler re-enqueues their next step. */
export async function messageIdsInStatus(
  db: DbOrTrx,
  status: MessageStatus,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('status', '=', status)
    .orderBy('received_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
