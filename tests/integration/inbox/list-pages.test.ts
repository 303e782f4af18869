/**
 * GET /inbox pagination (keyset "Next page"), the /inbox/rows fragment list.js swaps in, and
 * hostile patient text rendering inert and readable.
 */
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

beforeAll(async () => {
  f = await createListFixture();
  sam = await staffSession(f.fixedApp, f.db, 'staff', 'Sam Rivera');
});

afterAll(() => f.close());

const nextHref = (html: string) =>
  /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('pagination', () => {
  const made: string[] = [];
  beforeAll(async () => {
    // 61 routine messages a minute apart, two with the very same received time (the id breaks the tie).
    for (let i = 0; i < 60; i++) {
      made.push(
        await addMessage(f.db, {
          receivedAt: new Date(Date.UTC(2025, 2, 12, 10, i)).toISOString(),
          urgency: 'routine',
          category: 'scheduling',
        }),
      );
    }
    made.push(
      await addMessage(f.db, {
        receivedAt: '2025-03-12T10:59:00Z',
        urgency: 'routine',
        category: 'scheduling',
      }),
    );
  });

  test('50 a page; "Next page" carries the filters and a cursor; pages neither overlap nor skip', async () => {
    const first = await sam.agent.get('/inbox?category=scheduling').expect(200);
    const page1 = rowIds(first.text);
    expect(page1).toHaveLength(50);
    const next = nextHref(first.text);
    expect(next).toMatch(/^\/inbox\?category=scheduling&cursor=[A-Za-z0-9_-]+$/);
    const second = await sam.agent.get(next!).expect(200);
    const page2 = rowIds(second.text);
    expect(page2).toHaveLength(11);
    expect(nextHref(second.text)).toBeUndefined();
    expect(second.text).toContain('First page</a>');
    expect(new Set([...page1, ...page2]).size).toBe(61);
    expect([...page1, ...page2].slice(0, 59)).toEqual(made.slice(0, 59));
  });
});

describe('rows fragment', () => {
  test('the table body, the counts and the pager, for the same filters, audited as rows', async () => {
    const id = await addMessage(f.db, {
      receivedAt: '2025-03-12T15:00:00Z',
      urgency: 'urgent',
      category: 'results',
    });
    const res = await sam.agent
      .get('/inbox/rows?category=results')
      .expect(200)
      .expect('Content-Type', /html/);
    expect(res.text.startsWith('<div id="inbox-fragment"><table><tbody id="inbox-rows">')).toBe(true);
    expect(rowIds(res.text)).toEqual([id]);
    expect(res.text).toContain('<nav id="level-counts"');
    expect(res.text).toContain('<nav id="pager"');
    expect(res.text).not.toContain('<html');
    const events = await eventsOf(f.db, 'messages.listed');
    expect(events[events.length - 1].data).toEqual({ messageIds: [id], via: 'session', view: 'rows' });
    await sam.agent.get('/inbox/rows?level=nope').expect(400);
  });

  test('the list page points its script at the rows of the same filters', async () => {
    const res = await sam.agent.get('/inbox?level=urgent&assignee=unassigned').expect(200);
    expect(res.headers['server-timing']).toMatch(/^read;dur=[\d.]+, render;dur=[\d.]+, total;dur=[\d.]+$/);
    expect(res.text).toContain('data-rows-url="/inbox/rows?level=urgent&amp;assignee=unassigned"');
    expect(res.text).toContain('<script src="/inbox/assets/live.js" defer></script>');
    expect(res.text).toContain('<script src="/inbox/assets/list.js" defer></script>');
  });

  test('the scripts and stylesheet are served', async () => {
    for (const file of ['live.js', 'list.js', 'list.css']) {
      await sam.agent.get(`/inbox/assets/${file}`).expect(200);
    }
  });
});

describe('hostile patient text', () => {
  test('markup, script, javascript: links, long words, RLO and 10,000 lines render inert', async () => {
    await addPatient(f.db, 'Patient/evil', { given: ['<img src=x onerror=alert(1)>'], family: 'Smith' });
    const longWord = 'A'.repeat(5000);
    const bodies = {
      html: '<b>bold</b> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">click</a>',
      script: '<script>alert("x")</script> hello',
      long: longWord,
      rlo: '\u202Eevil reversed text\u202C and more',
      lines: Array.from({ length: 10_000 }, (_, i) => `line ${i + 1}`).join('\n'),
    };
    const made: Record<string, string> = {};
    for (const [key, body] of Object.entries(bodies)) {
      made[key] = await addMessage(f.db, {
        receivedAt: '2025-03-12T15:10:00Z',
        urgency: 'emergent',
        category: 'other',
        subject: null,
        body,
        patientRef: key === 'html' ? 'Patient/evil' : 'Patient/p1',
      });
    }
    const res = await sam.agent.get('/inbox?category=other').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const page = res.text;
    expect(page).not.toMatch(/<script>alert/);
    expect(page).not.toMatch(/<img src=x/);
    expect(page).not.toContain('href="javascript:');
    const html = rowHtml(page, made.html);
    expect(html).toContain(
      '<bdi>&lt;b>bold&lt;/b> &lt;img src=x onerror=&quot;alert(1)&quot;> &lt;a href=&quot;javascript:alert(1)&quot;>click&lt;/a></bdi>',
    );
    expect(html).toContain('<bdi>&lt;img src=x onerror=alert(1)> Smith</bdi>');
    expect(rowHtml(page, made.script)).toContain(
      '<bdi>&lt;script>alert(&quot;x&quot;)&lt;/script> hello</bdi>',
    );
    // Cut to 100 characters server-side; the CSS wraps what is left (overflow-wrap: anywhere).
    expect(rowHtml(page, made.long)).toContain(`<bdi>${'A'.repeat(99)}…</bdi>`);
    expect(rowHtml(page, made.rlo)).toContain('<bdi>\u202Eevil reversed text\u202C and more</bdi>');
    const lines = rowHtml(page, made.lines);
    expect(lines).toContain('<bdi>line 1</bdi>');
    expect(lines).not.toContain('line 2');
    const css = await sam.agent.get('/inbox/assets/list.css').expect(200);
    expect(css.text).toContain('overflow-wrap: anywhere');
  });
});
