/**
 * The clinic's business calendar and SLA targets, stored in clinic_settings (jsonb) under the keys
 * `business_calendar` and `sla_targets`. Absent rows mean the defaults; a stored value that does
 * not pass its schema is an error naming the key (a silently ignored calendar would skew every SLA).
 */
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { BusinessCalendarSchema, defaultCalendar, type BusinessCalendar } from './calendar';
import { defaultSlaTargets, SlaTargetsSchema, type SlaTargets } from './sla';

export const CLINIC_SETTING_SCHEMAS = {
  business_calendar: BusinessCalendarSchema,
  sla_targets: SlaTargetsSchema,
} as const;
export type ClinicSettingKey = keyof typeof CLINIC_SETTING_SCHEMAS;

export interface ClinicSettings {
  calendar: BusinessCalendar;
  sla: SlaTargets;
}

export class ClinicSettingsError extends Error {
  override name = 'ClinicSettingsError';
  constructor(
    readonly key: ClinicSettingKey,
    readonly issues: string[],
  ) {
    super(`clinic setting "${key}" is invalid: ${issues.join('; ')}`);
  }
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(value)'}: ${i.message}`);

export async function loadClinicSettings(db: Db, fallbackTimeZone: string): Promise<ClinicSettings> {
  const rows = await db
    .selectFrom('clinic_settings')
    .select(['key', 'value'])
    .where('key', 'in', ['business_calendar', 'sla_targets'])
    .execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const parse = <K extends ClinicSettingKey>(
    key: K,
  ): z.infer<(typeof CLINIC_SETTING_SCHEMAS)[K]> | undefined => {
    if (!stored.has(key)) return undefined;
    const result = CLINIC_SETTING_SCHEMAS[key].safeParse(stored.get(key));
    if (!result.success) throw new ClinicSettingsError(key, issuesOf(result.error));
    return result.data as z.infer<(typeof CLINIC_SETTING_SCHEMAS)[K]>;
  };
  return {
    calendar: parse('business_calendar') ?? defaultCalendar(fallbackTimeZone),
    sla: parse('sla_targets') ?? defaultSlaTargets(),
  };
}

/** Validates, stores and records `settings.changed` (key and who; the value is not PHI, kept too). */
export async function saveClinicSettings(
  db: Db,
  key: ClinicSettingKey,
  value: unknown,
  userId: string,
): Promise<void> {
  const result = CLINIC_SETTING_SCHEMAS[key].safeParse(value);
  if (!result.success) throw new ClinicSettingsError(key, issuesOf(result.error));
  const json = JSON.stringify(result.data);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('clinic_settings')
      .values({ key, value: json, updated_by: userId, updated_at: new Date() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: json, updated_by: userId, updated_at: new Date() }),
      )
      .execute();
    await recordEvent(trx, {
      actor: `user:${userId}`,
      action: 'settings.changed',
      data: { key, value: result.data as Record<string, unknown> },
    });
  });
}
