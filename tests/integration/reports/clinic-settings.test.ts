import { defaultCalendar } from '../../../src/clinic/calendar';
import { ClinicSettingsError, loadClinicSettings, saveClinicSettings } from '../../../src/clinic/settings';
import { defaultSlaTargets } from '../../../src/clinic/sla';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

let database: TestDatabase;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await database.db
    .insertInto('users')
    .values({ email: 'm@example.test', display_name: 'Manager', role: 'manager', password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  userId = user.id;
});

afterAll(async () => {
  await database.drop();
});

describe('clinic settings', () => {
  it('defaults to the fallback zone calendar and the rubric targets', async () => {
    const settings = await loadClinicSettings(database.db, 'Europe/London');
    expect(settings.calendar).toEqual(defaultCalendar('Europe/London'));
    expect(settings.sla).toEqual(defaultSlaTargets());
  });

  it('saves a validated value with a settings.changed event, and loads it back', async () => {
    const calendar = { ...defaultCalendar('America/Denver'), holidays: ['2026-12-25'] };
    await saveClinicSettings(database.db, 'business_calendar', calendar, userId);
    await saveClinicSettings(
      database.db,
      'sla_targets',
      { ...defaultSlaTargets(), urgent: { businessMinutes: 120 } },
      userId,
    );
    const settings = await loadClinicSettings(database.db, 'Europe/London');
    expect(settings.calendar).toEqual(calendar);
    expect(settings.sla.urgent).toEqual({ businessMinutes: 120 });
    const events = await database.db
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('action', '=', 'settings.changed')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.actor, e.data.key])).toEqual([
      [`user:${userId}`, 'business_calendar'],
      [`user:${userId}`, 'sla_targets'],
    ]);
  });

  it('refuses an invalid value on save, naming the key', async () => {
    await expect(
      saveClinicSettings(
        database.db,
        'business_calendar',
        { ...defaultCalendar('UTC'), timeZone: 'Mars/Olympus' },
        userId,
      ),
    ).rejects.toThrow(
      /clinic setting "business_calendar" is invalid: timeZone: is not a known IANA time zone/,
    );
  });

  it('an invalid stored value is a clear error naming the key', async () => {
    await database.db
      .updateTable('clinic_settings')
      .set({ value: JSON.stringify({ timeZone: 'Mars/Olympus', periods: {} }) })
      .where('key', '=', 'business_calendar')
      .execute();
    const error = await loadClinicSettings(database.db, 'UTC').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinicSettingsError);
    expect((error as ClinicSettingsError).key).toBe('business_calendar');
    expect((error as Error).message).toMatch(/business_calendar.*timeZone/);
  });
});
