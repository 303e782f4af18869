export { slackEventsRouter, SLACK_EVENTS_PATH } from './routes';
export { processAlertJob } from './alert.queue';
export { processEscalateJob } from './escalate.queue';
export { enqueueAlertSync } from './escalation';
export { alertStateFor, type AlertState } from './state';
export { slackReadiness } from './health';
export { alertSettingsFromEnv, type AlertSettings, type SlackSettings } from './settings';
export { createSlackClient } from './slack';
export type { AlertDeps } from './deps';
