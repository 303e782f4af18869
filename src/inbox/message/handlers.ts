/**
 * Thin handlers of the message page and its actions. An action answers a form with a 303 back to
 * the page and a notice in the session (Post/Redirect/Get), and a script's fetch with JSON. A form
 * that is refused (bad input, a conflict) gets the page again, with the error beside the form and
 * what the person typed kept.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { recordEvent } from '../../audit';
import { can } from '../../auth/permissions';
import { principalOf } from '../../auth/principal';
import { HttpError, NotFoundError } from '../../http/errors';
import { pageContextOf } from '../../http/page-context';
import { clearPresence, markPresence, presenceFor } from '../presence';
import type { Actor } from '../actions/context';
import { PresenceBody, parseBody } from '../actions/input';
import type { MessageDeps } from './deps';
import { renderErrorPage } from './error-page';
import { setFlash, takeFlash } from './flash';
import { loadMessageView, neighbourOf } from './load';
import { renderMessagePage } from './page';
import { parseView, type ViewCode } from '../list/filters';
import { queuePath, type FormFeedback, type FormName, type Presence } from './page-model';

const MessageId = z.uuid();

/** An id that is not a UUID cannot name a message: 404, like an unknown one. */
export function messageIdOf(req: Request): string {
  const parsed = MessageId.safeParse(req.params.id);
  if (!parsed.success)
    throw new NotFoundError('There is no such message. It may have been removed, or the link is wrong.');
  return parsed.data;
}

export const wantsJson = (req: Request) =>
  req.is('application/json') === 'application/json' || req.accepts(['html', 'json']) === 'json';

const actorOfRes = (res: Response): Actor => {
  const p = principalOf(res);
  return { id: p.userId, role: p.role };
};

/**
 * Presence is a convenience: Redis trouble (down, or slower than its command timeout) must not keep
 * anyone from a message; the page then says who-is-here is unknown.
 */
async function othersOn(
  deps: MessageDeps,
  res: Response,
  id: string,
  me: { id: string; name: string },
): Promise<{ others: Presence[]; available: boolean }> {
  try {
    await markPresence(deps.redis, deps.prefix, id, { userId: me.id, name: me.name, mode: 'viewing' });
    const people = (await presenceFor(deps.redis, deps.prefix, [id])).get(id) ?? [];
    const others = people
      .filter((p) => p.userId !== me.id)
      .map((p): Presence => ({ name: p.name, mode: p.mode }));
    return { others, available: true };
  } catch (err) {
    res.locals.log?.warn({ errorKind: (err as Error)?.name }, 'presence unavailable');
    return { others: [], available: false };
  }
}

/** Every other message whose text (or our reply to it) the page shows, once each, in page order. */
export function threadMessageIdsOf(view: {
  message: { id: string };
  thread: { messageId: string }[];
}): string[] {
  return [...new Set(view.thread.map((e) => e.messageId))].filter((id) => id !== view.message.id);
}

/** Renders the page (a view: an audit event), optionally as the answer to a refused form. */
export async function renderView(
  deps: MessageDeps,
  req: Request,
  res: Response,
  id: string,
  status = 200,
  feedback?: FormFeedback,
): Promise<void> {
  const ctx = await pageContextOf(deps.db, req, res);
  const view = await loadMessageView(deps.db, id, ctx.user.id);
  if (!view)
    throw new NotFoundError('There is no such message. It may have been removed, or the link is wrong.');
  await recordEvent(deps.db, {
    actor: `user:${ctx.user.id}`,
    action: 'message.viewed',
    messageId: id,
    // The page also shows the thread's other messages and our replies to them: each is PHI seen.
    data: { via: 'session', draftId: view.draft?.id ?? null, threadMessageIds: threadMessageIdsOf(view) },
  });
  const { others, available } = await othersOn(deps, res, id, ctx.user);
  const role = ctx.user.role;
  res
    .status(status)
    .type('html')
    .send(
      renderMessagePage({
        view,
        ctx,
        zone: deps.zone,
        now: deps.clock(),
        others,
        presenceAvailable: available,
        can: {
          edit: can(role, 'messages.edit'),
          approve: can(role, 'messages.approve'),
          close: can(role, 'messages.close'),
          changeUrgency: can(role, 'messages.change_urgency'),
          acknowledge: can(role, 'alerts.acknowledge'),
        },
        modelConfigured: deps.regenerate.model !== null,
        flash: takeFlash(req, id),
        feedback,
        queue: queueOf(req),
      }),
    );
}

