/**
 * GET /inbox: order, what each row says (fixed clock), filters, counts per level, the audit event,
 * and the 400 page for filters it does not understand.
 */
import request from 'supertest';
import { markPresence } from '../../../src/inbox/presence';
import { eventsOf } from '../auth/auth-fixture';
import {
  addMessage,
  addPatient,
  createListFixture,
  rowHtml,
  rowIds,
  staffSession,
  type ListFixture,
} from './list-fixture';

let f: ListFixture;
let sam: Awaited<ReturnType<typeof staffSession>>;
let nora: Awaited<ReturnType<typeof staffSession>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await createListFixture();
  sam = await staffSession(f.fixedApp, f.db, 'staff', 'Sam Rivera');
  nora = await staffSession(f.fixedApp, f.db, 'nurse', 'Nora Patel');
  await addPatient(f.db, 'Patient/jose', {
    given: ['José'],
    family: 'García',
    birthDate: '1990-03-13',
    recordNumbers: ['40012345'],
  });
  // Received times are before NOW (Wed 12 Mar 2025 11:00 Chicago).
  ids.routineOld = await addMessage(f.db, {
    receivedAt: '2025-03-10T14:00:00Z',
    urgency: 'routine',
    patientRef: 'Patient/jose',
    subject: 'Refill please',
  });
  ids.urgentLate = await addMessage(f.db, {
    receivedAt: '2025-03-12T15:00:00Z',
    urgency: 'urgent',
    category: 'symptom',
    assignedTo: sam.userId,
  });
  ids.urgentEarly = await addMessage(f.db, {
    receivedAt: '2025-03-12T14:00:00Z',
    urgency: 'urgent',
    category: 'symptom',
    language: 'es',
    routedTo: 'nurse',
  });
  ids.emergent = await addMessage(f.db, {
    receivedAt: '2025-03-12T15:30:00Z',
    urgency: 'emergent',
    category: 'symptom',
    assignedTo: nora.userId,
  });
  ids.untriaged = await addMessage(f.db, {
    receivedAt: '2025-03-11T14:00:00Z',
    urgency: null,
    status: 'new',
  });
  ids.nonClinical = await addMessage(f.db, {
    receivedAt: '2025-03-12T13:00:00Z',
    urgency: 'non_clinical',
    category: 'billing',
    status: 'triaged',
  });
  ids.sent = await addMessage(f.db, {
    receivedAt: '2025-03-09T13:00:00Z',
    urgency: 'urgent',
    status: 'sent',
  });
  ids.closed = await addMessage(f.db, { receivedAt: '2025-03-09T12:00:00Z', status: 'closed' });
  await f.db
    .insertInto('alerts')
    .values([
      {
        message_id: ids.emergent,
        channel: 'C1',
        state: 'posted',
        acked_at: '2025-03-12T15:35:00Z',
        acked_by: nora.userId,
      },
      { message_id: ids.urgentEarly, channel: 'C1', state: 'failed', last_error: 'slack_down' },
      { message_id: ids.urgentLate, channel: 'C1', state: 'posted', posted_at: '2025-03-12T15:00:05Z' },
    ])
    .execute();
});

afterAll(() => f.close());

describe('order and rows', () => {
  test('most urgent first, then longest waiting; untriaged last; sent and closed left out', async () => {
    const res = await sam.agent.get('/inbox').expect(200).expect('Content-Type', /html/);
    expect(rowIds(res.text)).toEqual([
      ids.emergent,
      ids.urgentEarly,
      ids.urgentLate,
      ids.routineOld,
      ids.nonClinical,
      ids.untriaged,
    ]);
  });

  test('a row shows level as text, patient name and age, first line, waiting, SLA and its link', async () => {
    const res = await sam.agent.get('/inbox').expect(200);
    const routine = rowHtml(res.text, ids.routineOld);
    expect(routine).toContain('<span class="level level-routine">Routine</span>');
    expect(routine).toContain('<bdi>José García</bdi><span class="age">, 34 y</span>');
    // The snippet is the question itself (the first sentence that says something), not the subject.
    expect(routine).toContain('<bdi>Can I get a refill of my lisinopril?</bdi>');
    expect(routine).toContain(`href="/inbox/messages/${ids.routineOld}"`);
    expect(routine).toContain('>Medication<');
    expect(routine).toContain('>2 d 2 h</time>');
    // 2 business days = 16 business hours from Mon 09:00 → due Wed 09:00; at 11:00 two hours late.
    expect(routine).toContain('class="sla sla-overdue"');
    expect(routine).toContain('Overdue by 2 h</span> <span class="due">due Wed 12 Mar 09:00</span>');

    const urgent = rowHtml(res.text, ids.urgentEarly);
    expect(urgent).toContain('<span class="level level-urgent">Urgent</span>');
    expect(urgent).toContain('Patient (chart not read yet)');
    // 4 business hours from 09:00 with a lunch hour: due 14:00, two business hours left.
    expect(urgent).toContain('2 h left</span> <span class="due">due Wed 12 Mar 14:00</span>');

    const emergent = rowHtml(res.text, ids.emergent);
    // Emergent targets are wall clock: 60 min from 10:30.
    expect(emergent).toContain('30 min left');
    expect(emergent).toContain('>30 min</time>');
  });

  test('alert state, claim, nurse queue and presence', async () => {
    await markPresence(f.redis, f.prefix, ids.urgentLate, {
      userId: nora.userId,
      name: 'Nora Patel',
      mode: 'replying',
    });
    await markPresence(f.redis, f.prefix, ids.urgentLate, {
      userId: sam.userId,
      name: 'Sam Rivera',
      mode: 'viewing',
    });
    const res = await sam.agent.get('/inbox').expect(200);
    const emergent = rowHtml(res.text, ids.emergent);
    expect(emergent).toContain('Acknowledged by Nora Patel');
    expect(emergent).toContain('Claimed by Nora Patel');
    const early = rowHtml(res.text, ids.urgentEarly);
    expect(early).toContain('class="alert-state alert-failed">Failed, retrying<');
    expect(early).toContain('<span class="nurse-queue">Nurse queue</span>');
    const late = rowHtml(res.text, ids.urgentLate);
    expect(late).toContain('class="alert-state alert-posted">Posted<');
    expect(late).toContain('Claimed by you');
    // Others' presence only: Sam is the one looking at the list.
    expect(late).toContain('<span class="presence-person presence-replying">Nora Patel is replying</span>');
    expect(late).not.toContain('Sam Rivera is viewing');
    expect(rowHtml(res.text, ids.routineOld)).toContain('No alert');
    const asNora = await nora.agent.get('/inbox').expect(200);
    expect(rowHtml(asNora.text, ids.urgentLate)).toContain('Sam Rivera is viewing');
  });
});

