/**
 * approveReply: the only way a reply comes to exist (invariant 3: never auto-send). One transaction
 * checks the message is ready at the version the person saw, stores the reply (unique per message),
 * moves the message to `sending` and records who approved and how much they changed the draft; the
 * send job is enqueued after the commit (and re-enqueued by the reconciler if that enqueue is lost).
 * An enqueue that fails (Redis down) does not fail the approval: it is committed, and the answer
 * says sending will start once the reconciler queues it.
 */
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { enqueue, queueAfterCommit, type Queues } from '../queue';
import { ConflictError, InvalidApprovalError, MessageNotFoundError } from './errors';
import { summarizeEdit } from './text-diff';

export const ApproveReplyInput = z.object({
  messageId: z.uuid(),
  /** users.id of the person approving. */
  author: z.uuid(),
  body: z
    .string()
    .max(20_000)
    .refine((b) => b.trim().length > 0, 'reply text is empty'),
  /** The draft the reply started from; null when the person wrote it from blank. */
  draftId: z.uuid().nullable(),
  /** messages.version as the person saw it. */
  expectedVersion: z.number().int().positive(),
  /**
   * The inbox's reply revision the person approved from (0: none was started). When given, an
   * approval after someone else saved a newer revision is refused: they would send text unseen.
   */
  expectedRevision: z.number().int().min(0).optional(),
});
export type ApproveReplyInput = z.input<typeof ApproveReplyInput>;

export interface ApprovedReply {
  replyId: string;
  messageId: string;
  version: number;
  approvedAt: Date;
  /**
   * Whether the send job was queued now. False: Redis was unavailable; the reply is committed as
   * `sending` and the worker's reconciler queues it once Redis is back.
   */
  sendQueued: boolean;
}

const UNIQUE_VIOLATION = '23505';
/** The conflict's message when the reply revision moved on (its reason stays stale_version). */
export const STALE_REVISION_MESSAGE = 'someone else edited the reply since it was opened; nothing was sent';
const FOREIGN_KEY_VIOLATION = '23503';

export async function approveReply(db: Db, queues: Queues, raw: ApproveReplyInput): Promise<ApprovedReply> {
  const parsed = ApproveReplyInput.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidApprovalError('invalid approval', {
      fields: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  const input = parsed.data;
  let approved: Omit<ApprovedReply, 'sendQueued'>;
  try {
    approved = await db.transaction().execute(async (trx) => {
      // The row lock serializes two approvers: the second one sees `sending` and gets a conflict.
      const message = await trx
        .selectFrom('messages')
        .select(['id', 'status', 'version'])
        .where('id', '=', input.messageId)
        .forUpdate()
        .executeTakeFirst();
      if (!message) throw new MessageNotFoundError(input.messageId);
      if (message.status === 'sending' || message.status === 'sent' || message.status === 'send_failed') {
        throw new ConflictError(
          'already_approved',
          message.status === 'send_failed'
            ? 'a reply to this message was already approved; sending it failed, so retry sending it instead'
            : 'a reply to this message was already approved',
          message.version,
        );
      }
      if (message.status !== 'ready') {
        throw new ConflictError('not_ready', `message is ${message.status}, not ready`, message.version);
      }
      if (message.version !== input.expectedVersion) {
        throw new ConflictError('stale_version', 'the message changed since it was opened', message.version);
      }
      if (input.expectedRevision !== undefined) {
        // Saves lock the same message row, so no revision can slip in between this check and the commit.
        const latest = await trx
          .selectFrom('reply_drafts')
          .select((eb) => eb.fn.max('revision').as('revision'))
          .where('message_id', '=', input.messageId)
          .executeTakeFirst();
        if ((latest?.revision ?? 0) !== input.expectedRevision) {
          throw new ConflictError('stale_version', STALE_REVISION_MESSAGE, message.version);
        }
      }
      let draftBody: string | null = null;
      if (input.draftId) {
        const draft = await trx
          .selectFrom('drafts')
          .select(['body', 'message_id'])
          .where('id', '=', input.draftId)
          .executeTakeFirst();
        if (!draft || draft.message_id !== input.messageId) {
          throw new InvalidApprovalError('the draft does not belong to this message', {
            fields: ['draftId'],
          });
        }
        draftBody = draft.body;
      }
      const reply = await trx
        .insertInto('replies')
        .values({
          message_id: input.messageId,
          draft_id: input.draftId,
          body: input.body,
          author: input.author,
          approved_at: new Date(),
        })
        .returning(['id', 'approved_at'])
        .executeTakeFirstOrThrow();
      const updated = await trx
        .updateTable('messages')
        .set((eb) => ({ status: 'sending', version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', input.messageId)
        .returning('version')
        .executeTakeFirstOrThrow();
      await recordEvent(trx, {
        actor: `user:${input.author}`,
        action: 'reply.approved',
        messageId: input.messageId,
        data: {
          replyId: reply.id,
          draftId: input.draftId,
          author: input.author,
          edit: summarizeEdit(draftBody, input.body),
        },
      });
      return {
        replyId: reply.id,
        messageId: input.messageId,
        version: updated.version,
        approvedAt: reply.approved_at ?? new Date(),
      };
    });
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new ConflictError('already_approved', 'a reply to this message was already approved');
    }
    if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
      throw new InvalidApprovalError('the approving user does not exist', { fields: ['author'] });
    }
    throw err;
  }
  const sendQueued = await queueAfterCommit(() => enqueue(queues, 'send', { replyId: approved.replyId }));
  return { ...approved, sendQueued };
}
