/**
 * The Slack app in the web role: Bolt with an ExpressReceiver answering /slack/events (buttons,
 * slash commands). Its router verifies signatures on the raw body, so it is mounted before any body
 * parser. Undefined when Slack is not configured.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Env } from '../config';
import type { Db } from '../db';
import type { Queues } from '../queue';
import { registerListeners } from './listeners';
import { alertSettingsFromEnv } from './settings';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackRouteDeps {
  config: { env: Env };
  db: Db;
  queues: Queues;
  logger: Logger;
}

export function slackEventsRouter(deps: SlackRouteDeps): Router | undefined {
  const env = deps.config.env;
  if (!env.SLACK_SIGNING_SECRET || !env.SLACK_BOT_TOKEN) return undefined;
  const settings = alertSettingsFromEnv(env);
  const receiver = new ExpressReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: true,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: env.SLACK_BOT_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    // auth.test runs on the first request, not in this constructor: a Slack outage at start-up
    // must not become an unhandled rejection in the web process.
    tokenVerificationEnabled: false,
    clientOptions: {
      slackApiUrl: env.SLACK_API_URL ? env.SLACK_API_URL.replace(/\/?$/, '/') : undefined,
      retryConfig: { retries: 0 },
      timeout: 5000,
    },
  });
  registerListeners(
    app,
    { db: deps.db, queues: deps.queues, settings, timeZone: env.CLINIC_TIME_ZONE },
    deps.logger.child({ feature: 'slack' }),
  );
  return receiver.router as Router;
}
