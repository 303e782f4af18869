/**
 * What the message page and its actions need, built once per web app from InboxDeps: the model
 * (or null), the prompt files (read on first regenerate), the chart source and the alert settings.
 */
import { alertSettingsFromEnv, type AlertSettings } from '../../alerts/settings';
import type { ChartPortal } from '../../context';
import { DEFAULT_PROMPTS_DIR, loadPrompts, type PromptSet } from '../../drafting';
import { createChatModel } from '../../llm/chat-model';
import { createFhirClient, type FhirClient } from '../../portal/fhir-client';
import { loadSmartAuth } from '../../portal/portal-auth';
import type { RegenerateDeps } from '../actions/regenerate';
import { loadRegenerateInstructions } from '../actions/regenerate-instructions';
import type { InboxDeps } from '../routes';

export interface MessageDeps extends InboxDeps {
  zone: string;
  prefix: string;
  alertSettings: AlertSettings;
  regenerate: RegenerateDeps;
  clock: () => Date;
}

const CHART_TIMEOUT_MS = 10_000;

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** The portal client, built on first use: the SMART key file is read then, so pages work without it. */
function lazyPortal(make: () => FhirClient): ChartPortal {
  const get = once(make);
  return {
    read: (...args) => get().read(...args),
    search: (...args) => get().search(...args),
  };
}

export function messageDeps(deps: InboxDeps, options: { promptsDir?: string } = {}): MessageDeps {
  const env = deps.config.env;
  const promptsDir = options.promptsDir ?? DEFAULT_PROMPTS_DIR;
  const model = createChatModel(deps.config.llm);
  const portalUrl = env.PORTAL_FHIR_URL;
  const smart = deps.config.portalSmart;
  const chart = portalUrl
    ? lazyPortal(() =>
        createFhirClient({
          baseUrl: portalUrl,
          timeoutMs: CHART_TIMEOUT_MS,
          retries: 1,
          auth: smart ? loadSmartAuth(smart) : undefined,
        }),
      )
    : undefined;
  const clock = deps.now ?? (() => new Date());
  const alertSettings = alertSettingsFromEnv(env);
  return {
    ...deps,
    zone: env.CLINIC_TIME_ZONE,
    prefix: env.QUEUE_PREFIX,
    alertSettings,
    clock,
    regenerate: {
      db: deps.db,
      logger: deps.logger,
      model,
      modelName: deps.config.llm.model,
      prompts: once((): PromptSet => loadPrompts(promptsDir)),
      instructions: once(() => loadRegenerateInstructions(promptsDir)),
      chart,
      timeZone: env.CLINIC_TIME_ZONE,
      nurseAlerts: !!alertSettings.slack,
      now: clock,
    },
  };
}
