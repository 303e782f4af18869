import { sql } from 'kysely';
import request from 'supertest';
import { userWithToken } from '../web/web-fixture';
import {
  createMessageFixture,
  eventsFor,
  messageUrl,
  seedMessage,
  seedPatient,
  type MessageFixture,
} from './message-fixture';
import { markPresence } from '../../../src/inbox/presence';

let fx: MessageFixture;

beforeAll(async () => {
  fx = await createMessageFixture({ CLINIC_TIME_ZONE: 'America/Chicago' });
  await seedPatient(fx.db);
});

afterAll(async () => {
  await fx.close();
});

describe('GET /inbox/messages/:id', () => {
  it('shows the message, patient, triage, draft with flags, chart facts and sources, and records the view', async () => {
    const { id, draftId } = await seedMessage(fx.db, {
      receivedAt: '2026-03-03T15:05:00Z',
      flags: ['instruction_injection'],
    });
    const res = await fx.people.staff.agent.get(messageUrl(id)).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.text;
    expect(html).toContain('Maria Lopez');
    expect(html).toMatch(/Maria Lopez<\/bdi>, \d+ years, female/);
    expect(html).toContain('Tue 3 Mar 2026, 9:05 AM CST');
    expect(html).toContain('Can I get a refill of my lisinopril?');
    expect(html).toContain('refill request: &quot;refill of my lisinopril&quot;');
    expect(html).toContain('tries to give instructions to software');
    expect(html).toContain('Built from the clinic’s templates');
    expect(html).toContain('7.2');
    expect(html).toContain('(target 6.0)');
    expect(html).toContain('Harder to read than the patient’s target reading level.');
    expect(html).toContain('MedicationRequest/med-1');
    expect(html).toContain('Medicines: lisinopril 10 mg');
    expect(html).toContain('We will ask Dr. Lee about your lisinopril refill today.');
    // No start step: the reply box holds the draft at once (revision 0, nothing started yet).
    expect(html).not.toContain('>Start with draft<');
    expect(html).toMatch(/<button[^>]*>Start blank instead<\/button>/);
    expect(html).toMatch(/<textarea id="reply-body"[^>]*>Hello Maria,/);
    expect(html).toContain('<input type="hidden" name="revision" value="0" id="reply-revision"/>');
    expect(html).toMatch(/<button[^>]*id="approve-next-button"[^>]*>Approve and next<\/button>/);
    expect(html).toContain('<script src="/inbox/assets/message.js" defer>');
    // No model configured in this app: no Regenerate button.
    expect(html).not.toContain('>Regenerate<');
    const viewed = await eventsFor(fx.db, id, 'message.viewed');
    expect(viewed).toHaveLength(1);
    expect(viewed[0].actor).toBe(`user:${fx.people.staff.userId}`);
    expect(viewed[0].data).toEqual({ via: 'session', draftId, threadMessageIds: [] });
  });

  it('labels every control and gives the reply box the label "Reply to patient"', async () => {
    const { id } = await seedMessage(fx.db);
    await fx.db
      .insertInto('reply_drafts')
      .values({ message_id: id, revision: 1, author: fx.people.staff.userId, mode: 'blank', body: 'Hi' })
      .execute();
    const html = (await fx.people.staff.agent.get(messageUrl(id)).expect(200)).text;
    expect(html).toMatch(/<label for="reply-body"[^>]*>\s*Reply to patient\s*<\/label>/);
    for (const [, controlId] of html.matchAll(
      /<(?:textarea|select|input)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g,
    )) {
      expect(html).toContain(`for="${controlId}"`);
    }
    expect(html).toMatch(/<button[^>]*>Save<\/button>/);
    expect(html).toMatch(
      /<button[^>]*formaction="\/inbox\/messages\/[^"]+\/approve"[^>]*>Approve and send<\/button>/,
    );
    expect(html).toMatch(/<button[^>]*>Route to nurse<\/button>/);
    expect(html).toMatch(/<button[^>]*>Close without reply<\/button>/);
    expect(html).toMatch(/<button[^>]*>Send feedback<\/button>/);
    expect(html).toMatch(/<button[^>]*>Claim<\/button>/);
    // Staff cannot change urgency (a clinical judgement).
    expect(html).not.toMatch(/<button[^>]*>Change urgency<\/button>/);
    expect(html).toContain('<dialog id="help-dialog"');
  });

  it('renders hostile markup, javascript: links, right-to-left overrides and 10,000 lines as inert text', async () => {
    const hostile =
      '<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">click</a> ' +
      `${'W'.repeat(5000)} file\u202Egpj.exe\n` +
      Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n');
    const { id } = await seedMessage(fx.db, {
      body: hostile,
      subject: '<b onmouseover=alert(4)>Hi</b>',
      draft: { body: '<script>alert(5)</script>', flags: ['obeyed_instruction: <iframe src=x>'] },
      reasons: ['quoted: "<svg onload=alert(6)>"'],
    });
    const html = (await fx.people.nurse.agent.get(messageUrl(id)).expect(200)).text;
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)>');
    expect(html).toContain('&lt;b onmouseover=alert(4)>Hi&lt;/b>');
    expect(html).toContain('&lt;svg onload=alert(6)>');
    expect(html).toContain('&lt;iframe src=x>');
    expect(html).not.toMatch(/<(img|iframe|svg|b) /);
    expect(html).not.toContain('href="javascript:');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([
      '<script src="/inbox/assets/live.js" defer>',
      '<script src="/inbox/assets/message.js" defer>',
    ]);
    // The override is shown, not obeyed; the isolate keeps it from reordering the page.
    expect(html).not.toContain('\u202E');
    expect(html).toContain('[RLO]</span>gpj.exe');
    expect(html).toContain('line 9999');
    expect(html).toMatch(/<pre class="text-block" dir="auto"/);
  });

  it('shows the alert state: posted, acknowledged by whom, and retrying with attempts', async () => {
    const posted = await seedMessage(fx.db, { urgency: 'urgent' });
    await fx.db
      .insertInto('alerts')
      .values({
        message_id: posted.id,
        channel: 'CURGENT',
        slack_ts: '1.1',
        state: 'posted',
        posted_at: '2026-03-03T15:06:00Z',
        acked_at: '2026-03-03T15:08:00Z',
        acked_by: fx.people.nurse.userId,
        escalation_level: 1,
      })
      .execute();
    const html = (await fx.people.staff.agent.get(messageUrl(posted.id)).expect(200)).text;
    expect(html).toContain('Posted to Slack.');
    expect(html).toContain('Acknowledged by Dana Reyes at');
    expect(html).toContain('Escalation level 1');

    const failing = await seedMessage(fx.db, { urgency: 'emergent' });
    await fx.db
      .insertInto('alerts')
      .values({
        message_id: failing.id,
        channel: 'CURGENT',
        state: 'failed',
        attempts: 3,
        last_error: 'http_500',
      })
      .execute();
    const html2 = (await fx.people.staff.agent.get(messageUrl(failing.id)).expect(200)).text;
    expect(html2).toContain('Posting to Slack failed; retrying.');
    expect(html2).toContain('3 attempts so far; last error: http_500');
    expect(html2).toContain('Not acknowledged yet.');
  });

  it('shows the thread oldest first, with our sent replies', async () => {
    const first = await seedMessage(fx.db, {
      patientRef: 'Patient/p-thread',
      threadRef: 'Communication/t1',
      body: 'First question about my knee',
      receivedAt: '2026-03-01T10:00:00Z',
    });
    await fx.db
      .insertInto('replies')
      .values({
        message_id: first.id,
        body: 'Our answer about the knee',
        author: fx.people.staff.userId,
        approved_at: '2026-03-01T11:00:00Z',
        sent_at: '2026-03-01T11:01:00Z',
      })
      .execute();
    const second = await seedMessage(fx.db, {
      patientRef: 'Patient/p-thread',
      threadRef: 'Communication/t1',
      body: 'Follow-up: knee still swollen',
      receivedAt: '2026-03-02T10:00:00Z',
    });
    const html = (await fx.people.staff.agent.get(messageUrl(second.id)).expect(200)).text;
    const a = html.indexOf('First question about my knee');
    const b = html.indexOf('Our answer about the knee');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(html).toContain('Clinic reply by Sam Ortiz');
    // The view of the follow-up is also a view of the earlier message and our reply to it.
    const viewed = await eventsFor(fx.db, second.id, 'message.viewed');
    expect(viewed.at(-1)?.data).toMatchObject({ threadMessageIds: [first.id] });
    const asAuditorAsks = await sql<{ id: number }>`
      select id from events where action = 'message.viewed'
        and (message_id = ${first.id} or data -> 'threadMessageIds' ? ${first.id})`.execute(fx.db);
    expect(asAuditorAsks.rows.map((r) => r.id)).toContain(viewed.at(-1)!.id);
  });

  it('shows who else is on the message', async () => {
    const { id } = await seedMessage(fx.db);
    await markPresence(fx.web.redis, fx.web.deps.config.env.QUEUE_PREFIX, id, {
      userId: fx.people.nurse.userId,
      name: 'Dana Reyes',
      mode: 'replying',
    });
    const html = (await fx.people.staff.agent.get(messageUrl(id)).expect(200)).text;
    expect(html).toMatch(/<p id="presence"[^>]*role="status"[^>]*>.*Dana Reyes is replying/s);
    expect(html).not.toContain('Sam Ortiz is viewing');
  });

  it('answers 404 pages for unknown and malformed ids', async () => {
    const unknown = await fx.people.staff.agent
      .get(messageUrl('6b1f7a52-3c7e-4c1e-9d55-0f9e6d2f1a11'))
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    expect(unknown.text).toContain('Message not found');
    await fx.people.staff.agent.get(messageUrl('not-a-uuid')).expect(404);
    await fx.people.staff.agent.get(messageUrl("1' or 1=1")).expect(404);
  });

  it('sends a browser without a session to the login page, and API tokens get 403 on pages', async () => {
    const { id } = await seedMessage(fx.db);
    await request(fx.app)
      .get(messageUrl(id))
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/login');
    await request(fx.app).post(messageUrl(id, 'start')).type('form').send({ mode: 'draft' }).expect(401);
    const token = await userWithToken(fx.db, 'staff');
    await request(fx.app).get(messageUrl(id)).set('Authorization', `Bearer ${token.token}`).expect(403);
  });

  it('next and prev follow the list order (most urgent, then longest waiting) among open messages', async () => {
    const ids = {
      // Later than every other emergent message of this file, so it sits just before the urgent ones.
      emergent: (await seedMessage(fx.db, { urgency: 'emergent', receivedAt: '2099-01-01T12:00:00Z' })).id,
      urgentOld: (await seedMessage(fx.db, { urgency: 'urgent', receivedAt: '2020-01-01T08:00:00Z' })).id,
      urgentNew: (await seedMessage(fx.db, { urgency: 'urgent', receivedAt: '2020-01-01T09:00:00Z' })).id,
    };
    await seedMessage(fx.db, { urgency: 'urgent', receivedAt: '2020-01-01T08:30:00Z', status: 'sent' });
    const next = await fx.people.staff.agent.get(messageUrl(ids.urgentOld, 'next')).expect(303);
    expect(next.headers.location).toBe(messageUrl(ids.urgentNew));
    const prev = await fx.people.staff.agent.get(messageUrl(ids.urgentOld, 'prev')).expect(303);
    expect(prev.headers.location).toBe(messageUrl(ids.emergent));
  });
});

