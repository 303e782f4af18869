/**
 * The poller's health, kept in PostgreSQL (clinic_settings) rather than in a process, so any web
 * process can report it on /readyz and /metrics whichever worker polled last.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db';
export { portalErrorKind } from './fhir-errors';

const HEALTH_KEY = 'portal_poller_health';

const StoredHealth = z.object({
  lastAttemptAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastFailureAt: z.string().nullable().default(null),
  consecutiveFailures: z.number().int().nonnegative().default(0),
  lastErrorKind: z.string().nullable().default(null),
  /** Unreadable Communications stored as inbox items since the poller first ran. */
  unreadableTotal: z.number().int().nonnegative().default(0),
  ingestedTotal: z.number().int().nonnegative().default(0),
});
type Stored = z.infer<typeof StoredHealth>;

export interface PollerHealth {
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  consecutiveFailures: number;
  /** timeout, network, http_500, invalid_response, paging, auth, database, internal; null after a success. */
  lastErrorKind: string | null;
  unreadableTotal: number;
  ingestedTotal: number;
}

const toDate = (v: string | null) => (v ? new Date(v) : null);

/** For /readyz and /metrics. A poller that never ran reports nulls and zero failures. */
export async function getPollerHealth(db: Db): Promise<PollerHealth> {
  const row = await db
    .selectFrom('clinic_settings')
    .select('value')
    .where('key', '=', HEALTH_KEY)
    .executeTakeFirst();
  const parsed = StoredHealth.safeParse(row?.value ?? {});
  const s = parsed.success ? parsed.data : StoredHealth.parse({});
  return {
    lastAttemptAt: toDate(s.lastAttemptAt),
    lastSuccessAt: toDate(s.lastSuccessAt),
    lastFailureAt: toDate(s.lastFailureAt),
    consecutiveFailures: s.consecutiveFailures,
    lastErrorKind: s.lastErrorKind,
    unreadableTotal: s.unreadableTotal,
    ingestedTotal: s.ingestedTotal,
  };
}

/** Read-modify-write under a row lock, so two pollers finishing at once both count. */
async function updateHealth(db: Db, change: (s: Stored, now: string) => Stored): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('clinic_settings')
      .values({ key: HEALTH_KEY, value: JSON.stringify(StoredHealth.parse({})) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await trx
      .selectFrom('clinic_settings')
      .select('value')
      .where('key', '=', HEALTH_KEY)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const parsed = StoredHealth.safeParse(row.value);
    const now = new Date().toISOString();
    const next = change(parsed.success ? parsed.data : StoredHealth.parse({}), now);
    await trx
      .updateTable('clinic_settings')
      .set({ value: JSON.stringify(next), updated_at: sql<Date>`now()` })
      .where('key', '=', HEALTH_KEY)
      .execute();
  });
}

export async function recordPollSuccess(
  db: Db,
  counts: { ingested: number; unreadable: number },
): Promise<void> {
  await updateHealth(db, (s, now) => ({
    ...s,
    lastAttemptAt: now,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    lastErrorKind: null,
    unreadableTotal: s.unreadableTotal + counts.unreadable,
    ingestedTotal: s.ingestedTotal + counts.ingested,
  }));
}

export async function recordPollFailure(
  db: Db,
  kind: string,
  counts: { ingested: number; unreadable: number },
): Promise<void> {
  await updateHealth(db, (s, now) => ({
    ...s,
    lastAttemptAt: now,
    lastFailureAt: now,
    consecutiveFailures: s.consecutiveFailures + 1,
    lastErrorKind: kind,
    unreadableTotal: s.unreadableTotal + counts.unreadable,
    ingestedTotal: s.ingestedTotal + counts.ingested,
  }));
}
