/**
 * The send queue: one job per approved reply and send round, data `{ replyId, round? }`. Writes the
 * reply to the portal (conditionally, so never twice), then records it sent. A permanent refusal, or
 * the last retry failing, moves the message to `send_failed` with the error kind, for a person to
 * retry or close, and tells the nurses when the message was urgent (onFailed).
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { findMessage, findReply } from '../messages/repository';
import { recordSendFailure, type SendFailure } from '../messages/send-failure';
import { isLastAttempt } from '../queue/workers';
import { FhirClientError, type FhirClient } from './fhir-client';
import { portalErrorKind } from './poller-health';
import { writeReplyToPortal } from './reply-writer';

const ACTOR = 'worker:send';
const SendJobData = z.object({ replyId: z.uuid(), round: z.number().int().min(1).max(10_000).optional() });

export interface SendDeps {
  db: Db;
  portal: Pick<FhirClient, 'create' | 'read'>;
  logger: Logger;
  /** Told once a reply is recorded sent (the Slack alert is updated in place from here). */
  onSent?: (messageId: string) => Promise<void>;
  /** Told once per round when a reply could not be sent (the nurses hear of an urgent one). */
  onFailed?: (failure: SendFailure) => Promise<void>;
}

export type SendOutcome = 'sent' | 'already_sent' | 'cancelled';

class ReplyGoneError extends Error {
  override name = 'ReplyGoneError';
}

export async function sendReply(deps: SendDeps, replyId: string): Promise<SendOutcome> {
  const reply = await findReply(deps.db, replyId);
  if (!reply) throw new ReplyGoneError(`reply ${replyId} does not exist`);
  if (reply.sent_at) return 'already_sent';
  const message = await findMessage(deps.db, reply.message_id);
  if (!message) throw new ReplyGoneError(`message of reply ${replyId} does not exist`);
  // A person closed it after a failed send (handled by phone): a round still queued must not send.
  if (message.status === 'closed') return 'cancelled';
  const attempt = await deps.db
    .updateTable('replies')
    .set((eb) => ({ send_attempts: eb('send_attempts', '+', 1) }))
    .where('id', '=', replyId)
    .returning('send_attempts')
    .executeTakeFirstOrThrow();

  const written = await writeReplyToPortal(deps.portal, {
    replyId,
    portalMessageId: message.portal_id,
    patientRef: message.patient_ref,
    partOfRef: message.part_of_ref,
    body: reply.body,
    sentAt: reply.approved_at ?? new Date(),
  });

  const done = await deps.db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('replies')
      .set({ sent_at: sql<Date>`now()`, portal_reply_id: written.portalReplyId, last_error: null })
      .where('id', '=', replyId)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable('messages')
      .set((eb) => ({ status: 'sent', version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
      .where('id', '=', message.id)
      // send_failed too: a round that was still in flight when an earlier one gave up got through.
      .where('status', 'in', ['sending', 'send_failed'])
      .execute();
    await recordEvent(trx, {
      actor: ACTOR,
      action: 'reply.sent',
      messageId: message.id,
      data: {
        replyId,
        portalReplyId: written.portalReplyId,
        attempts: attempt.send_attempts,
        // False: an earlier attempt had reached the portal; the conditional create found it.
        createdNow: written.created,
      },
    });
    return true;
  });
  if (done) {
    deps.logger.info({ replyId, messageId: message.id, created: written.created }, 'reply sent');
    await deps.onSent?.(message.id);
  }
  return done ? 'sent' : 'already_sent';
}

/** Refusals that will not change on retry: the portal rejected the resource itself. */
function isPermanent(err: unknown): boolean {
  return err instanceof FhirClientError && !err.retryable;
}

export function processSendJob(deps: SendDeps) {
  return async (job: Job): Promise<SendOutcome> => {
    const parsed = SendJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id}: data is not { replyId }`);
    const { replyId } = parsed.data;
    try {
      return await sendReply(deps, replyId);
    } catch (err) {
      if (err instanceof ReplyGoneError) throw new UnrecoverableError(err.message);
      const permanent = isPermanent(err);
      if (permanent || isLastAttempt(job)) {
        const failure = await recordSendFailure(deps, replyId, portalErrorKind(err));
        if (failure) await deps.onFailed?.(failure);
        if (permanent) throw new UnrecoverableError(`send refused by the portal (${portalErrorKind(err)})`);
      } else {
        await deps.db
          .updateTable('replies')
          .set({ last_error: portalErrorKind(err) })
          .where('id', '=', replyId)
          .execute();
      }
      throw err;
    }
  };
}