describe('logging in from an "Open in inbox" link', () => {
  it('lands on the message asked for, remembered in a cookie rather than the URL or a session row', async () => {
    const { id } = await seedMessage(fx.db);
    const agent = request.agent(fx.app);
    const first = await agent.get(messageUrl(id)).set('Accept', 'text/html').expect(303);
    expect(first.headers.location).toBe('/login');
    expect(String(first.headers['set-cookie'])).toContain('inbox.return=');
    const page = await agent.get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const user = fx.people.nurse;
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(303);
    expect(login.headers.location).toBe(messageUrl(id));
    await agent.get(messageUrl(id)).expect(200);
  });

  it('never returns to anything but a plain inbox path', async () => {
    const agent = request.agent(fx.app);
    await agent.get('/inbox?q=Maria').set('Accept', 'text/html').expect(303);
    const page = await agent.get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const user = fx.people.staff;
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(303);
    expect(login.headers.location).toBe('/');
  });

  it('a planted return cookie is checked again: never a path outside the inbox', async () => {
    const page = await request(fx.app).get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const loginCookie = String(page.headers['set-cookie']).split(';')[0];
    const user = fx.people.staff;
    const login = await request(fx.app)
      .post('/login')
      .set('Cookie', `${loginCookie}; inbox.return=${encodeURIComponent('//evil.example/inbox')}`)
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password })
      .expect(303);
    expect(login.headers.location).toBe('/');
  });
});
