/**
 * Failed sends in the list: part of the open (default) view and its counts, a "Send failed" status
 * view of their own, and a notice with their number on every view while there are any; the live
 * marker's open count includes them, so a send that fails refreshes open lists.
 */
import { readChangeMarker } from '../../../src/inbox/live/changes';
import {
  addMessage,
  createListFixture,
  rowHtml,
  rowIds,
  staffSession,
  type ListFixture,
} from './list-fixture';

let f: ListFixture;
let sam: Awaited<ReturnType<typeof staffSession>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await createListFixture();
  sam = await staffSession(f.fixedApp, f.db, 'staff', 'Sam Rivera');
  ids.routine = await addMessage(f.db, { receivedAt: '2025-03-12T13:00:00Z', urgency: 'routine' });
  ids.failedUrgent = await addMessage(f.db, {
    receivedAt: '2025-03-12T14:00:00Z',
    urgency: 'urgent',
    status: 'send_failed',
    subject: 'Breathing worse',
  });
  ids.failedRoutine = await addMessage(f.db, {
    receivedAt: '2025-03-11T14:00:00Z',
    urgency: 'routine',
    status: 'send_failed',
  });
  ids.sending = await addMessage(f.db, { receivedAt: '2025-03-12T12:00:00Z', status: 'sending' });
  ids.closed = await addMessage(f.db, { receivedAt: '2025-03-12T11:00:00Z', status: 'closed' });
});

afterAll(() => f.close());

const count = (html: string, level: string) =>
  Number(new RegExp(`data-level="${level}">[^<]*<span class="count">(\\d+)<`).exec(html)?.[1]);

function notice(html: string): string {
  const start = html.indexOf('<div id="send-failed-notice"');
  if (start < 0) throw new Error('no send-failed notice element');
  return html.slice(start, html.indexOf('</div>', start) + 6);
}

describe('the open (default) view', () => {
  test('holds send_failed messages in inbox order, marked "Send failed", with their SLA clock', async () => {
    const res = await sam.agent.get('/inbox').expect(200);
    expect(rowIds(res.text)).toEqual([ids.failedUrgent, ids.failedRoutine, ids.routine]);
    const row = rowHtml(res.text, ids.failedUrgent);
    expect(row).toContain('<span class="status status-send-failed">Send failed</span>');
    expect(row).toContain('class="sla');
    expect(row).toMatch(/left|Overdue/);
    expect(rowHtml(res.text, ids.routine)).toContain('<span class="status">Ready</span>');
  });

  test('counts them per level, and the notice gives their number and a link to the view', async () => {
    const res = await sam.agent.get('/inbox').expect(200);
    expect([count(res.text, 'urgent'), count(res.text, 'routine')]).toEqual([1, 2]);
    expect(res.text).toContain('All levels <span class="count">3</span>');
    const n = notice(res.text);
    expect(n).toContain('<strong>Send failed</strong> <span class="count">2</span>');
    expect(n).toContain('2 approved replies could not be sent');
    expect(n).toContain('href="/inbox?status=send_failed"');
    expect(res.text).toContain('<option value="send_failed">Send failed</option>');
    expect(res.text).toContain(
      '<option value="open" selected>Open (new, triaged, ready, send failed)</option>',
    );
  });

  test('the notice counts the whole inbox whatever the filters, and is in the live rows fragment', async () => {
    const filtered = await sam.agent.get('/inbox?level=non_clinical&status=closed').expect(200);
    expect(rowIds(filtered.text)).toEqual([]);
    expect(notice(filtered.text)).toContain('<span class="count">2</span>');
    const rows = await sam.agent.get('/inbox/rows').expect(200);
    expect(notice(rows.text)).toContain('<span class="count">2</span>');
  });

  test('the live marker’s open count includes send_failed', async () => {
    const { open } = await readChangeMarker(f.db);
    expect(open).toBe(3);
  });
});

describe('the Send failed view', () => {
  test('shows only send_failed messages, with its own caption and counts', async () => {
    const res = await sam.agent.get('/inbox?status=send_failed').expect(200);
    expect(rowIds(res.text)).toEqual([ids.failedUrgent, ids.failedRoutine]);
    expect(res.text).toContain('Send failed messages, most urgent first');
    expect(res.text).toContain('<option value="send_failed" selected>Send failed</option>');
    expect([count(res.text, 'urgent'), count(res.text, 'routine'), count(res.text, 'emergent')]).toEqual([
      1, 1, 0,
    ]);
    const n = notice(res.text);
    expect(n).toContain('<span class="count">2</span>');
    // Already there: no link to itself.
    expect(n).not.toContain('href=');
    const urgentOnly = await sam.agent.get('/inbox?status=send_failed&level=urgent').expect(200);
    expect(rowIds(urgentOnly.text)).toEqual([ids.failedUrgent]);
  });

  test('empties, and the notice goes, once every failed send is retried or closed', async () => {
    await f.db
      .updateTable('messages')
      .set({ status: 'closed' })
      .where('id', 'in', [ids.failedUrgent, ids.failedRoutine])
      .execute();
    const res = await sam.agent.get('/inbox?status=send_failed').expect(200);
    expect(rowIds(res.text)).toEqual([]);
    expect(res.text).toContain('No reply is waiting for a retry: every send went through.');
    expect(notice(res.text)).toBe('<div id="send-failed-notice"></div>');
    const open = await sam.agent.get('/inbox').expect(200);
    expect(rowIds(open.text)).toEqual([ids.routine]);
    expect(notice(open.text)).toBe('<div id="send-failed-notice"></div>');
  });
});
