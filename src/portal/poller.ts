/**
 * Reads patient → clinic Communications since a durable cursor. Each page is one transaction:
 * messages in, events recorded, cursor moved, together; so a crash anywhere re-reads from the last
 * committed page and the unique portal id makes the re-read harmless (invariant 1).
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent } from '../audit';
import type { Db, NewMessage } from '../db';
import { enqueue, type Queues } from '../queue';
import { insertMessages, threadsOfPortalIds, type DbOrTrx } from '../messages/repository';
import { parseCommunication, type IncomingMessage, type ParsedCommunication } from './communication';
import type { FhirClient } from './fhir-client';

export const DEFAULT_CURSOR = 'portal-communications';
const ACTOR = 'worker:poller';
const SKIPPED_ACTION = 'portal.communication_skipped';

export interface PollerDeps {
  db: Db;
  portal: Pick<FhirClient, 'searchPages'>;
  logger: Logger;
  /** When given, each page's new messages go to triage as soon as the page commits. */
  queues?: Queues;
  /** Communications per page (_count); default 100. */
  pageSize?: number;
  /** Pages per run; the next run continues from the cursor. Default 20. */
  maxPages?: number;
}

export interface PollStats {
  pages: number;
  seen: number;
  ingested: number;
  skipped: number;
  ignored: number;
}

export function emptyPollStats(): PollStats {
  return { pages: 0, seen: 0, ingested: 0, skipped: 0, ignored: 0 };
}

interface Position {
  lastUpdated: Date;
  id: string;
}

function isAfter(a: Position, b: Position | null): boolean {
  if (!b) return true;
  const d = a.lastUpdated.getTime() - b.lastUpdated.getTime();
  return d > 0 || (d === 0 && a.id > b.id);
}

