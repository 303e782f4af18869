/**
 * Thin handlers for the clinic's settings API: the business calendar and the SLA targets the inbox
 * clock, Slack alerts and reports all read. A bad value is a 400 naming the field; nothing is stored.
 */
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../auth/principal';
import type { Db } from '../db';
import { BadRequestError, NotFoundError } from '../http/errors';
import {
  CLINIC_SETTING_SCHEMAS,
  ClinicSettingsError,
  loadClinicSettings,
  saveClinicSettings,
  type ClinicSettingKey,
} from './settings';

export interface SettingsHandlerDeps {
  db: Db;
  /** CLINIC_TIME_ZONE: the calendar's zone when none is stored. */
  timeZone: string;
}

const isSettingKey = (key: string): key is ClinicSettingKey => Object.hasOwn(CLINIC_SETTING_SCHEMAS, key);

export function getSettingsHandler(deps: SettingsHandlerDeps): RequestHandler {
  return async (_req: Request, res: Response) => {
    const settings = await loadClinicSettings(deps.db, deps.timeZone);
    res.json({ business_calendar: settings.calendar, sla_targets: settings.sla });
  };
}

export function putSettingHandler(deps: SettingsHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const key = String(req.params.key);
    if (!isSettingKey(key)) throw new NotFoundError('no such clinic setting');
    try {
      await saveClinicSettings(deps.db, key, req.body, principalOf(res).userId);
    } catch (err) {
      if (err instanceof ClinicSettingsError) {
        throw new BadRequestError(`clinic setting "${key}" is invalid`, { issues: err.issues });
      }
      throw err;
    }
    const settings = await loadClinicSettings(deps.db, deps.timeZone);
    res.json({ business_calendar: settings.calendar, sla_targets: settings.sla });
  };
}
