/**
 * The full role × route matrix, over every route the web app serves, through both ways in:
 * a browser session (with its CSRF token) and a bearer API token. Allowed calls are made so that
 * they pass the guard and then stop at validation or a missing id, changing nothing.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { can, PERMISSIONS, permissionsOf, type Permission } from '../../../src/auth/permissions';
import { USER_ROLES, type UserRole } from '../../../src/db/schema';
import { insertMessage, type WebFixture } from '../web/web-fixture';
import { createAuthFixture, loggedIn, userWithPassword, type Agent } from './auth-fixture';

let fx: WebFixture;
let messageId: string;
const sessions = {} as Record<UserRole, { agent: Agent; csrf: string }>;
const tokens = {} as Record<UserRole, string>;

beforeAll(async () => {
  fx = await createAuthFixture();
  messageId = await insertMessage(fx.db, { receivedAt: '2026-03-01T10:00:00Z' });
  for (const role of USER_ROLES) {
    const user = await userWithPassword(fx.db, role);
    sessions[role] = await loggedIn(fx.app, user);
    tokens[role] = (await createApiToken(fx.db, user.userId, 'matrix')).token;
  }
});

afterAll(async () => {
  await fx.close();
});

interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'delete';
  path: () => string;
  body?: Record<string, unknown>;
  /** null: any authenticated user. */
  permission: Permission | null;
  /** The answer once past the guard. */
  allowed: number;
}

const ROUTES: RouteCase[] = [
  {
    name: 'list messages',
    method: 'get',
    path: () => '/api/messages',
    permission: 'messages.read',
    allowed: 200,
  },
  {
    name: 'view a message',
    method: 'get',
    path: () => `/api/messages/${messageId}`,
    permission: 'messages.read',
    allowed: 200,
  },
  {
    name: 'approve a reply',
    method: 'post',
    path: () => `/api/messages/${messageId}/approve`,
    body: { body: '' },
    permission: 'messages.approve',
    allowed: 400,
  },
  { name: 'who am I', method: 'get', path: () => '/api/session', permission: null, allowed: 200 },
  {
    name: 'list own tokens',
    method: 'get',
    path: () => '/api/tokens',
    permission: 'tokens.manage_own',
    allowed: 200,
  },
  {
    name: 'create a token',
    method: 'post',
    path: () => '/api/tokens',
    body: { name: '' },
    permission: 'tokens.manage_own',
    allowed: 400,
  },
  {
    name: 'revoke a token',
    method: 'delete',
    path: () => `/api/tokens/${randomUUID()}`,
    permission: 'tokens.manage_own',
    allowed: 404,
  },
  { name: 'list users', method: 'get', path: () => '/api/users', permission: 'users.manage', allowed: 200 },
  {
    name: 'create a user',
    method: 'post',
    path: () => '/api/users',
    body: { email: 'not-an-email', displayName: 'X', role: 'staff' },
    permission: 'users.manage',
    allowed: 400,
  },
  {
    name: 'disable a user',
    method: 'post',
    path: () => `/api/users/${randomUUID()}/disable`,
    permission: 'users.manage',
    allowed: 404,
  },
  {
    name: 'enable a user',
    method: 'post',
    path: () => `/api/users/${randomUUID()}/enable`,
    permission: 'users.manage',
    allowed: 404,
  },
  {
    name: 'queue dashboard',
    method: 'get',
    // The board's page itself (/admin/queues redirects here, for those allowed in).
    path: () => '/admin/queues/',
    permission: 'queues.admin',
    allowed: 200,
  },
  {
    name: 'queue API',
    method: 'get',
    path: () => '/admin/queues/api/queues',
    permission: 'queues.admin',
    allowed: 200,
  },
];

const expected = (role: UserRole, route: RouteCase) =>
  route.permission === null || can(role, route.permission) ? route.allowed : 403;

