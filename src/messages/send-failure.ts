/**
 * A reply that could not be sent (the portal refused it for good, or the retries ran out) leaves
 * `sending` for `send_failed`: visible in the inbox's "Send failed" view with the reason, until a
 * person retries it (retry-send.ts) or closes the message. Never left in `sending` out of sight.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { addMessageFlags } from './repository';

const ACTOR = 'worker:send';

export interface SendFailure {
  messageId: string;
  replyId: string;
  round: number;
}

/**
 * Records the failure once per round. Returns what failed when this call moved the message (so the
 * caller tells the nurses), null when the reply was sent meanwhile or the failure was already known.
 */
export async function recordSendFailure(
  deps: { db: Db; logger: Logger },
  replyId: string,
  errorKind: string,
): Promise<SendFailure | null> {
  const failure = await deps.db.transaction().execute(async (trx) => {
    const reply = await trx
      .updateTable('replies')
      .set({ last_error: errorKind })
      .where('id', '=', replyId)
      .where('sent_at', 'is', null)
      .returning(['message_id', 'send_attempts', 'send_round'])
      .executeTakeFirst();
    if (!reply) return null;
    const moved = await trx
      .updateTable('messages')
      .set((eb) => ({ status: 'send_failed', version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
      .where('id', '=', reply.message_id)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return null;
    await addMessageFlags(trx, reply.message_id, ['send_failed']);
    await recordEvent(trx, {
      actor: ACTOR,
      action: 'reply.send_failed',
      messageId: reply.message_id,
      data: { replyId, errorKind, attempts: reply.send_attempts, round: reply.send_round },
    });
    return { messageId: reply.message_id, replyId, round: reply.send_round };
  });
  if (failure) {
    deps.logger.error(
      { replyId, messageId: failure.messageId, errorKind },
      'reply could not be sent; waiting for a person',
    );
  }
  return failure;
}