async function readCursor(db: DbOrTrx, name: string): Promise<Position | null> {
  const row = await db
    .selectFrom('poll_cursors')
    .select(['last_updated', 'last_id'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.last_updated ? { lastUpdated: row.last_updated, id: row.last_id ?? '' } : null;
}

/**
 * One run: every page since the cursor, up to maxPages. The search asks `ge` the cursor's instant,
 * re-reading that instant on purpose: servers order equal timestamps as they like, and re-reading
 * is free, whereas skipping by id could miss a message.
 */
export async function pollPortal(
  deps: PollerDeps,
  cursorName = DEFAULT_CURSOR,
  /** Filled in as pages commit, so a caller still knows what got in when a later page fails. */
  stats: PollStats = emptyPollStats(),
): Promise<PollStats> {
  const cursor = await readCursor(deps.db, cursorName);
  const params = {
    _sort: '_lastUpdated',
    _count: deps.pageSize ?? 100,
    _lastUpdated: cursor ? `ge${cursor.lastUpdated.toISOString()}` : undefined,
  };
  const pages = deps.portal.searchPages('Communication', params, { maxPages: deps.maxPages ?? 20 });
  for await (const page of pages) {
    const resources = (page.bundle.entry ?? [])
      .filter((e) => e.resource && (e.search?.mode === undefined || e.search.mode === 'match'))
      .map((e) => e.resource);
    const parsed = resources.map(parseCommunication);
    stats.pages += 1;
    stats.seen += parsed.length;
    const outcome = await deps.db.transaction().execute((trx) => commitPage(trx, cursorName, parsed));
    stats.ingested += outcome.ingested;
    stats.skipped += outcome.skipped;
    stats.ignored += parsed.filter((p) => p.kind === 'ignored').length;
    // After the commit, never before: a triage job must find its message. A crash right here is
    // healed by the reconciler, which enqueues every message still `new`.
    if (deps.queues) {
      for (const id of outcome.insertedIds) await enqueue(deps.queues, 'triage', { messageId: id });
    }
    for (const r of outcome.newlySkipped) {
      deps.logger.warn(
        { portalId: r.portalId ?? null, reason: r.reason },
        'skipped a malformed Communication',
      );
    }
  }
  return stats;
}

type Rejected = Extract<ParsedCommunication, { kind: 'rejected' }>;

async function commitPage(
  trx: DbOrTrx,
  cursorName: string,
  parsed: ParsedCommunication[],
): Promise<{ ingested: number; insertedIds: string[]; skipped: number; newlySkipped: Rejected[] }> {
  // The cursor row lock makes overlapping polls take turns page by page.
  await trx
    .insertInto('poll_cursors')
    .values({ name: cursorName })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await trx.selectFrom('poll_cursors').select('name').where('name', '=', cursorName).forUpdate().execute();
  const current = await readCursor(trx, cursorName);

  const incoming = parsed.flatMap((p) => (p.kind === 'message' ? [p.message] : []));
  const rows = await toRows(trx, incoming);
  const inserted = await insertMessages(trx, rows);
  for (const m of inserted) {
    await recordEvent(trx, {
      actor: ACTOR,
      action: 'message.ingested',
      messageId: m.id,
      data: { portalId: m.portal_id },
    });
  }

  const rejected = parsed.filter((p): p is Rejected => p.kind === 'rejected');
  const newlySkipped: Rejected[] = [];
  for (const r of rejected) {
    // A boundary re-read meets the same bad resource again; note it once.
    if (r.portalId && (await skipAlreadyRecorded(trx, r.portalId))) continue;
    newlySkipped.push(r);
    await recordEvent(trx, {
      actor: ACTOR,
      action: SKIPPED_ACTION,
      data: { portalId: r.portalId ?? null, reason: r.reason },
    });
  }

  let last: Position | null = null;
  for (const p of parsed) {
    const id = p.kind === 'message' ? p.message.portalId : p.portalId;
    if (p.lastUpdated && id) last = { lastUpdated: p.lastUpdated, id };
  }
  // Forward only: an overlapping poll that read an older page must not pull the cursor back.
  if (last && isAfter(last, current)) {
    await trx
      .updateTable('poll_cursors')
      .set({ last_updated: last.lastUpdated, last_id: last.id, updated_at: sql<Date>`now()` })
      .where('name', '=', cursorName)
      .execute();
  }
  return {
    ingested: inserted.length,
    insertedIds: inserted.map((m) => m.id),
    skipped: newlySkipped.length,
    newlySkipped,
  };
}

async function skipAlreadyRecorded(trx: DbOrTrx, portalId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('events')
    .select('id')
    .where('action', '=', SKIPPED_ACTION)
    .where(sql<boolean>`data->>'portalId' = ${portalId}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** partOf names the thread; else a reply to a known Communication joins its thread; else a new thread. */
async function toRows(trx: DbOrTrx, incoming: IncomingMessage[]): Promise<NewMessage[]> {
  const answered = incoming
    .map((m) => m.inResponseToRef)
    .filter((r): r is string => !!r && r.startsWith('Communication/'))
    .map((r) => r.slice('Communication/'.length));
  const known = await threadsOfPortalIds(trx, answered);
  const inBatch = new Map<string, string>();
  return incoming.map((m) => {
    const answeredId = m.inResponseToRef?.startsWith('Communication/')
      ? m.inResponseToRef.slice('Communication/'.length)
      : undefined;
    const thread =
      m.partOfRef ??
      (answeredId ? (known.get(answeredId) ?? inBatch.get(answeredId)) : undefined) ??
      `Communication/${m.portalId}`;
    inBatch.set(m.portalId, thread);
    return {
      portal_id: m.portalId,
      thread_ref: thread,
      part_of_ref: m.partOfRef,
      in_response_to_ref: m.inResponseToRef,
      patient_ref: m.patientRef,
      sender_ref: m.senderRef,
      subject: m.subject,
      body: m.body,
      received_at: m.receivedAt,
      flags: m.flags,
    };
  });
}