describe('filters and counts', () => {
  const cases: [string, string[]][] = [
    ['level=urgent', ['urgentEarly', 'urgentLate']],
    ['level=untriaged', ['untriaged']],
    ['category=symptom', ['emergent', 'urgentEarly', 'urgentLate']],
    ['status=sent', ['sent']],
    ['status=closed', ['closed']],
    ['status=new', ['untriaged']],
    ['status=all&level=urgent', ['sent', 'urgentEarly', 'urgentLate']],
    ['assignee=mine', ['urgentLate']],
    ['assignee=unassigned', ['urgentEarly', 'routineOld', 'nonClinical', 'untriaged']],
    ['assignee=nurse', ['urgentEarly']],
    ['language=es', ['urgentEarly']],
    [
      'level=&category=&language=',
      ['emergent', 'urgentEarly', 'urgentLate', 'routineOld', 'nonClinical', 'untriaged'],
    ],
  ];
  test.each(cases)('%s', async (query, expected) => {
    const res = await sam.agent.get(`/inbox?${query}`).expect(200);
    expect(rowIds(res.text)).toEqual(expected.map((k) => ids[k]));
  });

  test('the selected filters stay selected in the form', async () => {
    const res = await sam.agent.get('/inbox?level=urgent&assignee=unassigned&language=es').expect(200);
    expect(res.text).toContain('<option value="urgent" selected>');
    expect(res.text).toContain('<option value="unassigned" selected>');
    expect(res.text).toContain('<option value="es" selected>');
  });

  test('counts per level follow every filter but the level', async () => {
    const count = (html: string, level: string) =>
      Number(new RegExp(`data-level="${level}">[^<]*<span class="count">(\\d+)<`).exec(html)?.[1]);
    const open = await sam.agent.get('/inbox?level=urgent').expect(200);
    expect([count(open.text, 'emergent'), count(open.text, 'urgent'), count(open.text, 'routine')]).toEqual([
      1, 2, 1,
    ]);
    expect([count(open.text, 'non_clinical'), count(open.text, 'untriaged')]).toEqual([1, 1]);
    expect(open.text).toContain('All levels <span class="count">6</span>');
    expect(open.text).toContain('aria-current="true" data-level="urgent"');
    const symptoms = await sam.agent.get('/inbox?category=symptom').expect(200);
    expect([
      count(symptoms.text, 'emergent'),
      count(symptoms.text, 'urgent'),
      count(symptoms.text, 'routine'),
    ]).toEqual([1, 2, 0]);
    // Count links keep the other filters and drop the level's own.
    expect(symptoms.text).toContain('href="/inbox?level=urgent&amp;category=symptom"');
  });

  test('an empty view says so', async () => {
    const res = await sam.agent.get('/inbox?language=ko').expect(200);
    expect(rowIds(res.text)).toEqual([]);
    expect(res.text).toContain('No messages match these filters.');
  });
});

describe('audit and bad input', () => {
  test('a list view is one messages.listed event naming the ids shown', async () => {
    const before = (await eventsOf(f.db, 'messages.listed')).length;
    await sam.agent.get('/inbox?level=urgent').expect(200);
    const events = await eventsOf(f.db, 'messages.listed');
    expect(events).toHaveLength(before + 1);
    const last = events[events.length - 1];
    expect(last.actor).toBe(`user:${sam.userId}`);
    expect(last.data).toEqual({
      messageIds: [ids.urgentEarly, ids.urgentLate],
      via: 'session',
      view: 'page',
    });
  });

  test.each([
    ['level=bogus', 'level'],
    ['status=deleted', 'status'],
    ['assignee=boss', 'assignee'],
    ['category=<script>', 'category'],
    ['language=english!', 'language'],
    ['level=urgent&level=routine', 'level'],
  ])('%s is a 400 page naming the filter', async (query, field) => {
    const res = await sam.agent.get(`/inbox?${query}`).expect(400).expect('Content-Type', /html/);
    expect(res.text).toContain(`These filters were not understood: ${field}.`);
    expect(res.text).toContain('role="alert"');
    expect(res.text).not.toContain('<script>');
  });

  test('a cursor we did not issue is a 400 page, not a 500', async () => {
    const res = await sam.agent.get('/inbox?cursor=not-a-cursor').expect(400);
    expect(res.text).toContain('That page link has expired or was changed.');
  });

  test('the list and its rows need a login', async () => {
    const agent = request(f.fixedApp);
    await agent.get('/inbox').set('Accept', 'text/html').expect(303).expect('Location', '/login');
    await agent.get('/inbox/rows').set('Accept', 'application/json').expect(401);
  });
});
