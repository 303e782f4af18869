/**
 * The inbox list's routes (mounted under /inbox behind login, messages.read and CSRF):
 *   GET  /inbox          the list page (filters as GET codes, keyset "Next page")
 *   GET  /inbox/rows     the same rows as an HTML fragment, for list.js's live refresh
 *   POST /inbox/search   search by patient name or record number (PHI: in the body, never the URL)
 * Handlers parse, call a use case, render; the use cases record the audit events.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { renderToString } from 'preact-render-to-string';
import { z } from 'zod';
import { principalOf } from '../../auth/principal';
import { HttpError } from '../../http/errors';
import { pageContextOf } from '../../http/page-context';
import { RowsFragment } from './components';
import { InvalidFilterError, parseListFilter } from './filters';
import { emptyTextOf, renderListErrorPage, renderListPage, renderSearchPage } from './page';
import { searchMessages, showInboxList, type ListDeps, type Viewer } from './use-cases';

const viewerOf = (res: Response): Viewer => {
  const p = principalOf(res);
  return { userId: p.userId, via: p.via };
};

/** A bad filter or a cursor we did not issue: a readable 400 page, never a 500. */
function listErrorStatus(err: unknown): HttpError | undefined {
  if (err instanceof InvalidFilterError) return err;
  if (err instanceof HttpError && err.status === 400) return err;
  return undefined;
}

function listPage(deps: ListDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    // Who is asking is read beside the list's own queries: one round trip less before the answer.
    const ctxRead = pageContextOf(deps.db, req, res);
    ctxRead.catch(() => undefined); // awaited below on every path; this only keeps it "handled" meanwhile
    try {
      const filter = parseListFilter(req.query as Record<string, unknown>);
      const [ctx, view] = await Promise.all([ctxRead, showInboxList(deps, viewerOf(res), filter, 'page')]);
      const read = process.hrtime.bigint();
      const html = renderListPage({ ctx, filter, ...view });
      res.setHeader('Server-Timing', serverTiming(started, read, process.hrtime.bigint()));
      res.type('html').send(html);
    } catch (err) {
      const known = listErrorStatus(err);
      if (!known) throw err;
      const message =
        known instanceof InvalidFilterError
          ? known.message
          : 'That page link has expired or was changed. Start again from the first page.';
      res
        .status(400)
        .type('html')
        .send(renderListErrorPage(await ctxRead, message));
    }
  };
}

function rowsFragment(deps: ListDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const filter = parseListFilter(req.query as Record<string, unknown>);
    const view = await showInboxList(deps, viewerOf(res), filter, 'rows');
    const html = renderToString(
      <RowsFragment
        rows={view.rows}
        empty={emptyTextOf(filter)}
        counts={view.counts}
        views={view.views}
        sendFailed={view.sendFailed}
        filter={filter}
        nextCursor={view.nextCursor}
      />,
    );
    res.type('html').send(html);
  };
}

const SearchBody = z.object({ q: z.string().max(10_000).optional() });

function search(deps: ListDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const ctx = await pageContextOf(deps.db, req, res);
    const parsed = SearchBody.safeParse(req.body ?? {});
    const query = parsed.success ? (parsed.data.q ?? '') : '';
    const outcome = parsed.success
      ? await searchMessages(deps, viewerOf(res), query)
      : { ok: false as const, error: 'A search can be at most 100 characters; shorten it and try again.' };
    if (!outcome.ok) {
      res
        .status(400)
        .type('html')
        .send(renderSearchPage({ ctx, query, rows: [], error: outcome.error }));
      return;
    }
    res.type('html').send(renderSearchPage({ ctx, query, kind: outcome.kind, rows: outcome.rows }));
  };
}

const ms = (from: bigint, to: bigint) => (Number(to - from) / 1e6).toFixed(1);

/**
 * The handler's own time by stage (the reads: who is asking, the list's queries, presence, the audit
 * event; then rendering) and in total, for the bench and browser dev tools. Times only, no data.
 */
function serverTiming(start: bigint, read: bigint, done: bigint): string {
  return `read;dur=${ms(start, read)}, render;dur=${ms(read, done)}, total;dur=${ms(start, done)}`;
}

export function listRoutes(deps: ListDeps): Router {
  const router = Router();
  router.get('/', listPage(deps));
  router.get('/rows', rowsFragment(deps));
  router.post('/search', search(deps));
  // A reload of the results page, or a bookmark: the query was never in the URL, so start over.
  router.get('/search', (_req, res) => res.redirect(303, '/inbox'));
  return router;
}