describe.each(USER_ROLES)('%s', (role) => {
  it.each(ROUTES)('$name, with a session', async (route) => {
    const { agent, csrf } = sessions[role];
    const res = await agent[route.method](route.path())
      .set('X-CSRF-Token', csrf)
      .set('Accept', 'application/json')
      .send(route.body ?? {});
    expect(res.status).toBe(expected(role, route));
  });

  it.each(ROUTES)('$name, with an API token', async (route) => {
    const client = request(fx.app);
    const res = await client[route.method](route.path())
      .set('Authorization', `Bearer ${tokens[role]}`)
      .send(route.body ?? {});
    expect(res.status).toBe(expected(role, route));
  });
});

describe('without credentials', () => {
  it.each(ROUTES.filter((r) => r.path().startsWith('/api')))('$name is 401', async (route) => {
    const client = request(fx.app);
    const res = await client[route.method](route.path()).send(route.body ?? {});
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('sends a browser to the login page for the queue dashboard, and answers its API with 401', async () => {
    await request(fx.app)
      .get('/admin/queues')
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/login');
    await request(fx.app).get('/admin/queues/api/queues').set('Accept', 'application/json').expect(401);
  });

  it('serves the operations endpoints to anyone (Prometheus and probes on the internal network)', async () => {
    await request(fx.app).get('/healthz').expect(200);
    await request(fx.app).get('/readyz').expect(200);
    await request(fx.app).get('/metrics').expect(200);
    await request(fx.app).get('/').set('Accept', 'application/json').expect(200);
    await request(fx.app).get('/login').expect(200);
    // A browser at the root is sent to the inbox, which sends it on to /login.
    const root = await request(fx.app).get('/').set('Accept', 'text/html').expect(303);
    expect(root.headers.location).toBe('/inbox');
  });
});

describe('the permission table', () => {
  it('gives every role its own tokens and keeps accounts, queues and answering apart', () => {
    for (const role of USER_ROLES) expect(can(role, 'tokens.manage_own')).toBe(true);
    expect(USER_ROLES.filter((r) => can(r, 'users.manage'))).toEqual(['admin']);
    expect(USER_ROLES.filter((r) => can(r, 'queues.admin'))).toEqual(['admin']);
    expect(USER_ROLES.filter((r) => can(r, 'messages.approve'))).toEqual(['staff', 'nurse', 'manager']);
    expect(USER_ROLES.filter((r) => can(r, 'reports.export'))).toEqual(['manager', 'admin']);
    expect(USER_ROLES.filter((r) => can(r, 'messages.change_urgency'))).toEqual(['nurse', 'manager']);
    // Every permission belongs to someone, except changing jobs in bull-board, which no role holds.
    for (const p of PERMISSIONS) expect(USER_ROLES.some((r) => can(r, p))).toBe(p !== 'queues.manage');
  });

  it('is what /api/session reports', async () => {
    for (const role of USER_ROLES) {
      const res = await sessions[role].agent.get('/api/session').expect(200);
      expect(res.body.permissions).toEqual(permissionsOf(role));
    }
  });

  it('a nurse approves through her session, as the author of the reply', async () => {
    const nurse = await userWithPassword(fx.db, 'nurse');
    const { agent, csrf } = await loggedIn(fx.app, nurse);
    const id = await insertMessage(fx.db, { receivedAt: '2026-03-02T10:00:00Z' });
    await agent
      .post(`/api/messages/${id}/approve`)
      .set('X-CSRF-Token', csrf)
      .send({ body: 'We sent the refill.', draftId: null, expectedVersion: 1 })
      .expect(202);
    const reply = await fx.db
      .selectFrom('replies')
      .select('author')
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(reply.author).toBe(nurse.userId);
  });

  it('an approve refused for the role changes nothing', async () => {
    const res = await request(fx.app)
      .post(`/api/messages/${messageId}/approve`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ body: 'Hello', draftId: null, expectedVersion: 1 })
      .expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(
      await fx.db.selectFrom('replies').select('id').where('message_id', '=', messageId).execute(),
    ).toEqual([]);
  });
});
