/** Thin HTTP handlers: parse the query, call the use case, render or stream. */
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../auth/principal';
import type { AppConfig } from '../config';
import type { Db } from '../db';
import { pageContextOf } from '../http/page-context';
import { renderPage } from '../http/page-layout';
import type { Logger } from '../logging/logger';
import { drilldown } from './drilldown';
import { DrilldownPage } from './drilldown-page';
import { exportMessagesCsv, exportSummaryCsv, type ExportKind } from './export';
import { ReportPage } from './page';
import { DrilldownQuerySchema, ExportQuerySchema, filtersOf, PageQuerySchema, parseQuery } from './query';
import { staffNames } from './repository';
import { buildSummary, reportContext } from './summary';
import { isoFormatter } from './time-format';

export interface ReportHandlerDeps {
  db: Db;
  logger: Logger;
  config: AppConfig;
  /** The clock that judges still-open messages against their SLA; tests pass a fixed one. */
  now?: () => Date;
}

/** Empty form fields ("all") mean "no filter", not an invalid value. */
const present = (query: Request['query']) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));

const STYLES = ['/reports/assets/reports.css'];

export function reportPageHandler(deps: ReportHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const q = parseQuery(PageQuerySchema, present(req.query));
    const ctx = await reportContext(deps.db, deps.config.env.CLINIC_TIME_ZONE, q, deps.now?.() ?? new Date());
    const summary = await buildSummary(deps.db, ctx, filtersOf(q));
    const page = await pageContextOf(deps.db, req, res);
    const body = (
      <ReportPage summary={summary} filters={filtersOf(q)} group={q.group ?? 'urgency'} tz={q.tz} />
    );
    res.type('html').send(
      renderPage({
        title: 'Reports',
        user: page.user,
        csrfToken: page.csrfToken,
        active: 'reports',
        styles: STYLES,
        body,
      }),
    );
  };
}

export function drilldownHandler(deps: ReportHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const q = parseQuery(DrilldownQuerySchema, present(req.query));
    const ctx = await reportContext(deps.db, deps.config.env.CLINIC_TIME_ZONE, q, deps.now?.() ?? new Date());
    const {
      from: _f,
      to: _t,
      tz: _z,
      by: _b,
      urgency: _u,
      category: _c,
      language: _l,
      staff: _s,
      ...drill
    } = q;
    const result = await drilldown(deps.db, ctx, filtersOf(q), drill, { userId: principalOf(res).userId });
    const [page, names] = await Promise.all([pageContextOf(deps.db, req, res), staffNames(deps.db)]);
    const params = {
      ...(present(req.query) as Record<string, string>),
      from: ctx.range.from,
      to: ctx.range.to,
    };
    // The backlog list is "open at the end of a day", whenever received: no received range applies.
    if (drill.open_at) Object.assign(params, { from: undefined, to: undefined });
    const body = (
      <DrilldownPage result={result} params={params} iso={isoFormatter(ctx.range.zone)} staffNames={names} />
    );
    res.type('html').send(
      renderPage({
        title: 'Report messages',
        user: page.user,
        csrfToken: page.csrfToken,
        active: 'reports',
        styles: STYLES,
        body,
      }),
    );
  };
}

export function exportHandler(deps: ReportHandlerDeps, kind: ExportKind): RequestHandler {
  return async (req: Request, res: Response) => {
    const q = parseQuery(ExportQuerySchema, present(req.query));
    const ctx = await reportContext(deps.db, deps.config.env.CLINIC_TIME_ZONE, q, deps.now?.() ?? new Date());
    const principal = principalOf(res);
    const who = { userId: principal.userId, via: principal.via };
    const name = kind === 'messages' ? 'messages' : `summary_by_${ctx.range.by}`;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${name}_${ctx.range.from}_${ctx.range.to}.csv"`,
    );
    try {
      const write = kind === 'messages' ? exportMessagesCsv : exportSummaryCsv;
      const rows = await write(deps.db, ctx, filtersOf(q), who, res);
      res.end();
      res.locals.log?.info({ kind, rows }, 'report exported');
    } catch (err) {
      if (!res.headersSent) throw err;
      // Half a CSV cannot become an error answer: cut the connection so the client sees it broke.
      const aborted = (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
      if (aborted) res.locals.log?.info({ kind }, 'report export aborted by the client');
      else deps.logger.error({ err: { type: (err as Error).name }, kind }, 'report export failed midway');
      res.destroy();
    }
  };
}
