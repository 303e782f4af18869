/**
 * Role × route matrix of /reports, through a browser session and a bearer API token: managers and
 * admins in, staff and nurses 403; exports take tokens, pages do not; nobody logged in gets 401 on
 * exports and the login page on pages.
 */
import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { can } from '../../../src/auth/permissions';
import { USER_ROLES, type UserRole } from '../../../src/db/schema';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, loggedIn, userWithPassword, type Agent } from '../auth/auth-fixture';

let fx: WebFixture;
const sessions = {} as Record<UserRole, Agent>;
const tokens = {} as Record<UserRole, string>;
const RANGE = 'from=2026-03-01&to=2026-03-02';

beforeAll(async () => {
  fx = await createAuthFixture();
  for (const role of USER_ROLES) {
    const user = await userWithPassword(fx.db, role);
    sessions[role] = (await loggedIn(fx.app, user)).agent;
    tokens[role] = (await createApiToken(fx.db, user.userId, 'matrix')).token;
  }
});

afterAll(async () => {
  await fx.close();
});

const EXPORTS = [`/reports/export/messages.csv?${RANGE}`, `/reports/export/summary.csv?${RANGE}`];
const PAGES = [`/reports?${RANGE}`, `/reports/messages?${RANGE}`];

describe.each(USER_ROLES)('%s', (role) => {
  const allowed = can(role, 'reports.view');
  it.each(EXPORTS)(`export %s by session and by token: ${allowed ? '200' : '403'}`, async (path) => {
    const bySession = await sessions[role].get(path);
    const byToken = await request(fx.app).get(path).set('Authorization', `Bearer ${tokens[role]}`);
    expect([bySession.status, byToken.status]).toEqual(allowed ? [200, 200] : [403, 403]);
    if (allowed) expect(byToken.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
  it.each(PAGES)(`page %s by session ${allowed ? '200' : '403'}; by token 403`, async (path) => {
    const bySession = await sessions[role].get(path).set('Accept', 'text/html');
    const byToken = await request(fx.app).get(path).set('Authorization', `Bearer ${tokens[role]}`);
    expect([bySession.status, byToken.status]).toEqual([allowed ? 200 : 403, 403]);
  });
});

describe('without a login', () => {
  it.each(EXPORTS)('export %s: 401 with a Bearer challenge, also for a browser', async (path) => {
    const res = await request(fx.app).get(path).set('Accept', 'text/html').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    await request(fx.app).get(path).set('Authorization', 'Bearer idt_not-a-token').expect(401);
  });
  it.each(PAGES)('page %s: a browser goes to /login, anything else gets 401', async (path) => {
    await request(fx.app).get(path).set('Accept', 'text/html').expect(303).expect('Location', '/login');
    await request(fx.app).get(path).set('Accept', 'application/json').expect(401);
  });
});
