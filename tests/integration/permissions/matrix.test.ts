/**
 * The role × route matrix: every route the web app registers, called by nobody, by a browser session
 * of each role (with its CSRF token) and by a bearer API token of each role. What each caller should
 * get is computed from src/auth/permissions.ts (`can`), the table README shows, so neither can drift.
 * Allowed calls are made so they pass the guard and stop at validation or an unknown id, changing
 * nothing; the test only judges the guard's verdict (let in, 401, 403, or sent to /login).
 */
import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { can, PERMISSIONS } from '../../../src/auth/permissions';
import { USER_ROLES, type UserRole } from '../../../src/db/schema';
import {
  createAuthFixture,
  loggedIn,
  userWithPassword,
  type Agent,
  type TestUser,
} from '../auth/auth-fixture';
import { insertMessage, type WebFixture } from '../web/web-fixture';
import { ROUTES, expectedVerdict, type Caller, type RouteEntry, type Verdict } from './routes-table';
import { registeredRoutes } from './registered-routes';

let fx: WebFixture;
let app: Express;
const users = {} as Record<UserRole, TestUser>;
const sessions = {} as Record<UserRole, { agent: Agent; csrf: string }>;
const tokens = {} as Record<UserRole, string>;
const ids = { message: '' };

const CALLERS: Caller[] = [
  { kind: 'anonymous' },
  ...USER_ROLES.map((role): Caller => ({ kind: 'session', role })),
  ...USER_ROLES.map((role): Caller => ({ kind: 'token', role })),
];

beforeAll(async () => {
  // Slack configured, so /slack/events is registered and judged too (its API is never reached).
  fx = await createAuthFixture({
    SLACK_SIGNING_SECRET: 'matrix-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-matrix',
    SLACK_URGENT_CHANNEL: 'C0URGENT',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    // Push configured, so /portal/notify is registered and judged too.
    PORTAL_PUSH_ENDPOINT: 'http://127.0.0.1:3000/portal/notify',
    PORTAL_PUSH_SECRET: 'matrix-push-Zq7vR2mK9xW4pL8nT3bY6cF1hJ5dG0',
  });
  app = fx.app;
  ids.message = await insertMessage(fx.db, { receivedAt: '2026-03-01T10:00:00Z' });
  for (const role of USER_ROLES) {
    users[role] = await userWithPassword(fx.db, role);
    sessions[role] = await loggedIn(app, users[role]);
    tokens[role] = (await createApiToken(fx.db, users[role].userId, 'matrix')).token;
  }
}, 60_000);

afterAll(async () => {
  await fx?.close();
});

function describeCaller(c: Caller): string {
  return c.kind === 'anonymous' ? 'no login' : `${c.kind} ${c.role}`;
}

/** What the guard did, judged from the answer. */
function verdictOf(res: request.Response): Verdict {
  const location = res.headers.location as string | undefined;
  if (res.status >= 300 && res.status < 400 && location?.replace(/^https?:\/\/[^/]+/, '') === '/login')
    return 'login';
  if (res.status === 401) return 'unauthorized';
  const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
  if (res.status === 403)
    return code === 'csrf' || /expired or did not come from/.test(res.text ?? '') ? 'csrf' : 'forbidden';
  if (res.status === 404 && /no such endpoint/.test(res.text ?? '')) return 'no-such-route';
  if (res.status >= 500) return 'server-error';
  return 'ok';
}

async function call(entry: RouteEntry, caller: Caller): Promise<request.Response> {
  const [method] = entry.route.split(' ') as [string];
  const verb =
    method === 'STATIC' || method === 'MOUNT'
      ? 'get'
      : (method.toLowerCase() as 'get' | 'post' | 'put' | 'delete');
  const target = entry.path ? entry.path(ids) : entry.route.split(' ')[1]!;
  let client: Agent | ReturnType<typeof request>;
  let csrf: string | undefined;
  if (caller.kind === 'session') {
    // A call that ends its session (logout) gets a session of its own.
    const session = entry.endsSession ? await loggedIn(app, users[caller.role]) : sessions[caller.role];
    client = session.agent;
    csrf = session.csrf;
  } else {
    client = request(app);
  }
  let req = client[verb](target).set(
    'Accept',
    verb === 'get' && entry.html !== false ? 'text/html' : 'application/json',
  );
  if (csrf) req = req.set('X-CSRF-Token', csrf);
  if (caller.kind === 'token') req = req.set('Authorization', `Bearer ${tokens[caller.role]}`);
  if (entry.stream) {
    // Server-Sent Events never end: take the status and headers, then hang up.
    req = req.buffer(false).parse((res, done) => {
      done(null, null);
      // At run time this is node's IncomingMessage (superagent's types say otherwise).
      (res as unknown as { destroy: () => void }).destroy();
    });
  }
  return verb === 'get' ? req : req.send(entry.body ?? {});
}

describe('every route × every caller', () => {
  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_name, entry) => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const res = await call(entry, caller);
      const got = verdictOf(res);
      const want = expectedVerdict(entry, caller);
      if (got !== want)
        wrong.push(`${describeCaller(caller)}: expected ${want}, got ${got} (HTTP ${res.status})`);
      if (entry.okStatus && want === 'ok' && got === 'ok' && !entry.okStatus.includes(res.status))
        wrong.push(
          `${describeCaller(caller)}: expected HTTP ${entry.okStatus.join(' or ')}, got ${res.status}`,
        );
    }
    expect(wrong).toEqual([]);
  });
});

describe('the matrix itself', () => {
  it('lists every route the app registers, and no route it does not', () => {
    const inTable = [...new Set(ROUTES.map((r) => r.route))].sort();
    expect(inTable).toEqual(registeredRoutes(app));
  });

  it('uses every permission of the table on some route', () => {
    const used = new Set(
      ROUTES.flatMap((r) => ('permission' in r.access && r.access.permission ? [r.access.permission] : [])),
    );
    // queues.manage is held by no role, so no caller could exercise it: it guards bull-board's state
    // changes inside the /admin/queues mount (tests/integration/web/queue-board.test.ts).
    expect(PERMISSIONS.filter((p) => !used.has(p))).toEqual(['queues.manage']);
  });

  it("matches README's roles and permissions table", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    for (const permission of PERMISSIONS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${permission}\` |`));
      expect(row).toBeDefined();
      const cells = row!
        .split('|')
        .slice(2, 2 + USER_ROLES.length)
        .map((c) => c.trim() === '✓');
      expect({ permission, roles: cells }).toEqual({
        permission,
        roles: USER_ROLES.map((r) => can(r, permission)),
      });
    }
  });
});
