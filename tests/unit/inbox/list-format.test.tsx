/** The list's wording and its row component, pinned to exact text (no database). */
import { renderToString } from 'preact-render-to-string';
import { defaultCalendar, defaultSlaTargets, slaClock } from '../../../src/clinic';
import { foldText, nameWords, searchTermsFor, displayNameOf } from '../../../src/inbox/patients';
import { RowsBody, SendFailedNotice } from '../../../src/inbox/list/components';
import { parseListFilter, InvalidFilterError, listHref } from '../../../src/inbox/list/filters';
import { ageText, alertText, firstLineOf, formatDuration, slaText } from '../../../src/inbox/list/format';
import { rowView, UNREADABLE_FIRST_LINE } from '../../../src/inbox/list/view-model';
import type { ListRow } from '../../../src/inbox/list/repository';

const NOW = new Date('2025-03-12T16:00:00Z');
const ZONE = 'America/Chicago';

test('first line: subject, else the first non-blank body line, flattened and cut by code point', () => {
  expect(firstLineOf('  Refill  ', 'body')).toBe('Refill');
  expect(firstLineOf(null, '\n\n   \n  Hello   there \nsecond')).toBe('Hello there');
  expect(firstLineOf('', '')).toBe('(no text)');
  const emoji = '😀'.repeat(150);
  const cut = firstLineOf(null, emoji);
  expect(Array.from(cut)).toHaveLength(100);
  expect(cut.endsWith('…')).toBe(true);
  expect(cut).not.toContain('\uFFFD');
  expect(firstLineOf(null, 'x'.repeat(100))).toBe('x'.repeat(100));
});

test('durations', () => {
  expect(formatDuration(30_000)).toBe('under 1 min');
  expect(formatDuration(45 * 60_000)).toBe('45 min');
  expect(formatDuration(3 * 3600_000 + 12 * 60_000)).toBe('3 h 12 min');
  expect(formatDuration(2 * 3600_000)).toBe('2 h');
  expect(formatDuration(50 * 3600_000)).toBe('2 d 2 h');
  expect(formatDuration(-45 * 60_000)).toBe('45 min');
});

test('age in the clinic zone, the day before a birthday and on it', () => {
  expect(ageText('1990-03-13', NOW, ZONE)).toBe('34 y');
  expect(ageText('1990-03-12', NOW, ZONE)).toBe('35 y');
  expect(ageText('2024-01-01', NOW, ZONE)).toBe('14 mo');
  expect(ageText('2025-03-01', NOW, ZONE)).toBe('11 d');
  expect(ageText(null, NOW, ZONE)).toBeUndefined();
  expect(ageText('2030-01-01', NOW, ZONE)).toBeUndefined();
});

test('SLA text: business hours left, wall-clock minutes, overdue', () => {
  const cal = defaultCalendar(ZONE);
  const targets = defaultSlaTargets();
  const urgent = slaClock(cal, targets, 'urgent', new Date('2025-03-12T14:00:00Z'), NOW);
  expect(slaText(urgent, true, ZONE)).toEqual({
    text: '2 h left',
    overdue: false,
    due: 'due Wed 12 Mar 14:00',
  });
  const emergent = slaClock(cal, targets, 'emergent', new Date('2025-03-12T14:30:00Z'), NOW);
  expect(slaText(emergent, false, ZONE).text).toBe('Overdue by 30 min');
  // Received Friday afternoon: the weekend does not count.
  const friday = slaClock(
    cal,
    targets,
    'urgent',
    new Date('2025-03-07T21:00:00Z'),
    new Date('2025-03-10T14:30:00Z'),
  );
  // Friday 15:00–17:00 and Monday 08:00–09:30 used 3 h 30 min of the 4 h.
  expect(slaText(friday, true, ZONE).text).toBe('30 min left');
});

test('alert states', () => {
  const base = { ackedAt: null, ackedByName: null, ackedInSlack: false, resolvedAt: null };
  expect(alertText(null)).toEqual({ kind: 'none', text: 'No alert' });
  expect(alertText({ ...base, state: 'pending' }).text).toBe('Posting');
  expect(alertText({ ...base, state: 'posted' }).text).toBe('Posted');
  expect(alertText({ ...base, state: 'failed' })).toEqual({ kind: 'failed', text: 'Failed, retrying' });
  expect(alertText({ ...base, state: 'not_configured' }).text).toBe('Slack not set up');
  expect(alertText({ ...base, state: 'posted', ackedAt: NOW, ackedByName: 'Nora Patel' }).text).toBe(
    'Acknowledged by Nora Patel',
  );
  expect(alertText({ ...base, state: 'posted', ackedAt: NOW, ackedInSlack: true }).text).toBe(
    'Acknowledged by a Slack user',
  );
});

