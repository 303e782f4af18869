/**
 * Reads patient → clinic Communications since a durable cursor. Each page is one transaction:
 * messages in, events recorded, cursor moved, together; so a crash anywhere re-reads from the last
 * committed page and the unique portal id makes the re-read harmless (invariant 1).
 *
 * Poison never stalls (invariant 8): a page the database refuses is committed again one resource at
 * a time, and a resource it still refuses becomes an "unreadable message" item; a page too large to
 * read is read again in smaller pages. The cursor always moves on.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent, recordEvents } from '../audit';
import type { Db, NewMessage } from '../db';
import { enqueue, jobPriority, type Queues } from '../queue';
import { insertMessages, threadsOfPortalIds, type DbOrTrx } from '../messages/repository';
import { provisionalTriagePriority } from '../messages/triage-priority';
import {
  parseCommunication,
  type IncomingMessage,
  type ParsedCommunication,
  type UnreadableCommunication,
} from './communication';
import { FhirResponseError, type FhirClient } from './fhir-client';
import { escapedOriginal } from './storable-text';

export const DEFAULT_CURSOR = 'portal-communications';
const ACTOR = 'worker:poller';
const UNREADABLE_ACTION = 'message.unreadable';
/** The level an unreadable item gets: it may hold anything, so a nurse looks at it in the portal. */
const UNREADABLE_URGENCY = 'urgent';

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
  /** Resources that could not be read: stored as unreadable items, never skipped. */
  unreadable: number;
  ignored: number;
}

export function emptyPollStats(): PollStats {
  return { pages: 0, seen: 0, ingested: 0, unreadable: 0, ignored: 0 };
}

interface Position {
  lastUpdated: Date;
  id: string;
}

interface PageOutcome {
  inserted: { id: string; priority: number }[];
  unreadable: { id: string; reason: string }[];
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

/** Too large to read: the same search in smaller pages may fit; one resource alone may not. */
function isTooLarge(err: unknown): boolean {
  return err instanceof FhirResponseError && err.problem.startsWith('response larger than');
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
  let pageSize = deps.pageSize ?? 100;
  for (;;) {
    try {
      await pollPages(deps, cursorName, stats, pageSize);
      return stats;
    } catch (err) {
      if (!isTooLarge(err) || pageSize === 1) throw err;
      // Committed pages stay committed; the walk resumes from the cursor with smaller pages.
      pageSize = Math.max(1, Math.floor(pageSize / 4));
      deps.logger.warn({ pageSize }, 'portal page too large to read; reading smaller pages');
    }
  }
}

async function pollPages(deps: PollerDeps, cursorName: string, stats: PollStats, pageSize: number) {
  const cursor = await readCursor(deps.db, cursorName);
  const params = {
    _sort: '_lastUpdated',
    _count: pageSize,
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
    const outcome = await commitPageSafely(deps, cursorName, parsed);
    stats.ingested += outcome.inserted.length;
    stats.unreadable += outcome.unreadable.length;
    stats.ignored += parsed.filter((p) => p.kind === 'ignored').length;
    // After the commit, never before: a triage job must find its message. A crash right here is
    // healed by the reconciler, which re-drives every message still `new`.
    if (deps.queues) {
      for (const m of outcome.inserted) {
        await enqueue(deps.queues, 'triage', { messageId: m.id }, { priority: m.priority });
      }
      for (const u of outcome.unreadable) {
        await enqueue(
          deps.queues,
          'alert',
          { messageId: u.id },
          { priority: jobPriority(UNREADABLE_URGENCY) },
        );
      }
    }
    for (const u of outcome.unreadable) {
      deps.logger.warn({ messageId: u.id, reason: u.reason }, 'stored an unreadable Communication for staff');
    }
  }
}

/** SQLSTATE classes of a refusal caused by the data itself (not a connection or server problem). */
function isDataRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code) && code !== '23505';
}

