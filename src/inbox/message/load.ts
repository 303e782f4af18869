/**
 * Everything the message page shows, read in one place: the message, the patient (from the inbox's
 * cache), the thread, the latest draft with what it was built from, the reply being written, the
 * approved reply, the alert state and who holds the message. Repository functions take `db` first.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { alertStateFor, type AlertState } from '../../alerts/state';
import { OPEN_STATUSES, type Db, type Draft, type Message } from '../../db';
import { latestRevision, type ReplyRevision } from '../actions/repository';
import type { ViewCode } from '../list/filters';
import { viewCondition } from '../list/repository';

export interface PatientInfo {
  name: string;
  birthDate: string | null;
  sex: string | null;
}

export interface ThreadEntry {
  kind: 'patient' | 'reply';
  /** The other message's id (patient entries), to link to it. */
  messageId: string;
  at: Date;
  subject: string | null;
  body: string;
  /** Replies: who approved it. */
  author: string | null;
  /** After the message on screen (a follow-up), not before it. */
  later: boolean;
}

const SnapshotSchema = z.object({
  sources: z.array(z.string()).catch([]),
  reasons: z.array(z.string()).catch([]),
  facts: z.string().catch(''),
  templateKinds: z.array(z.string()).catch([]),
  styleExamples: z.number().catch(0),
});
export type DraftSnapshot = z.infer<typeof SnapshotSchema>;

export interface MessageView {
  message: Message;
  patient: PatientInfo | null;
  thread: ThreadEntry[];
  draft: Draft | null;
  snapshot: DraftSnapshot | null;
  draftCount: number;
  replyDraft: (ReplyRevision & { authorName: string | null }) | null;
  reply: {
    body: string;
    authorName: string | null;
    approvedAt: Date | null;
    sentAt: Date | null;
    sendAttempts: number;
    lastError: string | null;
    sendRound: number;
  } | null;
  alert: AlertState | null;
  assignee: { id: string; name: string } | null;
  closedBy: string | null;
  /** The viewer already sent feedback on the draft shown. */
  feedbackGiven: boolean;
}

const THREAD_LIMIT = 30;

export function parseSnapshot(raw: unknown): DraftSnapshot | null {
  if (raw === null || raw === undefined) return null;
  const value = typeof raw === 'string' ? safeJson(raw) : raw;
  const parsed = SnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function nameOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

/** Other messages of the same thread (or, without a thread, of the same patient) and our replies to them. */
export async function loadThread(db: Db, m: Message): Promise<ThreadEntry[]> {
  let q = db
    .selectFrom('messages')
    .leftJoin('replies', 'replies.message_id', 'messages.id')
    .leftJoin('users', 'users.id', 'replies.author')
    .select([
      'messages.id',
      'messages.received_at',
      'messages.subject',
      'messages.body',
      'replies.body as reply_body',
      'replies.sent_at',
      'users.display_name as reply_author',
    ])
    .orderBy('messages.received_at', 'desc')
    .limit(THREAD_LIMIT);
  q = m.thread_ref
    ? q.where('messages.thread_ref', '=', m.thread_ref)
    : q.where('messages.patient_ref', '=', m.patient_ref);
  const rows = await q.execute();
  const entries: ThreadEntry[] = [];
  for (const r of rows) {
    const later = r.received_at.getTime() > m.received_at.getTime();
    if (r.id !== m.id) {
      entries.push({
        kind: 'patient',
        messageId: r.id,
        at: r.received_at,
        subject: r.subject,
        body: r.body,
        author: null,
        later,
      });
    }
    if (r.reply_body !== null && r.sent_at) {
      entries.push({
        kind: 'reply',
        messageId: r.id,
        at: r.sent_at,
        subject: null,
        body: r.reply_body,
        author: r.reply_author,
        later: r.sent_at.getTime() > m.received_at.getTime(),
      });
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export async function loadMessageView(
  db: Db,
  messageId: string,
  viewerId: string,
): Promise<MessageView | undefined> {
  const message = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!message) return undefined;
  const [patient, drafts, revision, reply, alert, thread] = await Promise.all([
    db
      .selectFrom('patients')
      .select(['display_name', 'birth_date', 'sex'])
      .where('patient_ref', '=', message.patient_ref)
      .executeTakeFirst(),
    db
      .selectFrom('drafts')
      .selectAll()
      .where('message_id', '=', messageId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    latestRevision(db, messageId),
    db
      .selectFrom('replies')
      .leftJoin('users', 'users.id', 'replies.author')
      .select([
        'replies.body',
        'replies.approved_at',
        'replies.sent_at',
        'replies.send_attempts',
        'replies.last_error',
        'replies.send_round',
        'users.display_name',
      ])
      .where('replies.message_id', '=', messageId)
      .executeTakeFirst(),
    alertStateFor(db, messageId),
    loadThread(db, message),
  ]);
  const draft = drafts[0] ?? null;
  const [assigneeName, closedBy, revisionAuthor, feedback] = await Promise.all([
    nameOf(db, message.assigned_to),
    nameOf(db, message.closed_by),
    nameOf(db, revision?.author ?? null),
    draft
      ? db
          .selectFrom('draft_feedback')
          .select('id')
          .where('draft_id', '=', draft.id)
          .where('user_id', '=', viewerId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    message,
    patient: patient ? { name: patient.display_name, birthDate: patient.birth_date, sex: patient.sex } : null,
    thread,
    draft,
    snapshot: draft ? parseSnapshot(draft.context_snapshot) : null,
    draftCount: drafts.length,
    replyDraft: revision ? { ...revision, authorName: revisionAuthor } : null,
    reply: reply
      ? {
          body: reply.body,
          authorName: reply.display_name,
          approvedAt: reply.approved_at,
          sentAt: reply.sent_at,
          sendAttempts: reply.send_attempts,
          lastError: reply.last_error,
          sendRound: reply.send_round,
        }
      : null,
    alert,
    assignee: message.assigned_to ? { id: message.assigned_to, name: assigneeName ?? 'someone' } : null,
    closedBy,
    feedbackGiven: feedback !== undefined,
  };
}

/** The next or previous open message (of a saved view, if named) in the list's default order: most urgent, then longest waiting. */
export async function neighbourOf(
  db: Db,
  messageId: string,
  direction: 'next' | 'prev',
  queue?: ViewCode,
  userId?: string,
): Promise<string | undefined> {
  const next = direction === 'next';
  const order = next ? 'asc' : 'desc';
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('status', 'in', [...OPEN_STATUSES])
    // Inside a saved view ("Mine", "Emergent and urgent"…) the neighbour is one of that view's.
    .where(viewCondition(queue, userId ?? ''))
    // The current row's own values, compared inside PostgreSQL: no microseconds lost in a JS Date.
    .where(
      sql<boolean>`(urgency_rank, received_at, id) ${sql.raw(next ? '>' : '<')}
        (select cur.urgency_rank, cur.received_at, cur.id from messages cur where cur.id = ${messageId})`,
    )
    .orderBy('urgency_rank', order)
    .orderBy('received_at', order)
    .orderBy('id', order)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
