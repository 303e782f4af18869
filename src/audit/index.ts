/**
 * The audit log: an append-only, hash-chained `events` table. Each row's hash is SHA-256 over the
 * canonical JSON of its content and the previous row's hash, so changing, removing or reordering
 * any row breaks every later link and `verifyChain` finds the first broken one.
 * Event data carries ids, codes and numbers, never message text (invariant 5).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { AuditEventRow, Database } from '../db/schema';
import { canonicalJson } from './canonical-json';
import { currentClientAddress } from './request-context';

export { CanonicalJsonError } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
/** Arbitrary constant naming the advisory lock that serializes appends (ASCII "AUDIT"). */
const AUDIT_LOCK_KEY = 0x4155444954;
const MAX_DATA_CHARS = 64 * 1024;

const EventInput = z.object({
  actor: z.string().min(1).max(200),
  action: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9_.:-]+$/, 'action must be lower-case words joined by . _ : or -'),
  messageId: z.uuid().nullish(),
  data: z.record(z.string(), z.unknown()).optional(),
  at: z.date().optional(),
  /** Defaults to the address of the request being served (see ./request-context). */
  clientAddress: z.string().min(1).max(64).nullish(),
});
export type RecordEventInput = z.input<typeof EventInput>;

export interface RecordedEvent {
  id: number;
  at: Date;
  hash: string;
  prevHash: string;
}

interface HashedFields {
  at: Date;
  actor: string;
  action: string;
  messageId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  clientAddress?: string | null;
}

