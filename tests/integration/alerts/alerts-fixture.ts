/**
 * Alerts tests: the real pipeline (sandbox portal, PostgreSQL, Redis) posting to the fake Slack, and
 * the Slack events router over the same database and queues.
 */
import express, { type Express } from 'express';
import type { AlertSettings } from '../../../src/alerts';
import { slackEventsRouter } from '../../../src/alerts/routes';
import { loadConfig } from '../../../src/config';
import type { Db } from '../../../src/db';
import { startPipeline, type RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack';
import { testRedisUrl } from '../../helpers/redis';
import {
  createPipelineFixture,
  postPatientMessage,
  waitFor,
  type PipelineFixture,
} from '../pipeline/fixture';

export const SIGNING_SECRET = 'test-signing-secret';

export interface AlertsFixture extends PipelineFixture {
  slack: FakeSlack;
  pipeline: RunningPipeline;
  web: Express;
  settings: AlertSettings;
  /** Posts a patient message and waits until it has an alerts row in the given state. */
  alertFor: (text: string, state?: string) => Promise<{ messageId: string; patientId: string }>;
}

export function alertSettings(
  slack: FakeSlack | undefined,
  overrides: Partial<AlertSettings> = {},
): AlertSettings {
  return {
    slack: slack
      ? {
          botToken: FAKE_BOT_TOKEN,
          urgentChannel: 'CURGENT',
          escalationChannel: 'CESCALATE',
          onCallGroup: 'SONCALL',
          apiUrl: slack.url,
          timeoutMs: 2000,
        }
      : undefined,
    appBaseUrl: 'https://inbox.example.org',
    escalateAfterMs: { emergent: 400, urgent: 120_000 },
    escalationLimit: 2,
    ownerReminderMs: 120_000,
    ...overrides,
  };
}

export async function createAlertsFixture(overrides: Partial<AlertSettings> = {}): Promise<AlertsFixture> {
  const base = await createPipelineFixture();
  const slack = await startFakeSlack();
  const settings = alertSettings(slack, overrides);
  const pipeline = await startPipeline({
    databaseUrl: base.database.url,
    redisUrl: testRedisUrl(),
    queuePrefix: base.prefix,
    portalFhirUrl: base.sandbox.fhirBaseUrl,
    pollIntervalMs: 200,
    llm: { model: 'none', timeoutMs: 1000, maxRetries: 0 },
    logger: base.logger,
    timeZone: 'America/Chicago',
    alerts: settings,
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_URGENT_CHANNEL: 'CURGENT',
    SLACK_API_URL: slack.url,
    APP_BASE_URL: 'https://inbox.example.org',
  });
  const web = express();
  web.use(slackEventsRouter({ config, db: base.db, queues: base.queues, logger: base.logger })!);
  let n = 0;
  const alertFor = async (text: string, state = 'posted') => {
    const patientId = base.patientIds[n++ % base.patientIds.length];
    const portalId = await postPatientMessage(base.sandbox, patientId, text);
    const messageId = await waitFor(`alert of ${portalId}`, async () => {
      const row = await base.db
        .selectFrom('messages')
        .innerJoin('alerts', 'alerts.message_id', 'messages.id')
        .select(['messages.id', 'alerts.state'])
        .where('messages.portal_id', '=', portalId)
        .executeTakeFirst();
      return row?.state === state ? row.id : undefined;
    });
    return { messageId, patientId };
  };
  return {
    ...base,
    slack,
    pipeline,
    web,
    settings,
    alertFor,
    close: async () => {
      await pipeline.close();
      await slack.close();
      await base.close();
    },
  };
}

export async function alertRow(db: Db, messageId: string) {
  return db.selectFrom('alerts').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
}

/** Every string in the patient's chart that must never reach Slack. */
export function phiOf(patient: Record<string, unknown>): string[] {
  const p = patient as {
    name?: { given?: string[]; family?: string }[];
    birthDate?: string;
    telecom?: { value?: string }[];
    identifier?: { value?: string }[];
    address?: { line?: string[]; city?: string }[];
  };
  return [
    ...(p.name ?? []).flatMap((n) => [...(n.given ?? []), n.family ?? '']),
    p.birthDate ?? '',
    ...(p.telecom ?? []).map((t) => t.value ?? ''),
    ...(p.identifier ?? []).map((i) => i.value ?? ''),
    ...(p.address ?? []).flatMap((a) => [...(a.line ?? []), a.city ?? '']),
  ].filter((s) => s.length >= 3);
}

/** All that was sent to Slack, decoded, as one string. */
export function everythingSent(slack: FakeSlack): string {
  return slack.calls
    .map((c) => `${JSON.stringify(c.args)}\n${decodeURIComponent(c.raw.replace(/\+/g, ' '))}`)
    .join('\n');
}
