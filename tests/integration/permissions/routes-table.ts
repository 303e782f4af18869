/**
 * The matrix's table: each route the web app serves, how it is guarded, and a harmless call to it.
 * The guard kinds mirror src/http/routes.ts; the permissions are the ones each route asks for, and
 * whether a role holds one is always answered by src/auth/permissions.ts.
 */
import { randomUUID } from 'node:crypto';
import { can, type Permission } from '../../../src/auth/permissions';
import type { UserRole } from '../../../src/db/schema';

export type Caller = { kind: 'anonymous' } | { kind: 'session' | 'token'; role: UserRole };

/**
 * ok: past the guard (any answer but 401/403/redirect to login/5xx, e.g. 200, 303, 400, 404 for an
 * unknown id); login: a browser sent to /login; csrf: refused for a missing CSRF token whoever asks.
 */
export type Verdict =
  'ok' | 'login' | 'unauthorized' | 'forbidden' | 'csrf' | 'no-such-route' | 'server-error';

export type Access =
  /** Anyone: operations endpoints, the login page, public stylesheets. */
  | { kind: 'public' }
  /**
   * The login form: whoever posts it without the CSRF token of a session's login page is refused;
   * with it (an empty form here) it answers 400 "enter your email and password".
   */
  | { kind: 'login-form' }
  /** Slack signs its requests; a person's session or token opens nothing here. */
  | { kind: 'slack' }
  /** The portal's Subscription notifications carry the channel secret; sessions and tokens open nothing. */
  | { kind: 'portal-push' }
  /** Inbox and report pages and their forms: a browser session holding the permission; tokens never. */
  | { kind: 'page'; permission: Permission }
  /** /api/* and report exports: a session (with CSRF on changes) or a bearer token holding it. */
  | { kind: 'api'; permission: Permission | null }
  /** A mounted app (bull-board): session or token; a browser without either goes to /login. */
  | { kind: 'mounted'; permission: Permission };

export interface RouteEntry {
  /** `METHOD /path` as the router registers it (STATIC/MOUNT for mounted folders and apps). */
  route: string;
  access: Access;
  /** The concrete URL to call; default the route's own path. */
  path?: (ids: { message: string }) => string;
  body?: Record<string, unknown>;
  /** Exact statuses expected once past the guard, where the route's answer is fixed. */
  okStatus?: number[];
  /** Ask as an API client (JSON) even for a GET. */
  html?: false;
  /** A stream (SSE): read the status, then hang up. */
  stream?: boolean;
  /** The call ends the caller's session (logout): use a session of its own. */
  endsSession?: boolean;
}

export function expectedVerdict(entry: RouteEntry, caller: Caller): Verdict {
  const access = entry.access;
  const isGet = /^(GET|STATIC|MOUNT) /.test(entry.route);
  const holds = (p: Permission | null) => caller.kind !== 'anonymous' && (p === null || can(caller.role, p));
  switch (access.kind) {
    case 'public':
      return 'ok';
    case 'login-form':
      // The login form's token lives in its own signed cookie from GET /login (no session exists
      // before login); no caller here brings one, whatever session or token it holds.
      return 'csrf';
    case 'slack':
    case 'portal-push':
      return 'unauthorized';
    case 'page':
      if (caller.kind === 'anonymous') return isGet && entry.html !== false ? 'login' : 'unauthorized';
      if (!holds(access.permission)) return 'forbidden';
      return caller.kind === 'token' ? 'forbidden' : 'ok';
    case 'api':
      if (caller.kind === 'anonymous') return 'unauthorized';
      return holds(access.permission) ? 'ok' : 'forbidden';
    case 'mounted':
      if (caller.kind === 'anonymous') return isGet && entry.html !== false ? 'login' : 'unauthorized';
      return holds(access.permission) ? 'ok' : 'forbidden';
  }
}

const unknownId = () => randomUUID();

