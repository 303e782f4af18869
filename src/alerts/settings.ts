/**
 * What the alerts feature needs from configuration, as plain values: the worker and the web app
 * build it once from AppConfig and pass it in (tests build it directly, with delays in ms).
 */
import type { Env } from '../config';
import type { Db } from '../db';

export interface SlackSettings {
  botToken: string;
  urgentChannel: string;
  /** Unset: reminders after the thread ones go to the urgent channel itself. */
  escalationChannel?: string;
  /** A user group id (S…) mentioned in reminders. */
  onCallGroup?: string;
  /** Points the Web API client at a fake in tests. */
  apiUrl?: string;
  /** Per Slack call; default 5 s. */
  timeoutMs?: number;
}

export interface AlertSettings {
  /** Absent: alerts are recorded as not_configured and nothing is posted. */
  slack?: SlackSettings;
  /** Where "Open in inbox" links go (behind login); messages are named by opaque id only. */
  appBaseUrl: string;
  escalateAfterMs: { emergent: number; urgent: number };
  escalationLimit: number;
  ownerReminderMs: number;
}

const MINUTE = 60_000;

export function alertSettingsFromEnv(env: Env): AlertSettings {
  const slack =
    env.SLACK_BOT_TOKEN && env.SLACK_URGENT_CHANNEL
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          urgentChannel: env.SLACK_URGENT_CHANNEL,
          escalationChannel: env.SLACK_ESCALATION_CHANNEL,
          onCallGroup: env.SLACK_ONCALL_GROUP,
          apiUrl: env.SLACK_API_URL,
        }
      : undefined;
  return {
    slack,
    appBaseUrl: env.APP_BASE_URL ?? `http://127.0.0.1:${env.PORT}`,
    escalateAfterMs: {
      emergent: env.ALERT_ESCALATE_EMERGENT_MIN * MINUTE,
      urgent: env.ALERT_ESCALATE_URGENT_MIN * MINUTE,
    },
    escalationLimit: env.ALERT_ESCALATION_LIMIT,
    ownerReminderMs: env.ALERT_OWNER_REMINDER_MIN * MINUTE,
  };
}

/** No Slack, default delays: what a pipeline started without alert settings uses. */
export function defaultAlertSettings(): AlertSettings {
  return {
    appBaseUrl: 'http://127.0.0.1:3000',
    escalateAfterMs: { emergent: 2 * MINUTE, urgent: 15 * MINUTE },
    escalationLimit: 4,
    ownerReminderMs: 30 * MINUTE,
  };
}

/**
 * The clinic may override the first-reminder delay per level in clinic_settings under
 * `alerts.escalate_after_minutes` = `{"emergent": 2, "urgent": 15}`; anything malformed is ignored.
 */
export async function escalateAfterMs(
  db: Db,
  settings: AlertSettings,
  level: 'emergent' | 'urgent',
): Promise<number> {
  const row = await db
    .selectFrom('clinic_settings')
    .select('value')
    .where('key', '=', 'alerts.escalate_after_minutes')
    .executeTakeFirst();
  const minutes = (row?.value as Record<string, unknown> | undefined)?.[level];
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 && minutes <= 24 * 60) {
    return minutes * MINUTE;
  }
  return settings.escalateAfterMs[level];
}