test('name folding and search terms', () => {
  expect(foldText('JOSÉ Ñúñez')).toBe('jose nunez');
  expect(nameWords("García-Núñez O'Brien")).toEqual(['garcia', 'nunez', 'o', 'brien']);
  expect(searchTermsFor(['Ana'])).toEqual(['a', 'an', 'ana']);
  expect(searchTermsFor(['x'.repeat(50)])).toHaveLength(30);
  const patient = {
    source: '',
    givenNames: ['Robert', 'J'],
    familyName: 'Smith',
    nicknames: [],
    recordNumbers: [],
    phones: [],
    emails: [],
    addresses: [],
  };
  expect(displayNameOf(patient)).toBe('Robert J Smith');
  expect(displayNameOf({ ...patient, preferredName: 'Bob' })).toBe('Bob Smith');
  expect(displayNameOf({ ...patient, givenNames: [], familyName: undefined })).toBeUndefined();
});

test('filters: codes only, defaults left out of links, anything else named in the error', () => {
  expect(parseListFilter({})).toEqual({ status: 'open', assignee: 'everyone' });
  expect(listHref(parseListFilter({ level: 'urgent', status: 'open', assignee: 'everyone' }))).toBe(
    '/inbox?level=urgent',
  );
  expect(() => parseListFilter({ level: 'x', assignee: 'y' })).toThrow(InvalidFilterError);
  try {
    parseListFilter({ level: 'x', assignee: 'y', status: ['open', 'sent'] });
  } catch (err) {
    expect((err as InvalidFilterError).fields).toEqual(['level', 'status', 'assignee']);
  }
});

test('a row renders patient text as text, inside <bdi>', () => {
  const row: ListRow = {
    id: '00000000-0000-4000-8000-000000000001',
    urgency: 'urgent',
    urgencyRank: 1,
    category: 'symptom',
    status: 'ready',
    subject: '<img src=x onerror=alert(1)>\u202Egnp.exe',
    bodyHead: '',
    flags: [],
    language: 'en',
    receivedAt: new Date('2025-03-12T14:00:00Z'),
    version: 1,
    routedTo: null,
    assignedTo: null,
    assigneeName: null,
    patient: { name: '<b>Eve</b>', birthDate: null },
    alert: null,
  };
  const settings = { calendar: defaultCalendar(ZONE), sla: defaultSlaTargets() };
  const view = rowView(row, { now: NOW, settings, userId: 'me', presence: new Map() });
  const html = renderToString(<RowsBody rows={[view]} empty="none" />);
  expect(html).toContain('<bdi>&lt;img src=x onerror=alert(1)>\u202Egnp.exe</bdi>');
  expect(html).toContain('<bdi>&lt;b>Eve&lt;/b></bdi>');
  expect(html).not.toContain('<img');
  expect(html).toContain('<span class="level level-urgent">Urgent</span>');
  expect(renderToString(<RowsBody rows={[]} empty="Nothing here" />)).toContain(
    '<td colspan="8">Nothing here</td>',
  );
});

test('a send_failed row is open (SLA clock running) and says so; an unreadable item says where to read it', () => {
  const base: ListRow = {
    id: '00000000-0000-4000-8000-000000000002',
    urgency: 'urgent',
    urgencyRank: 1,
    category: 'other',
    status: 'send_failed',
    subject: null,
    bodyHead: 'Chest feels tight',
    flags: ['send_failed'],
    language: 'en',
    receivedAt: new Date('2025-03-12T14:00:00Z'),
    version: 3,
    routedTo: null,
    assignedTo: null,
    assigneeName: null,
    patient: null,
    alert: null,
  };
  const settings = { calendar: defaultCalendar(ZONE), sla: defaultSlaTargets() };
  const ctx = { now: NOW, settings, userId: 'me', presence: new Map() };
  const failed = rowView(base, ctx);
  expect(failed).toMatchObject({ open: true, sendFailed: true, statusLabel: 'Send failed' });
  expect(failed.sla).not.toBeNull();
  const html = renderToString(<RowsBody rows={[failed]} empty="none" />);
  expect(html).toContain('<span class="status status-send-failed">Send failed</span>');

  const unreadable = rowView({ ...base, status: 'ready', bodyHead: '', flags: ['unreadable'] }, ctx);
  expect(unreadable.firstLine).toBe(UNREADABLE_FIRST_LINE);
  expect(unreadable.sendFailed).toBe(false);
  // A flag alone never hides text the patient wrote.
  expect(rowView({ ...base, flags: ['unreadable'] }, ctx).firstLine).toBe('Chest feels tight');
});

test('the Send failed notice: a count and a link when non-zero, an empty placeholder otherwise', () => {
  const filter = parseListFilter({});
  expect(renderToString(<SendFailedNotice count={0} filter={filter} />)).toBe(
    '<div id="send-failed-notice"></div>',
  );
  const two = renderToString(<SendFailedNotice count={2} filter={filter} />);
  expect(two).toContain('<span class="count">2</span>');
  expect(two).toContain('2 approved replies could not be sent');
  expect(two).toContain('href="/inbox?status=send_failed"');
  const inView = renderToString(
    <SendFailedNotice count={1} filter={parseListFilter({ status: 'send_failed' })} />,
  );
  expect(inView).toContain('1 approved reply could not be sent');
  expect(inView).not.toContain('href=');
  expect(parseListFilter({ status: 'send_failed' }).status).toBe('send_failed');
});
