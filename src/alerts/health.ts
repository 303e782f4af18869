/** The `slack` check of /readyz: degraded while an alert's last post failed recently. */
import type { Db } from '../db';
import { lastDeliveryFailure } from './repository';

export const SLACK_FAILURE_RECENT_MS = 10 * 60_000;

export async function slackReadiness(
  db: Db,
): Promise<{ state: 'ok' | 'degraded'; detail: Record<string, string | null> }> {
  const failure = await lastDeliveryFailure(db);
  const recent = !!failure && Date.now() - failure.at.getTime() < SLACK_FAILURE_RECENT_MS;
  return {
    state: recent ? 'degraded' : 'ok',
    detail: { lastFailureAt: failure?.at.toISOString() ?? null, lastError: recent ? failure!.error : null },
  };
}
