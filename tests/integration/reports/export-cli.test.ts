/**
 * `npm run reports:export`: the same CSV bytes as the HTTP exports for the same request, recorded
 * as the named manager's export (via: 'cli'), and the HTTP export's plain refusals for bad input
 * and for users who may not export.
 */
import { PassThrough } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { createApiToken } from '../../../src/auth/api-tokens';
import { ExportCommandError, runExportCommand } from '../../../src/reports/export-cli';
import { createAuthFixture, userWithPassword, type TestUser } from '../auth/auth-fixture';
import type { WebFixture } from '../web/web-fixture';
import { seedScenario } from './scenario';

const NOW = new Date('2026-03-11T18:00:00Z');
let fx: WebFixture;
let app: Express;
let manager: TestUser;
let token: string;

beforeAll(async () => {
  fx = await createAuthFixture();
  app = fx.appWith({ now: () => NOW });
  await seedScenario(fx.db);
  manager = await userWithPassword(fx.db, 'manager');
  token = (await createApiToken(fx.db, manager.userId, 'cli-compare')).token;
});

afterAll(async () => {
  await fx.close();
});

async function run(argv: string[]): Promise<{ rows: number; text: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rows = await runExportCommand(fx.db, 'America/Chicago', argv, out, NOW);
  out.end();
  return { rows, text: Buffer.concat(chunks).toString('utf8') };
}

const RANGE = ['--from', '2026-03-06', '--to', '2026-03-10'];

it.each([
  ['messages', '/reports/export/messages.csv?from=2026-03-06&to=2026-03-10', []],
  ['summary', '/reports/export/summary.csv?from=2026-03-06&to=2026-03-10&by=day', ['--by', 'day']],
  [
    'messages',
    '/reports/export/messages.csv?from=2026-03-06&to=2026-03-10&urgency=urgent&tz=UTC',
    ['--urgency', 'urgent', '--tz', 'UTC'],
  ],
])('writes what the HTTP export writes (%s %s)', async (kind, url, extra) => {
  const viaHttp = await request(app).get(url).set('Authorization', `Bearer ${token}`).expect(200);
  const viaCli = await run([kind, '--user', manager.email, ...RANGE, ...extra]);
  expect(viaCli.text).toBe(viaHttp.text);
  expect(viaCli.rows).toBeGreaterThan(0);
});

it('records the export as the named user, via the command line', async () => {
  const { rows } = await run(['messages', '--user', manager.email.toUpperCase(), ...RANGE]);
  const event = await fx.db
    .selectFrom('events')
    .select(['actor', 'data'])
    .where('action', '=', 'reports.exported')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  expect(event.actor).toBe(`user:${manager.userId}`);
  expect(event.data).toMatchObject({ kind: 'messages', rows, via: 'cli', complete: true });
});

it.each([
  [['messages', ...RANGE], /--user is required/],
  [['everything', '--user', 'x@clinic.test'], /say messages or summary/],
  [['messages', '--user', 'x@clinic.test', '--format', 'xlsx'], /Unknown option '--format'/],
  [['messages', '--user', 'nobody@clinic.test'], /no enabled user with email nobody@clinic.test/],
])('refuses %j with a plain message', async (argv, message) => {
  await expect(run(argv)).rejects.toThrow(message);
  await expect(run(argv)).rejects.toBeInstanceOf(ExportCommandError);
});

it('refuses a user whose role may not export, and bad ranges and zones as the HTTP export does', async () => {
  const staff = await userWithPassword(fx.db, 'staff');
  await expect(run(['messages', '--user', staff.email])).rejects.toThrow(/\(staff\) may not export reports/);
  const user = ['--user', manager.email];
  await expect(run(['messages', ...user, '--from', '2026-03-10', '--to', '2026-03-01'])).rejects.toThrow(
    'the range is empty: from (2026-03-10) is after to (2026-03-01)',
  );
  await expect(run(['messages', ...user, '--tz', 'Mars/Olympus'])).rejects.toThrow(
    /is not a known IANA time zone/,
  );
  await expect(run(['messages', ...user, '--from', '2026-02-30'])).rejects.toThrow(/is not a calendar date/);
});
