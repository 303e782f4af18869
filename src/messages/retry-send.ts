/**
 * retrySend: a person sends a reply whose send failed once more, as approved (its text unchanged).
 * The message goes back to `sending` in a new send round, whose job id no earlier job holds, and the
 * portal's conditional create on our reply id still guarantees at most one copy reaches the patient.
 */
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { enqueue, type Queues } from '../queue';
import { ConflictError, MessageNotFoundError } from './errors';

export const RetrySendInput = z.object({
  messageId: z.uuid(),
  /** users.id of the person retrying. */
  userId: z.uuid(),
  /** messages.version as the person saw it (optional for API scripts). */
  expectedVersion: z.number().int().positive().optional(),
});
export type RetrySendInput = z.input<typeof RetrySendInput>;

export interface RetriedSend {
  messageId: string;
  replyId: string;
  round: number;
  version: number;
}

export async function retrySend(db: Db, queues: Queues, raw: RetrySendInput): Promise<RetriedSend> {
  const input = RetrySendInput.parse(raw);
  const retried = await db.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('messages')
      .select(['id', 'status', 'version'])
      .where('id', '=', input.messageId)
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw new MessageNotFoundError(input.messageId);
    if (message.status !== 'send_failed') {
      throw new ConflictError('not_ready', `message is ${message.status}, not send_failed`, message.version);
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== message.version) {
      throw new ConflictError('stale_version', 'the message changed since it was opened', message.version);
    }
    const reply = await trx
      .updateTable('replies')
      .set((eb) => ({ send_round: eb('send_round', '+', 1), last_error: null }))
      .where('message_id', '=', input.messageId)
      .where('sent_at', 'is', null)
      .returning(['id', 'send_round'])
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('messages')
      .set((eb) => ({ status: 'sending', version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', input.messageId)
      .returning('version')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actor: `user:${input.userId}`,
      action: 'reply.send_retried',
      messageId: input.messageId,
      data: { replyId: reply.id, round: reply.send_round },
    });
    return {
      messageId: input.messageId,
      replyId: reply.id,
      round: reply.send_round,
      version: updated.version,
    };
  });
  // A lost enqueue is healed by the reconciler, which re-drives every reply in `sending`.
  await enqueue(queues, 'send', { replyId: retried.replyId, round: retried.round });
  return retried;
}
