/**
 * Read queries behind the messages API (the inbox will use them too). Each takes `db` first and
 * returns plain JSON-ready objects, so handlers stay thin and never shape rows themselves.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Draft, Message, MessageStatus, Reply, UrgencyValue } from '../db';
import { BadRequestError } from '../http/errors';

export type UrgencyFilter = UrgencyValue | 'untriaged';

/** Keyset position in the inbox order: urgency rank, then oldest first, then id to break ties. */
interface Position {
  rank: number;
  /** PostgreSQL's own text form of received_at: exact to the microsecond, unlike a JS Date. */
  at: string;
  id: string;
}

const PositionSchema = z.tuple([z.number().int().min(0).max(4), z.string().min(10).max(40), z.uuid()]);

/** A cursor this API did not issue; a 400 (like the use-case errors in ./errors). */
export class InvalidCursorError extends BadRequestError {
  override name = 'InvalidCursorError';
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.rank, p.at, p.id])).toString('base64url');
}

/** PostgreSQL's ISO text form of a timestamptz, as encodeCursor writes it. */
const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * Only a timestamp PostgreSQL will take back: JavaScript's Date.parse accepts what the database
 * refuses (Feb 30, year 0, free text), which used to reach the query and answer 500.
 */
function isTimestampText(text: string): boolean {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    Number(m[7] ?? 0) <= 15 &&
    Number(m[8] ?? 0) <= 59
  );
}

export function decodeCursor(cursor: string): Position {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not one this API issued');
  }
  const parsed = PositionSchema.safeParse(raw);
  if (!parsed.success || !isTimestampText(parsed.data[1])) {
    throw new InvalidCursorError('cursor is not one this API issued');
  }
  return { rank: parsed.data[0], at: parsed.data[1], id: parsed.data[2] };
}

export interface ListMessagesQuery {
  status?: MessageStatus[];
  urgency?: UrgencyFilter[];
  limit: number;
  cursor?: string;
}

export interface MessageSummary {
  id: string;
  status: MessageStatus;
  urgency: UrgencyValue | null;
  category: Message['category'];
  needsReply: boolean | null;
  flags: string[];
  language: string | null;
  subject: string | null;
  receivedAt: string;
  assignedTo: string | null;
  version: number;
}

function summary(m: Pick<Message, keyof Message>): MessageSummary {
  return {
    id: m.id,
    status: m.status,
    urgency: m.urgency,
    category: m.category,
    needsReply: m.needs_reply,
    flags: m.flags,
    language: m.language,
    subject: m.subject,
    receivedAt: m.received_at.toISOString(),
    assignedTo: m.assigned_to,
    version: m.version,
  };
}

/** Most urgent first, then longest waiting; `nextCursor` is set when another page follows. */
export async function listMessages(
  db: Db,
  q: ListMessagesQuery,
): Promise<{ items: MessageSummary[]; nextCursor: string | null }> {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  let query = db
    .selectFrom('messages')
    .selectAll()
    .select(sql<string>`received_at::text`.as('received_at_text'))
    .orderBy('urgency_rank')
    .orderBy('received_at')
    .orderBy('id')
    .limit(q.limit + 1);
  if (q.status?.length) query = query.where('status', 'in', q.status);
  if (q.urgency?.length) {
    const levels = q.urgency.filter((u): u is UrgencyValue => u !== 'untriaged');
    const untriaged = q.urgency.includes('untriaged');
    query = query.where((eb) =>
      eb.or([
        ...(levels.length ? [eb('urgency', 'in', levels)] : []),
        ...(untriaged ? [eb('urgency', 'is', null)] : []),
      ]),
    );
  }
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('urgency_rank', 'received_at', 'id'),
        '>',
        eb.tuple(after.rank, sql<Date>`${after.at}::timestamptz`, after.id),
      ),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor({ rank: last.urgency_rank, at: last.received_at_text, id: last.id })
      : null;
  return { items: page.map(summary), nextCursor };
}

export interface MessageDetail {
  message: MessageSummary & {
    portalId: string;
    threadRef: string | null;
    patientRef: string;
    body: string;
    categories: string[];
    triageReasons: string[];
    ingestedAt: string;
  };
  draft: {
    id: string;
    body: string;
    source: Draft['source'];
    model: string | null;
    readingGrade: number | null;
    targetGrade: number | null;
    flags: string[];
    createdAt: string;
  } | null;
  reply: {
    id: string;
    draftId: string | null;
    body: string;
    author: string | null;
    approvedAt: string | null;
    sentAt: string | null;
    sendAttempts: number;
    /** Why the last send attempt failed (http_422, timeout, network, job_failed…); null once sent. */
    lastError: string | null;
    /** 1, plus one per retry after a failed send. */
    sendRound: number;
  } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function replyJson(r: Reply): MessageDetail['reply'] {
  return {
    id: r.id,
    draftId: r.draft_id,
    body: r.body,
    author: r.author,
    approvedAt: iso(r.approved_at),
    sentAt: iso(r.sent_at),
    sendAttempts: r.send_attempts,
    lastError: r.last_error,
    sendRound: r.send_round,
  };
}

/** The message with its latest draft and its reply (if approved), or undefined when there is none. */
export async function getMessageDetail(db: Db, id: string): Promise<MessageDetail | undefined> {
  const message = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!message) return undefined;
  const [draft, reply] = await Promise.all([
    db
      .selectFrom('drafts')
      .selectAll()
      .where('message_id', '=', id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('replies').selectAll().where('message_id', '=', id).executeTakeFirst(),
  ]);
  return {
    message: {
      ...summary(message),
      portalId: message.portal_id,
      threadRef: message.thread_ref,
      patientRef: message.patient_ref,
      body: message.body,
      categories: message.categories,
      triageReasons: message.triage_reasons,
      ingestedAt: message.ingested_at.toISOString(),
    },
    draft: draft
      ? {
          id: draft.id,
          body: draft.body,
          source: draft.source,
          model: draft.model,
          readingGrade: draft.reading_grade,
          targetGrade: draft.target_grade,
          flags: draft.flags,
          createdAt: draft.created_at.toISOString(),
        }
      : null,
    reply: reply ? replyJson(reply) : null,
  };
}
