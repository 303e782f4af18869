/**
 * The poller's health, kept in PostgreSQL (clinic_settings) rather than in a process, so any web
 * process can report it on /readyz and /metrics whichever worker polled last.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db';
import {
  FhirAuthError,
  FhirHttpError,
  FhirNetworkError,
  FhirPagingError,
  FhirResponseError,
  FhirTimeoutError,
} from './fhir-errors';

const HEALTH_KEY = 'portal_poller_health';

const StoredHealth = z.object({
  lastAttemptAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastFailureAt: z.string().nullable().default(null),
  consecutiveFailures: z.number().int().nonnegative().default(0),
  lastErrorKind: z.string().nullable().default(null),
  /** Malformed Communications passed over since the poller first ran. */
  skippedTotal: z.number().int().nonnegative().default(0),
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
  skippedTotal: number;
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
    skippedTotal: s.skippedTotal,
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
  counts: { ingested: number; skipped: number },
): Promise<void> {
  await updateHealth(db, (s, now) => ({
    ...s,
    lastAttemptAt: now,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    lastErrorKind: null,
    skippedTotal: s.skippedTotal + counts.skipped,
    ingestedTotal: s.ingestedTotal + counts.ingested,
  }));
}

export async function recordPollFailure(
  db: Db,
  kind: string,
  counts: { ingested: number; skipped: number },
): Promise<void> {
  await updateHealth(db, (s, now) => ({
    ...s,
    lastAttemptAt: now,
    lastFailureAt: now,
    consecutiveFailures: s.consecutiveFailures + 1,
    lastErrorKind: kind,
    skippedTotal: s.skippedTotal + counts.skipped,
    ingestedTotal: s.ingestedTotal + counts.ingested,
  }));
}

/** A short, PHI-free name for what went wrong, for health reports and log lines. */
export function portalErrorKind(err: unknown): string {
  if (err instanceof FhirTimeoutError) return 'timeout';
  if (err instanceof FhirNetworkError) return 'network';
  if (err instanceof FhirHttpError) return `http_${err.status}`;
  if (err instanceof FhirPagingError) return 'paging';
  if (err instanceof FhirResponseError) return 'invalid_response';
  if (err instanceof FhirAuthError) return 'auth';
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return 'database';
  return 'internal';
}
