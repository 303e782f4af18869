/**
 * Every route of the message page against every role: who may read, edit, approve, close, change
 * urgency and acknowledge (src/auth/permissions.ts), plus no login, API tokens and missing CSRF.
 */
import request from 'supertest';
import type { UserRole } from '../../../src/db';
import { userWithToken } from '../web/web-fixture';
import { createMessageFixture, messageUrl, seedMessage, type MessageFixture } from './message-fixture';

let fx: MessageFixture;

beforeAll(async () => {
  fx = await createMessageFixture();
});

afterAll(async () => {
  await fx.close();
});

const ROLES: UserRole[] = ['staff', 'nurse', 'manager', 'admin'];
const EDITORS: UserRole[] = ['staff', 'nurse', 'manager'];
const CLINICAL: UserRole[] = ['nurse', 'manager'];

/** Action routes, who may call them, and a body that is valid enough to get past validation. */
const ACTIONS: { action: string; allowed: UserRole[]; body: (draftId: string) => Record<string, string> }[] =
  [
    { action: 'start', allowed: EDITORS, body: () => ({ mode: 'blank' }) },
    { action: 'reply', allowed: EDITORS, body: () => ({ body: 'x', revision: '0' }) },
    { action: 'regenerate', allowed: EDITORS, body: () => ({ instruction: 'shorter' }) },
    {
      action: 'approve',
      allowed: EDITORS,
      body: () => ({ body: 'Hello', revision: '0', expectedVersion: '1' }),
    },
    { action: 'retry-send', allowed: EDITORS, body: () => ({}) },
    { action: 'route', allowed: EDITORS, body: () => ({}) },
    { action: 'close', allowed: EDITORS, body: () => ({ reason: 'duplicate' }) },
    { action: 'urgency', allowed: CLINICAL, body: () => ({ urgency: 'urgent', reason: 'worse' }) },
    { action: 'feedback', allowed: EDITORS, body: (draftId) => ({ draftId, useful: 'yes' }) },
    { action: 'claim', allowed: EDITORS, body: () => ({}) },
    { action: 'release', allowed: EDITORS, body: () => ({}) },
    { action: 'acknowledge', allowed: CLINICAL, body: () => ({}) },
  ];

describe('reading routes', () => {
  it.each(ROLES)('%s may open the page, step to next/previous and send presence', async (role) => {
    const { id } = await seedMessage(fx.db);
    const person = fx.people[role];
    await person.agent.get(messageUrl(id)).expect(200);
    await person.agent.get(messageUrl(id, 'next')).expect(303);
    await person.agent.get(messageUrl(id, 'prev')).expect(303);
    await person.agent
      .post(messageUrl(id, 'presence'))
      .set('X-CSRF-Token', person.csrf)
      .send({ mode: 'viewing' })
      .expect(200);
  });
});

describe.each(ACTIONS)('POST /inbox/messages/:id/$action', ({ action, allowed, body }) => {
  it.each(ROLES)(`%s`, async (role) => {
    const { id, draftId } = await seedMessage(fx.db, { urgency: 'routine' });
    const person = fx.people[role];
    const res = await person.agent
      .post(messageUrl(id, action))
      .type('form')
      .send({ _csrf: person.csrf, ...body(draftId!) });
    if (allowed.includes(role)) {
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('Not allowed');
      const events = await fx.db.selectFrom('events').select('action').where('message_id', '=', id).execute();
      expect(events.map((e) => e.action)).toEqual([]);
    }
  });
});

describe('callers that are not a logged-in browser', () => {
  it('sends pages to /login, refuses actions with 401, API tokens with 403, and forms without CSRF with 403', async () => {
    const { id } = await seedMessage(fx.db);
    await request(fx.app)
      .get(messageUrl(id))
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/login');
    await request(fx.app).get(messageUrl(id)).set('Accept', 'application/json').expect(401);
    const { token } = await userWithToken(fx.db, 'manager');
    for (const action of ACTIONS.map((a) => a.action)) {
      await request(fx.app).post(messageUrl(id, action)).type('form').send({}).expect(401);
      await request(fx.app)
        .post(messageUrl(id, action))
        .set('Authorization', `Bearer ${token}`)
        .send({})
        .expect(403);
      await fx.people.manager.agent.post(messageUrl(id, action)).type('form').send({}).expect(403);
    }
    await request(fx.app).get(messageUrl(id)).set('Authorization', `Bearer ${token}`).expect(403);
    const events = await fx.db.selectFrom('events').select('action').where('message_id', '=', id).execute();
    expect(events).toEqual([]);
  });
});