async function commitPageSafely(
  deps: PollerDeps,
  cursorName: string,
  parsed: ParsedCommunication[],
): Promise<PageOutcome> {
  try {
    return await deps.db.transaction().execute((trx) => commitPage(trx, cursorName, parsed));
  } catch (err) {
    if (!isDataRefusal(err)) throw err;
  }
  // One resource in the page is poison: commit each alone, in order, so only it is singled out.
  const outcome: PageOutcome = { inserted: [], unreadable: [] };
  for (const p of parsed) {
    let one: PageOutcome;
    try {
      one = await deps.db.transaction().execute((trx) => commitPage(trx, cursorName, [p]));
    } catch (err) {
      if (!isDataRefusal(err)) throw err;
      const refused: ParsedCommunication = {
        kind: 'unreadable',
        lastUpdated: p.lastUpdated,
        item: {
          portalId:
            p.kind === 'message'
              ? p.message.portalId
              : p.kind === 'unreadable'
                ? p.item.portalId
                : p.portalId,
          reason: 'database_rejected',
          patientRef: p.kind === 'message' ? p.message.patientRef : undefined,
          rawEscaped: escapedOriginal(p.kind === 'message' ? p.message : null, 100_000),
        },
      };
      one = await deps.db.transaction().execute((trx) => commitPage(trx, cursorName, [refused]));
    }
    outcome.inserted.push(...one.inserted);
    outcome.unreadable.push(...one.unreadable);
  }
  return outcome;
}

function portalIdOf(p: ParsedCommunication): string | undefined {
  if (p.kind === 'message') return p.message.portalId;
  if (p.kind === 'unreadable') return p.item.portalId ?? unreadableId(p.item);
  return p.portalId;
}

/** A resource without a usable id is named by its content, so a re-read finds the same item. */
function unreadableId(item: UnreadableCommunication): string {
  return `unreadable-${createHash('sha256').update(item.rawEscaped).digest('hex').slice(0, 40)}`;
}

async function commitPage(
  trx: DbOrTrx,
  cursorName: string,
  parsed: ParsedCommunication[],
): Promise<PageOutcome> {
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
  const bodies = new Map(rows.map((r) => [r.portal_id, r.body]));
  // One append for the page: a burst is taken in at the speed of pages, not of single events.
  await recordEvents(
    trx,
    inserted.map((m) => ({
      actor: ACTOR,
      action: 'message.ingested',
      messageId: m.id,
      data: { portalId: m.portal_id },
    })),
  );

  const unreadable: PageOutcome['unreadable'] = [];
  for (const p of parsed) {
    if (p.kind !== 'unreadable') continue;
    const stored = await insertUnreadable(trx, p.item, p.lastUpdated);
    if (stored) unreadable.push({ id: stored, reason: p.item.reason });
  }

  let last: Position | null = null;
  for (const p of parsed) {
    const id = portalIdOf(p);
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
    inserted: inserted.map((m) => ({
      id: m.id,
      priority: provisionalTriagePriority(bodies.get(m.portal_id) ?? ''),
    })),
    unreadable,
  };
}

/**
 * An unreadable resource becomes an inbox item at once (`ready`, urgent, flagged) with its portal id:
 * a person opens it in the portal. Returns its id, or undefined when a re-read finds it stored.
 */
async function insertUnreadable(
  trx: DbOrTrx,
  item: UnreadableCommunication,
  lastUpdated: Date | undefined,
): Promise<string | undefined> {
  const portalId = item.portalId ?? unreadableId(item);
  const [row] = await insertMessages(trx, [
    {
      portal_id: portalId,
      thread_ref: `Communication/${portalId}`,
      patient_ref: item.patientRef ?? 'unknown',
      subject: null,
      body: '',
      received_at: lastUpdated ?? new Date(),
      status: 'ready',
      urgency: UNREADABLE_URGENCY,
      category: 'other',
      categories: ['other'],
      needs_reply: true,
      triage_reasons: [
        `urgent: the portal sent a message this system could not read (${item.reason.replace(/_/g, ' ')}) — ` +
          `open Communication ${portalId} in the portal and read it now`,
      ],
      flags: ['unreadable'],
      original_escaped: item.rawEscaped,
    },
  ]);
  if (!row) return undefined;
  await recordEvent(trx, {
    actor: ACTOR,
    action: 'message.ingested',
    messageId: row.id,
    data: { portalId },
  });
  await recordEvent(trx, {
    actor: ACTOR,
    action: UNREADABLE_ACTION,
    messageId: row.id,
    data: { portalId, reason: item.reason },
  });
  await recordEvent(trx, {
    actor: ACTOR,
    action: 'message.ready',
    messageId: row.id,
    data: { urgency: UNREADABLE_URGENCY, flags: ['unreadable'] },
  });
  return row.id;
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
      ...(m.originalEscaped ? { original_escaped: m.originalEscaped } : {}),
    };
  });
}
