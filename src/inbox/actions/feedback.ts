/** A person's judgement of a draft: useful or not, and why (the reports measure draft quality by it). */
import { recordEvent } from '../../audit';
import type { Db } from '../../db';
import { MessageNotFoundError } from '../../messages/errors';
import { actorOf, type Actor } from './context';
import { ActionInputError } from './errors';
import type { FeedbackReason } from './input';
import { findDraft, insertFeedback } from './repository';

export async function giveDraftFeedback(
  db: Db,
  messageId: string,
  user: Actor,
  input: { draftId: string; useful: boolean; reasons: FeedbackReason[]; note?: string },
): Promise<void> {
  const message = await db.selectFrom('messages').select('id').where('id', '=', messageId).executeTakeFirst();
  if (!message) throw new MessageNotFoundError(messageId);
  if (!(await findDraft(db, messageId, input.draftId))) {
    throw new ActionInputError('That draft does not belong to this message.');
  }
  const reasons = [...new Set(input.reasons)];
  await db.transaction().execute(async (trx) => {
    await insertFeedback(trx, {
      messageId,
      draftId: input.draftId,
      userId: user.id,
      useful: input.useful,
      reasons,
      note: input.note ?? null,
    });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'draft.feedback',
      messageId,
      data: { draftId: input.draftId, useful: input.useful, reasons },
    });
  });
}
