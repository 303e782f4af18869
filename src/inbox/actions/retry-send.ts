/**
 * "Retry sending" from the inbox: retrySend (src/messages/retry-send.ts) does the work (a new send
 * round, the reply text unchanged, audit event reply.send_retried); the inbox passes the version the
 * person saw and turns a refusal into a sentence they can act on.
 */
import type { Db } from '../../db';
import { ConflictError } from '../../messages/errors';
import { retrySend, type RetriedSend } from '../../messages/retry-send';
import type { Queues } from '../../queue';
import type { Actor } from './context';
import { ActionConflictError } from './errors';

const FRIENDLY: Record<string, string> = {
  not_ready:
    'There is no failed send to retry here any more (the reply is being sent or was sent, the message ' +
    'was closed, or no reply was approved). Nothing was sent again. Reload to see where it is.',
  stale_version:
    'This message changed since you opened it (someone else acted on it). Nothing was sent again. ' +
    'Reload to see the change.',
};

export async function retrySendFromInbox(
  db: Db,
  queues: Queues,
  user: Actor,
  input: { messageId: string; expectedVersion?: number },
): Promise<RetriedSend> {
  try {
    return await retrySend(db, queues, {
      messageId: input.messageId,
      userId: user.id,
      expectedVersion: input.expectedVersion,
    });
  } catch (err) {
    if (err instanceof ConflictError) {
      throw new ActionConflictError(
        'not_open',
        FRIENDLY[err.reason] ?? 'This message changed. Nothing was sent again.',
        {
          retryReason: err.reason,
          ...(err.currentVersion !== undefined ? { currentVersion: err.currentVersion } : {}),
        },
      );
    }
    throw err;
  }
}