export function viewHandler(deps: MessageDeps): RequestHandler {
  return async (req, res) => renderView(deps, req, res, messageIdOf(req));
}

/** The saved view a page or form names (`?view=` on a page, a `view` field in a form); unknown = none. */
export function queueOf(req: Request): ViewCode | undefined {
  const fromBody = (req.body as Record<string, unknown> | undefined)?.view;
  return parseView(fromBody ?? req.query.view);
}

export function neighbourHandler(deps: MessageDeps, direction: 'next' | 'prev'): RequestHandler {
  return async (req, res) => {
    const id = messageIdOf(req);
    const queue = queueOf(req);
    const target = await neighbourOf(deps.db, id, direction, queue, principalOf(res).userId);
    if (target) {
      res.redirect(303, queuePath(target, queue));
      return;
    }
    setFlash(req, id, {
      kind: 'ok',
      text: `There is no ${direction === 'next' ? 'next' : 'previous'} open message${queue ? ' in this view' : ''}.`,
    });
    res.redirect(303, queuePath(id, queue));
  };
}

/** The heartbeat of message.js: keeps this person's presence alive and answers who else is here. */
export function presenceHandler(deps: MessageDeps): RequestHandler {
  return async (req, res) => {
    const id = messageIdOf(req);
    const { mode } = parseBody(PresenceBody, req.body);
    const ctx = await pageContextOf(deps.db, req, res);
    const exists = await deps.db.selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new NotFoundError('message not found');
    if (mode === 'gone') {
      await clearPresence(deps.redis, deps.prefix, id, ctx.user.id);
      res.status(204).end();
      return;
    }
    await markPresence(deps.redis, deps.prefix, id, { userId: ctx.user.id, name: ctx.user.name, mode });
    const people = (await presenceFor(deps.redis, deps.prefix, [id])).get(id) ?? [];
    res.json({
      people: people.filter((p) => p.userId !== ctx.user.id).map((p) => ({ name: p.name, mode: p.mode })),
    });
  };
}

export interface ActionResult {
  /** The notice shown after the redirect. */
  flash: string;
  /** "Approve and next": land on the next open message of the saved view instead of this one. */
  goTo?: 'next';
  /** Extra fields for a script's JSON answer. */
  json?: Record<string, unknown>;
}

export type ActionRun = (c: {
  req: Request;
  res: Response;
  id: string;
  user: Actor;
}) => Promise<ActionResult>;

/** What a refused form sent, to fill it in again (the CSRF token is the page's own). */
function formValues(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'number' || typeof v === 'boolean') values[k] = String(v);
  }
  return values;
}

export function action(deps: MessageDeps, form: FormName, run: ActionRun): RequestHandler {
  return async (req, res) => {
    const id = messageIdOf(req);
    try {
      const result = await run({ req, res, id, user: actorOfRes(res) });
      const queue = queueOf(req);
      const next =
        result.goTo === 'next'
          ? ((await neighbourOf(deps.db, id, 'next', queue, principalOf(res).userId)) ?? null)
          : undefined;
      if (wantsJson(req)) {
        res.json({
          ok: true,
          message: result.flash,
          ...result.json,
          ...(next !== undefined ? { next } : {}),
        });
        return;
      }
      if (next) {
        setFlash(req, next, { kind: 'ok', text: `${result.flash} This is the next message.` });
        res.redirect(303, queuePath(next, queue));
        return;
      }
      const last = next === null ? ' There is no next open message in this view.' : '';
      setFlash(req, id, { kind: 'ok', text: `${result.flash}${last}` });
      res.redirect(303, queuePath(id, queue));
    } catch (err) {
      const refused = err instanceof HttpError && (err.status === 400 || err.status === 409);
      if (!refused || wantsJson(req)) throw err;
      await renderView(deps, req, res, id, err.status, {
        form,
        error: err.message,
        values: formValues(req.body),
      });
    }
  };
}

/** Errors of page routes as pages (403, 404, 409…) for a browser; scripts keep the JSON shape. */
export function pageErrors(deps: MessageDeps): ErrorRequestHandler {
  return async (err, req, res, next) => {
    // 503 (a service down) goes to the app's error handler, whose page needs no database.
    if (!(err instanceof HttpError) || wantsJson(req) || res.headersSent || [401, 503].includes(err.status)) {
      next(err);
      return;
    }
    try {
      const ctx = await pageContextOf(deps.db, req, res);
      res
        .status(err.status)
        .type('html')
        .send(renderErrorPage(ctx, err.status, sentence(err.message)));
    } catch {
      next(err);
    }
  };
}

const sentence = (text: string) => {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
};
