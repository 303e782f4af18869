/**
 * Saved views (issue 16): Mine, Unassigned, Nurse queue, Emergent and urgent, All open — links with
 * counts at the top of the list; the rows each holds; the filters folded behind one disclosure; the
 * snippet of the question in the Message column; rows that carry the view into the message page.
 */
import { addMessage, createListFixture, rowIds, staffSession, type ListFixture } from './list-fixture';

let f: ListFixture;
let sam: Awaited<ReturnType<typeof staffSession>>;
let nora: Awaited<ReturnType<typeof staffSession>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await createListFixture();
  sam = await staffSession(f.fixedApp, f.db, 'staff', 'Sam Rivera');
  nora = await staffSession(f.fixedApp, f.db, 'nurse', 'Nora Patel');
  ids.emergentMine = await addMessage(f.db, {
    receivedAt: '2025-03-12T15:30:00Z',
    urgency: 'emergent',
    assignedTo: sam.userId,
  });
  ids.urgentNurse = await addMessage(f.db, {
    receivedAt: '2025-03-12T14:00:00Z',
    urgency: 'urgent',
    routedTo: 'nurse',
  });
  ids.routineNora = await addMessage(f.db, {
    receivedAt: '2025-03-12T13:00:00Z',
    assignedTo: nora.userId,
    subject: 'Question for my doctor',
    body: 'Hola doctora,\n¿Puedo tomar ibuprofeno con la metformina? Gracias.',
  });
  ids.routineFree = await addMessage(f.db, {
    receivedAt: '2025-03-12T12:00:00Z',
    subject: null,
    body: 'Hi,\nIs the clinic open Saturday?',
  });
  ids.sentMine = await addMessage(f.db, {
    receivedAt: '2025-03-10T12:00:00Z',
    status: 'sent',
    urgency: 'urgent',
    assignedTo: sam.userId,
  });
});

afterAll(() => f.close());

/** The text of the saved-views nav: "Mine 1", "Unassigned 2"... */
function viewLinks(html: string): { view: string; current: boolean; text: string }[] {
  const nav = html.slice(
    html.indexOf('<nav id="saved-views"'),
    html.indexOf('</nav>', html.indexOf('<nav id="saved-views"')),
  );
  return [
    ...nav.matchAll(
      /<a href="[^"]*"( aria-current="page")? data-view="([^"]+)"[^>]*>([^<]*)<span class="count">(\d+)<\/span>/g,
    ),
  ].map((m) => ({ view: m[2], current: Boolean(m[1]), text: `${m[3].trim()} ${m[4]}` }));
}

describe('saved views', () => {
  test('the list starts with the five views and their open counts; All open is current by default', async () => {
    const res = await sam.agent.get('/inbox').expect(200);
    expect(viewLinks(res.text)).toEqual([
      { view: 'mine', current: false, text: 'Mine 1' },
      { view: 'unassigned', current: false, text: 'Unassigned 2' },
      { view: 'nurse', current: false, text: 'Nurse queue 1' },
      { view: 'urgent', current: false, text: 'Emergent and urgent 2' },
      { view: 'all', current: true, text: 'All open 4' },
    ]);
    // The views come before the search and the filters, which sit folded in one disclosure.
    const views = res.text.indexOf('id="saved-views"');
    expect(views).toBeGreaterThan(0);
    expect(views).toBeLessThan(res.text.indexOf('id="inbox-search"'));
    expect(res.text).toMatch(
      /<details class="filters-disclosure" id="filters-disclosure"><summary>Filters<\/summary>/,
    );
    expect(rowIds(res.text)).toEqual([ids.emergentMine, ids.urgentNurse, ids.routineFree, ids.routineNora]);
  });

  test.each([
    ['mine', () => [ids.emergentMine]],
    ['unassigned', () => [ids.urgentNurse, ids.routineFree]],
    ['nurse', () => [ids.urgentNurse]],
    ['urgent', () => [ids.emergentMine, ids.urgentNurse]],
    ['all', () => [ids.emergentMine, ids.urgentNurse, ids.routineFree, ids.routineNora]],
  ])(
    'view=%s shows only its open messages, marked current, and its rows link with the view',
    async (view, expected) => {
      const res = await sam.agent.get(`/inbox?view=${view}`).expect(200);
      expect(rowIds(res.text)).toEqual(expected());
      expect(viewLinks(res.text).find((l) => l.current)?.view).toBe(view);
      const suffix = view === 'all' ? '"' : `?view=${view}"`;
      for (const id of expected()) expect(res.text).toContain(`href="/inbox/messages/${id}${suffix}`);
    },
  );

  test('views are per person: Mine for Nora is her message', async () => {
    const res = await nora.agent.get('/inbox?view=mine').expect(200);
    expect(rowIds(res.text)).toEqual([ids.routineNora]);
    expect(viewLinks(res.text)[0]).toEqual({ view: 'mine', current: true, text: 'Mine 1' });
  });

  test('filters narrow a view, keep it in the form, and open the disclosure; the live fragment carries the views', async () => {
    const res = await sam.agent.get('/inbox?view=unassigned&level=urgent').expect(200);
    expect(rowIds(res.text)).toEqual([ids.urgentNurse]);
    expect(res.text).toContain('<details class="filters-disclosure" id="filters-disclosure" open>');
    expect(res.text).toContain('<input type="hidden" name="view" value="unassigned"/>');
    const rows = await sam.agent.get('/inbox/rows?view=urgent').expect(200);
    expect(rowIds(rows.text)).toEqual([ids.emergentMine, ids.urgentNurse]);
    expect(viewLinks(rows.text).find((l) => l.current)?.view).toBe('urgent');
  });

  test('an unknown view is a 400 page naming it', async () => {
    const res = await sam.agent.get('/inbox?view=everything').expect(400);
    expect(res.text).toContain('These filters were not understood: view');
  });

  test('the Message column shows the question, not the greeting or a generic subject', async () => {
    const res = await sam.agent.get('/inbox').expect(200);
    expect(res.text).toContain('<bdi>¿Puedo tomar ibuprofeno con la metformina?</bdi>');
    expect(res.text).toContain('<bdi>Is the clinic open Saturday?</bdi>');
    expect(res.text).not.toContain('<bdi>Question for my doctor</bdi>');
  });
});
