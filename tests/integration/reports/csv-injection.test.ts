/**
 * OWASP's CSV-injection rule in every CSV: a cell starting with =, +, -, @, tab or carriage return
 * is prefixed with ' so a spreadsheet shows it as text instead of running it. The portal id comes
 * from outside (a portal, or whoever writes to it); staff names come from admins.
 */
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { csvText } from '../../../src/reports/csv-record';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, userWithPassword } from '../auth/auth-fixture';

let fx: WebFixture;
let token: string;
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];

beforeAll(async () => {
  fx = await createAuthFixture();
  const manager = await userWithPassword(fx.db, 'manager');
  token = (await createApiToken(fx.db, manager.userId, 'bi')).token;
  for (const [i, portalId] of HOSTILE.entries()) {
    await fx.db
      .insertInto('messages')
      .values({
        portal_id: portalId,
        patient_ref: 'Patient/p1',
        body: 'text',
        received_at: new Date(Date.UTC(2026, 2, 2, 15, i)),
        status: 'new',
      })
      .execute();
  }
});
afterAll(async () => {
  await fx.close();
});

it('messages.csv neutralises formula-leading cells from =, +, -, @, tab and CR', async () => {
  const res = await request(fx.app)
    .get('/reports/export/messages.csv?from=2026-03-01&to=2026-03-05')
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  const rows = parse(res.text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  expect(rows.map((r) => r.portal_id)).toEqual(HOSTILE.map((p) => `'${p}`));
  // Every neutralised cell is also quoted, so a tab or CR inside stays in its cell.
  expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(res.text).toContain(`"'\tTAB"`);
  for (const line of res.text.split('\r\n').slice(1)) expect(line).not.toMatch(/(^|,)[=+@\t]/);
});

describe('csvText, the one writer of every CSV (HTTP exports, npm run reports:export)', () => {
  it('prefixes each dangerous first character and leaves other cells alone', () => {
    const text = csvText([['=1+2', '+1', '-1+1', '@A1', '\tx', '\ry', 'a=b', 'ok', '']]);
    const [row] = parse(text, { record_delimiter: '\r\n' }) as string[][];
    expect(row).toEqual(["'=1+2", "'+1", "'-1+1", "'@A1", "'\tx", "'\ry", 'a=b', 'ok', '']);
  });

  it('keeps plain numbers, such as a negative interval, numbers', () => {
    const text = csvText([['-12.5', '-3', '0.25', '2026-03-08T01:30:00.000-06:00', '-1e3', '-1-1', '-']]);
    expect(text).toBe(`-12.5,-3,0.25,2026-03-08T01:30:00.000-06:00,-1e3,"'-1-1","'-"\r\n`);
  });
});
