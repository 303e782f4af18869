/**
 * The worker's anchoring schedule: every interval it checks the events added since the last anchor
 * (linked to it, hashes right) and appends the new head to the sink. A segment that does not verify
 * is never anchored: the error is logged and the previous anchor stays the last good one, so
 * `audit:verify` points at the break. Several workers may anchor the same head; that is harmless.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import type { AnchorSink, AuditAnchor } from './anchor-sinks';
import { verifyChain } from './index';

export type AnchorOutcome =
  | { kind: 'anchored'; anchor: AuditAnchor }
  | { kind: 'unchanged' | 'empty' }
  | { kind: 'broken'; firstBadId?: number; reason?: string };

/** One round: verify what is new since the sink's latest anchor, then note the head. */
export async function anchorChainHead(db: Kysely<Database>, sink: AnchorSink): Promise<AnchorOutcome> {
  const previous = await sink.latest();
  const head = await db
    .selectFrom('events')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return { kind: 'empty' };
  if (previous && previous.id === head.id && previous.hash === head.hash) return { kind: 'unchanged' };
  const check = await verifyChain(db, previous ? { from: previous } : {});
  if (!check.ok || !check.head) return { kind: 'broken', firstBadId: check.firstBadId, reason: check.reason };
  const now = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  const anchor = { id: check.head.id, hash: check.head.hash, at: now.rows[0].now.toISOString() };
  await sink.append(anchor);
  return { kind: 'anchored', anchor };
}

export interface RunningAnchoring {
  /** Resolves once the round in flight (if any) is done. */
  stop: () => Promise<void>;
  /** Runs one round now (tests; also the first round at start). */
  runOnce: () => Promise<AnchorOutcome | undefined>;
}

export function startAuditAnchoring(options: {
  db: Kysely<Database>;
  sink: AnchorSink;
  intervalMs: number;
  logger: Logger;
}): RunningAnchoring {
  let inFlight: Promise<AnchorOutcome | undefined> | undefined;
  const round = () => {
    inFlight ??= anchorChainHead(options.db, options.sink)
      .then((outcome) => {
        if (outcome.kind === 'anchored')
          options.logger.info({ anchorId: outcome.anchor.id }, 'audit chain anchored');
        if (outcome.kind === 'broken')
          options.logger.error(
            { firstBadId: outcome.firstBadId, reason: outcome.reason },
            'audit chain does not verify since the last anchor: not anchoring; run npm run audit:verify',
          );
        return outcome;
      })
      .catch((err: unknown) => {
        options.logger.warn(
          { errorKind: (err as Error)?.name },
          'audit anchoring failed; retrying next round',
        );
        return undefined;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const timer = setInterval(() => void round(), options.intervalMs);
  timer.unref();
  void round();
  return {
    runOnce: round,
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}