export const ROUTES: RouteEntry[] = [
  // Operations and the way in.
  { route: 'GET /', access: { kind: 'public' } },
  { route: 'GET /healthz', access: { kind: 'public' }, okStatus: [200] },
  { route: 'GET /readyz', access: { kind: 'public' }, okStatus: [200] },
  { route: 'GET /metrics', access: { kind: 'public' }, okStatus: [200] },
  { route: 'STATIC /assets', access: { kind: 'public' }, path: () => '/assets/app.css', okStatus: [200] },
  { route: 'GET /login', access: { kind: 'public' }, okStatus: [200, 303] },
  { route: 'POST /login', access: { kind: 'login-form' }, okStatus: [400] },
  { route: 'POST /logout', access: { kind: 'public' }, endsSession: true, okStatus: [204] },
  { route: 'POST /slack/events', access: { kind: 'slack' }, body: { type: 'url_verification' } },
  { route: 'POST /portal/notify', access: { kind: 'portal-push' } },

  // The JSON API.
  { route: 'GET /api/session', access: { kind: 'api', permission: null }, okStatus: [200] },
  { route: 'GET /api/tokens', access: { kind: 'api', permission: 'tokens.manage_own' }, okStatus: [200] },
  {
    route: 'POST /api/tokens',
    access: { kind: 'api', permission: 'tokens.manage_own' },
    body: { name: '' },
    okStatus: [400],
  },
  {
    route: 'DELETE /api/tokens/:id',
    access: { kind: 'api', permission: 'tokens.manage_own' },
    path: () => `/api/tokens/${unknownId()}`,
    okStatus: [404],
  },
  { route: 'GET /api/settings', access: { kind: 'api', permission: 'settings.manage' }, okStatus: [200] },
  {
    route: 'PUT /api/settings/:key',
    access: { kind: 'api', permission: 'settings.manage' },
    path: () => '/api/settings/sla_targets',
    body: { urgent: { businessMinutes: -5 } },
    okStatus: [400],
  },
  { route: 'GET /api/users', access: { kind: 'api', permission: 'users.manage' }, okStatus: [200] },
  {
    route: 'POST /api/users',
    access: { kind: 'api', permission: 'users.manage' },
    body: { email: 'not-an-email', displayName: 'X', role: 'staff' },
    okStatus: [400],
  },
  {
    route: 'POST /api/users/:id/disable',
    access: { kind: 'api', permission: 'users.manage' },
    path: () => `/api/users/${unknownId()}/disable`,
    okStatus: [404],
  },
  {
    route: 'POST /api/users/:id/enable',
    access: { kind: 'api', permission: 'users.manage' },
    path: () => `/api/users/${unknownId()}/enable`,
    okStatus: [404],
  },
  {
    route: 'GET /api/messages',
    access: { kind: 'api', permission: 'messages.read' },
    html: false,
    okStatus: [200],
  },
  {
    route: 'GET /api/messages/:id',
    access: { kind: 'api', permission: 'messages.read' },
    path: (ids) => `/api/messages/${ids.message}`,
    html: false,
    okStatus: [200],
  },
  {
    route: 'POST /api/messages/:id/approve',
    access: { kind: 'api', permission: 'messages.approve' },
    path: (ids) => `/api/messages/${ids.message}/approve`,
    body: { body: '' },
    okStatus: [400],
  },

  {
    // The fixture's message is ready, not send_failed: past the guard, the retry is refused (409).
    route: 'POST /api/messages/:id/retry-send',
    access: { kind: 'api', permission: 'messages.approve' },
    path: (ids) => `/api/messages/${ids.message}/retry-send`,
    body: {},
    okStatus: [409],
  },

  // Operations dashboard.
  {
    route: 'MOUNT /admin/queues',
    access: { kind: 'mounted', permission: 'queues.admin' },
    // The board's page; /admin/queues itself redirects here (tests/integration/web/queue-board.test.ts).
    path: () => '/admin/queues/',
    okStatus: [200],
  },

  // Reports: pages for a browser session, CSV exports for a session or an API token.
  {
    route: 'STATIC /reports/assets',
    access: { kind: 'public' },
    path: () => '/reports/assets/reports.css',
    okStatus: [200],
  },
  { route: 'GET /reports', access: { kind: 'page', permission: 'reports.view' }, okStatus: [200] },
  {
    route: 'GET /reports/messages',
    access: { kind: 'page', permission: 'reports.view' },
    path: () => '/reports/messages?from=2026-03-01&to=2026-03-02',
    okStatus: [200],
  },
  {
    route: 'GET /reports/export/messages.csv',
    access: { kind: 'api', permission: 'reports.export' },
    path: () => '/reports/export/messages.csv?from=2026-03-01&to=2026-03-02',
    html: false,
    okStatus: [200],
  },
  {
    route: 'GET /reports/export/summary.csv',
    access: { kind: 'api', permission: 'reports.export' },
    path: () => '/reports/export/summary.csv?from=2026-03-01&to=2026-03-02&by=day',
    html: false,
    okStatus: [200],
  },

  // The staff inbox: pages and their forms, for a browser session only.
  { route: 'GET /inbox', access: { kind: 'page', permission: 'messages.read' }, okStatus: [200] },
  { route: 'GET /inbox/rows', access: { kind: 'page', permission: 'messages.read' }, okStatus: [200] },
  {
    route: 'POST /inbox/search',
    access: { kind: 'page', permission: 'messages.read' },
    body: { q: 'Nobody Atall' },
    okStatus: [200],
  },
  { route: 'GET /inbox/search', access: { kind: 'page', permission: 'messages.read' }, okStatus: [303] },
  {
    route: 'GET /inbox/events',
    access: { kind: 'page', permission: 'messages.read' },
    stream: true,
    okStatus: [200],
  },
  {
    route: 'STATIC /inbox/assets',
    access: { kind: 'page', permission: 'messages.read' },
    path: () => '/inbox/assets/list.js',
    okStatus: [200],
  },
  {
    route: 'GET /inbox/messages/:id',
    access: { kind: 'page', permission: 'messages.read' },
    path: (ids) => `/inbox/messages/${ids.message}`,
    okStatus: [200],
  },
  {
    route: 'GET /inbox/messages/:id/next',
    access: { kind: 'page', permission: 'messages.read' },
    path: (ids) => `/inbox/messages/${ids.message}/next`,
    okStatus: [303],
  },
  {
    route: 'GET /inbox/messages/:id/prev',
    access: { kind: 'page', permission: 'messages.read' },
    path: (ids) => `/inbox/messages/${ids.message}/prev`,
    okStatus: [303],
  },
  {
    route: 'POST /inbox/messages/:id/presence',
    access: { kind: 'page', permission: 'messages.read' },
    path: (ids) => `/inbox/messages/${ids.message}/presence`,
    body: { mode: 'gone' },
    okStatus: [204],
  },
  ...(
    [
      ['start', 'messages.edit'],
      ['reply', 'messages.edit'],
      ['regenerate', 'messages.edit'],
      ['approve', 'messages.approve'],
      ['retry-send', 'messages.approve'],
      ['route', 'messages.edit'],
      ['close', 'messages.close'],
      ['urgency', 'messages.change_urgency'],
      ['feedback', 'messages.edit'],
      ['claim', 'messages.edit'],
      ['release', 'messages.edit'],
      ['acknowledge', 'alerts.acknowledge'],
    ] as const
  ).map(([action, permission]): RouteEntry => ({
    route: `POST /inbox/messages/:id/${action}`,
    access: { kind: 'page', permission },
    // An unknown message: past the guard, the action refuses (bad input, no such message, or 409
    // when it cannot apply at all, e.g. regenerate with no model configured). Nothing changes.
    path: () => `/inbox/messages/${unknownId()}/${action}`,
    okStatus: [400, 404, 409],
  })),
];