export function eventHash(e: HashedFields): string {
  const canonical = canonicalJson({
    action: e.action,
    actor: e.actor,
    at: e.at.toISOString(),
    data: e.data,
    messageId: e.messageId,
    prevHash: e.prevHash,
    // Only when present: events from before the column existed hash exactly as they did.
    ...(e.clientAddress ? { clientAddress: e.clientAddress } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditInputError extends Error {
  override name = 'AuditInputError';
}

/**
 * Appends one event. Given a transaction, the event commits or rolls back with the caller's
 * change (use this for state changes); given the db, it commits on its own. Appends are
 * serialized by a transaction-scoped advisory lock so two writers never chain onto the same row.
 * The lock is held until the caller's transaction ends, so record the event as the last statement
 * before commit. Appends run at about 500 per second on a local PostgreSQL (one WAL flush each).
 * Must run in READ COMMITTED (the default): an older snapshot would fork the chain and is refused.
 */
export async function recordEvent(
  db: Kysely<Database> | Transaction<Database>,
  input: RecordEventInput,
): Promise<RecordedEvent> {
  const [recorded] = await recordEvents(db, [input]);
  return recorded;
}

/**
 * Appends several events at once, chained in the order given, under one lock, one read of the head
 * and one INSERT: what a poller committing a page of a hundred messages needs (one append each would
 * hold the lock a hundred round trips long). Same rules as recordEvent.
 */
export async function recordEvents(
  db: Kysely<Database> | Transaction<Database>,
  inputs: RecordEventInput[],
): Promise<RecordedEvent[]> {
  if (inputs.length === 0) return [];
  const parsed = inputs.map((input) => {
    const p = EventInput.safeParse(input);
    if (!p.success) {
      throw new AuditInputError(
        `invalid audit event: ${p.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    }
    const data = p.data.data ?? {};
    const dataJson = canonicalJson(data);
    if (dataJson.length > MAX_DATA_CHARS) throw new AuditInputError('audit event data is too large');
    return { ...p.data, data, dataJson };
  });
  const append = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    // The database clock, read under the lock: one clock for every web and worker host, so event
    // times follow the chain order. Caller-given times are for imports and scripted scenarios.
    const head = await sql<{ hash: string | null; now: Date }>`
      select (select hash from events order by id desc limit 1) as hash, clock_timestamp() as now`.execute(
      trx,
    );
    let prevHash = head.rows[0].hash ?? GENESIS_HASH;
    const rows = parsed.map((e) => {
      // Milliseconds: the precision the hash sees after a round trip through a JS Date.
      const at = new Date(Math.floor((e.at ?? head.rows[0].now).getTime()));
      const fields: HashedFields = {
        at,
        actor: e.actor,
        action: e.action,
        messageId: e.messageId ?? null,
        data: e.data,
        prevHash,
        clientAddress: e.clientAddress ?? currentClientAddress() ?? null,
      };
      const hash = eventHash(fields);
      const row = {
        at,
        actor: fields.actor,
        action: fields.action,
        message_id: fields.messageId,
        data: e.dataJson,
        prev_hash: prevHash,
        hash,
        client_address: fields.clientAddress ?? null,
      };
      prevHash = hash;
      return row;
    });
    // One multi-row INSERT assigns ids in the order of its rows, which is the chain's order.
    const inserted = await trx.insertInto('events').values(rows).returning(['id', 'hash']).execute();
    const idOf = new Map(inserted.map((r) => [r.hash, r.id]));
    return rows.map((r) => ({ id: idOf.get(r.hash)!, at: r.at, hash: r.hash, prevHash: r.prev_hash }));
  };
  try {
    if (db.isTransaction) return await append(db);
    return await db.transaction().execute(append);
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'events_prev_hash_key') {
      throw new AuditInputError(
        'audit append lost its place in the chain: record events in READ COMMITTED transactions',
      );
    }
    throw err;
  }
}

export interface ChainAnchor {
  id: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  count: number;
  /** The last verified event: note it somewhere else to later detect a rewritten or cut chain. */
  head?: ChainAnchor;
  /** The first row whose link or content does not match; absent when ok. */
  firstBadId?: number;
  reason?: 'prev_hash_mismatch' | 'hash_mismatch' | 'anchor_mismatch';
}

function hashOfRow(row: AuditEventRow): string {
  return eventHash({
    at: row.at,
    actor: row.actor,
    action: row.action,
    messageId: row.message_id,
    data: row.data,
    prevHash: row.prev_hash,
    clientAddress: row.client_address,
  });
}

/**
 * Walks the whole chain in id order, in batches, in constant memory. A chain alone cannot show
 * that its newest rows were cut off or that it was rebuilt from scratch; an anchor (a head noted
 * earlier, outside the database) can: its event must still be there with the same hash.
 */
export async function verifyChain(
  db: Kysely<Database>,
  options: {
    batchSize?: number;
    anchor?: ChainAnchor;
    /** Start at this anchored event instead of the genesis: checks it and only what came after. */
    from?: ChainAnchor;
  } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 1000;
  const anchor = options.anchor;
  let anchorSeen = false;
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  if (options.from) {
    const start = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', options.from.id)
      .executeTakeFirst();
    if (!start || start.hash !== options.from.hash || hashOfRow(start) !== start.hash) {
      return { ok: false, count: 0, firstBadId: options.from.id, reason: 'anchor_mismatch' };
    }
    expectedPrev = start.hash;
    lastId = start.id;
    if (anchor && anchor.id <= start.id) anchorSeen = anchor.id === start.id && anchor.hash === start.hash;
  }
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      count += 1;
      if (row.prev_hash !== expectedPrev)
        return { ok: false, count, firstBadId: row.id, reason: 'prev_hash_mismatch' };
      const recomputed = hashOfRow(row);
      if (recomputed !== row.hash) return { ok: false, count, firstBadId: row.id, reason: 'hash_mismatch' };
      if (anchor && row.id === anchor.id) {
        if (row.hash !== anchor.hash)
          return { ok: false, count, firstBadId: row.id, reason: 'anchor_mismatch' };
        anchorSeen = true;
      }
      expectedPrev = row.hash;
      lastId = row.id;
    }
    if (rows.length < batchSize) {
      const head = count > 0 ? { id: lastId, hash: expectedPrev } : undefined;
      if (anchor && !anchorSeen)
        return { ok: false, count, head, firstBadId: anchor.id, reason: 'anchor_mismatch' };
      return { ok: true, count, head };
    }
  }
}
