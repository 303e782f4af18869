/**
 * Thin HTTP handlers for the messages API: parse with zod, call a named query or use case, answer.
 * Every read of patient text is an audit event (invariant 6), recorded before the answer goes out.
 */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { recordEvent } from '../audit';
import { principalOf } from '../auth/api-tokens';
import type { Db } from '../db';
import { MESSAGE_STATUSES } from '../db/schema';
import { BadRequestError, NotFoundError } from '../http/errors';
import type { Queues } from '../queue';
import { alertStateFor } from '../alerts/state';
import { approveReply } from './approve';
import { getMessageDetail, listMessages } from './queries';
import { retrySend } from './retry-send';

export interface MessageHandlerDeps {
  db: Db;
  queues: Queues;
}

const URGENCY_FILTERS = ['emergent', 'urgent', 'routine', 'non_clinical', 'untriaged'] as const;

/** `?status=ready,sending` or `?status=ready&status=sending`. */
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : ([] as unknown[]).concat(v).flatMap((s) => String(s).split(','))),
    z
      .array(z.enum(values))
      .max(values.length * 2)
      .optional(),
  );

const ListQuery = z.object({
  status: listOf(MESSAGE_STATUSES),
  urgency: listOf(URGENCY_FILTERS),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

const MessageId = z.uuid();

const ApproveBody = z.object({
  body: z.string().trim().min(1).max(20_000),
  draftId: z.uuid().nullable(),
  expectedVersion: z.number().int().min(1),
});

/** Optional: a script that read the message first passes its version, so a stale retry is refused. */
const RetrySendBody = z.object({
  expectedVersion: z.number().int().min(1).optional(),
});

function badRequest(error: z.ZodError): BadRequestError {
  // Field paths and zod's own wording only: never the submitted values.
  return new BadRequestError('invalid request', {
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** An id that is not a UUID cannot name a message: 404, the same as an unknown one. */
function messageIdOf(req: Request): string {
  const parsed = MessageId.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('message not found');
  return parsed.data;
}

const actorOf = (res: Response) => `user:${principalOf(res).userId}`;

export function listMessagesHandler(deps: MessageHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const parsed = ListQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(parsed.error);
    const page = await listMessages(deps.db, parsed.data);
    // A list shows subjects, which can carry PHI: one event naming every message shown.
    if (page.items.length > 0) {
      await recordEvent(deps.db, {
        actor: actorOf(res),
        action: 'messages.listed',
        data: { messageIds: page.items.map((m) => m.id), via: principalOf(res).via },
      });
    }
    res.json(page);
  };
}

export function getMessageHandler(deps: MessageHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const id = messageIdOf(req);
    const detail = await getMessageDetail(deps.db, id);
    if (!detail) throw new NotFoundError('message not found');
    // Audited as a read, not message.viewed: a script fetching a message is not a person opening it,
    // and only message.viewed starts the "first opened" clock of the reports (migration 0005).
    await recordEvent(deps.db, {
      actor: actorOf(res),
      action: 'message.read_via_api',
      messageId: id,
      data: { via: principalOf(res).via, draftId: detail.draft?.id ?? null },
    });
    res.json({ ...detail, alert: await alertStateFor(deps.db, id) });
  };
}

/** What a script is told when the approval is saved but the send job could not be queued yet. */
export const SEND_DEFERRED_NOTICE =
  'approved and saved; the send queue (Redis) is unavailable right now, so sending starts automatically once it is back';

export function approveMessageHandler(deps: MessageHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const messageId = messageIdOf(req);
    const parsed = ApproveBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const result = await approveReply(deps.db, deps.queues, {
      messageId,
      author: principalOf(res).userId,
      body: parsed.data.body,
      draftId: parsed.data.draftId,
      expectedVersion: parsed.data.expectedVersion,
    });
    if (!result.sendQueued) {
      // Committed all the same: the reconciler queues the send once Redis is back.
      res.locals.log?.warn({ replyId: result.replyId }, 'approved; send not queued (redis unavailable)');
      res.status(202).json({ ...result, notice: SEND_DEFERRED_NOTICE });
      return;
    }
    res.status(202).json(result);
  };
}

/** A reply whose send failed, sent again as approved: 202 with the new round; 409 unless send_failed. */
export function retrySendHandler(deps: MessageHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const messageId = messageIdOf(req);
    const parsed = RetrySendBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const result = await retrySend(deps.db, deps.queues, {
      messageId,
      userId: principalOf(res).userId,
      expectedVersion: parsed.data.expectedVersion,
    });
    res.status(202).json(result);
  };
}
