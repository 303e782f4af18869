/**
 * /api/settings: managers and admins read and change the business calendar and SLA targets that the
 * inbox's SLA clock, Slack alerts and reports share; bad values are refused whole and named.
 */
import request from 'supertest';
import { loadClinicSettings } from '../../../src/clinic';
import { createWebFixture, userWithToken, type WebFixture } from '../web/web-fixture';

let f: WebFixture;
beforeAll(async () => {
  f = await createWebFixture({ CLINIC_TIME_ZONE: 'America/Chicago' });
});
afterAll(async () => {
  await f.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const saturdayHours = {
  timeZone: 'America/Chicago',
  periods: {
    '1': [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    '2': [{ start: '08:00', end: '17:00' }],
    '3': [{ start: '08:00', end: '17:00' }],
    '4': [{ start: '08:00', end: '17:00' }],
    '5': [{ start: '08:00', end: '17:00' }],
    '6': [{ start: '09:00', end: '12:00' }],
    '7': [],
  },
  holidays: ['2026-12-25'],
};

test('a manager reads the defaults, stores a calendar, and the change is audited', async () => {
  const manager = await userWithToken(f.db, 'manager');
  const before = await request(f.app).get('/api/settings').set(bearer(manager.token)).expect(200);
  expect(before.body.business_calendar.timeZone).toBe('America/Chicago');
  expect(before.body.sla_targets.emergent).toEqual({ wallMinutes: 60 });

  const put = await request(f.app)
    .put('/api/settings/business_calendar')
    .set(bearer(manager.token))
    .send(saturdayHours)
    .expect(200);
  expect(put.body.business_calendar.periods['6']).toEqual([{ start: '09:00', end: '12:00' }]);
  const stored = await loadClinicSettings(f.db, 'UTC');
  expect(stored.calendar.holidays).toEqual(['2026-12-25']);

  const event = await f.db
    .selectFrom('events')
    .select(['actor', 'data'])
    .where('action', '=', 'settings.changed')
    .executeTakeFirstOrThrow();
  expect(event.actor).toBe(`user:${manager.userId}`);
  expect(event.data).toMatchObject({ key: 'business_calendar' });
});

test('an invalid value is refused with the field named, and nothing changes', async () => {
  const admin = await userWithToken(f.db, 'admin');
  const before = await loadClinicSettings(f.db, 'UTC');
  const res = await request(f.app)
    .put('/api/settings/business_calendar')
    .set(bearer(admin.token))
    .send({ ...saturdayHours, timeZone: 'Mars/Olympus_Mons' })
    .expect(400);
  expect(JSON.stringify(res.body)).toContain('timeZone');
  expect(await loadClinicSettings(f.db, 'UTC')).toEqual(before);

  await request(f.app)
    .put('/api/settings/sla_targets')
    .set(bearer(admin.token))
    .send({ urgent: 'soon' })
    .expect(400);
});

test('an unknown setting is a 404; staff and nurses may not read or change settings', async () => {
  const manager = await userWithToken(f.db, 'manager');
  await request(f.app).put('/api/settings/office_music').set(bearer(manager.token)).send({}).expect(404);
  for (const role of ['staff', 'nurse'] as const) {
    const user = await userWithToken(f.db, role);
    await request(f.app).get('/api/settings').set(bearer(user.token)).expect(403);
    await request(f.app)
      .put('/api/settings/sla_targets')
      .set(bearer(user.token))
      .send({ urgent: { businessMinutes: 60 } })
      .expect(403);
  }
});
