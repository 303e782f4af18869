import { z } from 'zod';
import { weakDatabasePasswordReason, weakSecretReason } from './secrets';

/**
 * Every environment variable the product reads, parsed once at start-up.
 * Entry points call loadConfig() and pass the result (or the part a feature needs) down.
 */
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const intFromEnv = (fallback: number, min = 0) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min));

/** An IANA time zone name (e.g. America/Chicago); Intl knows exactly the zones the runtime supports. */
const timeZone = z
  .string()
  .default('America/Chicago')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known IANA time zone (e.g. America/Chicago)');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: intFromEnv(3000, 0),
  APP_BASE_URL: optionalUrl,
  /** Reverse proxies in front of the web process (TLS terminator, load balancer): hops to trust. */
  TRUST_PROXY: z.preprocess(
    (v) => (v === undefined || v === '' ? 0 : Number(v)),
    z.number().int().min(0).max(10),
  ),
  /** The clinic's local time zone: appointment times in drafts, business hours, reports. */
  CLINIC_TIME_ZONE: timeZone,
  DATABASE_URL: optionalString,
  /** `npm run migrate` only: the owner role's connection (DATABASE_URL is then the app role's). */
  DATABASE_OWNER_URL: optionalString,
  REDIS_URL: optionalString,
  /**
   * The web role's bound on each Redis command on a request path (presence, login counters,
   * enqueues from actions, /readyz): past it the page carries on without Redis or answers 503.
   */
  REDIS_REQUEST_TIMEOUT_MS: intFromEnv(1000, 50),
  PORTAL_FHIR_URL: optionalUrl,
  POLL_INTERVAL_MS: intFromEnv(5000, 100),
  /**
   * Push (FHIR R4 Subscription, rest-hook): the URL of our POST /portal/notify as the portal can
   * reach it, and the secret the portal sends back with each notification. Both, or neither.
   */
  PORTAL_PUSH_ENDPOINT: optionalUrl,
  PORTAL_PUSH_SECRET: optionalString,
  /** SMART Backend Services for the portal (Epic, Oracle Health): all three, or none. */
  PORTAL_SMART_CLIENT_ID: optionalString,
  PORTAL_SMART_TOKEN_URL: optionalUrl,
  PORTAL_SMART_PRIVATE_KEY_FILE: optionalString,
  PORTAL_SMART_ALG: z.enum(['RS384', 'ES384']).default('RS384'),
  PORTAL_SMART_SCOPE: z
    .string()
    .min(1)
    .default(
      'system/Patient.read system/Condition.read system/MedicationRequest.read system/AllergyIntolerance.read system/Observation.read system/Appointment.read system/Communication.read system/Communication.write',
    ),
  PORTAL_SMART_KEY_ID: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalString,
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: intFromEnv(20000, 100),
  LLM_MAX_RETRIES: intFromEnv(1, 0),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_URGENT_CHANNEL: optionalString,
  SLACK_API_URL: optionalUrl,
  /** Where unacknowledged alerts go after the thread reminders; unset = the urgent channel. */
  SLACK_ESCALATION_CHANNEL: optionalString,
  /** Slack user group id (S…) mentioned in reminders, e.g. the on-call nurses. */
  SLACK_ONCALL_GROUP: optionalString,
  /** Minutes without an acknowledgement before the first reminder, per level (clinic_settings may override). */
  ALERT_ESCALATE_EMERGENT_MIN: intFromEnv(2, 1),
  ALERT_ESCALATE_URGENT_MIN: intFromEnv(15, 1),
  /** How many reminders at most (each waits twice as long as the one before). */
  ALERT_ESCALATION_LIMIT: intFromEnv(4, 1),
  /** Minutes after an acknowledgement without a reply before the owner is reminded. */
  ALERT_OWNER_REMINDER_MIN: intFromEnv(30, 1),
  /** Signs session cookies; required in production (use 32 or more random characters). */
  SESSION_SECRET: optionalString,
  /** A session ends after this long without a request, and after SESSION_MAX_HOURS in any case. */
  SESSION_IDLE_MINUTES: intFromEnv(30, 1),
  SESSION_MAX_HOURS: intFromEnv(12, 1),
  /** Failed logins per (account, address) before that pair is refused, for LOGIN_LOCKOUT_MINUTES. */
  LOGIN_MAX_FAILURES: intFromEnv(5, 1),
  LOGIN_LOCKOUT_MINUTES: intFromEnv(15, 1),
  /** Wrong passwords in a row, from any address, that lock the account itself. */
  LOGIN_ACCOUNT_MAX_FAILURES: intFromEnv(20, 1),
  /** Failed logins a minute (everyone together) after which every attempt is slowed, never refused. */
  LOGIN_SLOWDOWN_AFTER: intFromEnv(100, 1),
  LOGIN_SLOWDOWN_MAX_MS: intFromEnv(3000, 0),
  /** Live-update streams (Server-Sent Events) one browser session may hold open at once. */
  LIVE_STREAMS_PER_SESSION: intFromEnv(6, 1),
  /** How often open streams' sessions are checked: a logout, expiry or disable ends them within this. */
  LIVE_SESSION_CHECK_MS: intFromEnv(5000, 50),
  /** Redis key prefix of every queue: separates deployments (or tests) sharing one Redis. */
  QUEUE_PREFIX: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .default('inbox'),
  ),
  /** The worker's own /metrics listener (job timings); 0 = off. */
  WORKER_METRICS_PORT: intFromEnv(9464, 0),
  /** Where the worker notes the audit chain's head (one of the two), and how often (0 = never). */
  AUDIT_ANCHOR_FILE: optionalString,
  AUDIT_ANCHOR_URL: optionalUrl,
  /** Sent as `Authorization: Bearer` to AUDIT_ANCHOR_URL. */
  AUDIT_ANCHOR_TOKEN: optionalString,
  AUDIT_ANCHOR_INTERVAL_MS: intFromEnv(300_000, 0),
  /** `npm run demo`: how often a generated patient message arrives in the sandbox; 0 = never. */
  DEMO_MESSAGE_INTERVAL_MS: intFromEnv(20000, 0),
  /** `npm run demo` without DATABASE_URL: where its embedded PostgreSQL keeps data (default .data/postgres). */
  DEMO_DATA_DIR: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export interface LlmSettings {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Where the portal's SMART Backend Services key lives; the entry point reads the file. */
export interface PortalSmartSettings {
  clientId: string;
  tokenUrl: string;
  privateKeyFile: string;
  alg: 'RS384' | 'ES384';
  scope: string;
  keyId?: string;
}

/** Sessions and login limits, in milliseconds (see src/auth). */
export interface AuthSettings {
  /** Absent outside production: the web process then signs with a random per-process secret. */
  sessionSecret?: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Per (account, address), within lockoutMs. */
  maxFailedLogins: number;
  lockoutMs: number;
  /** Per account, in a row, from anywhere. */
  accountMaxFailedLogins: number;
  slowdownAfter: number;
  slowdownMaxDelayMs: number;
}

export interface AppConfig {
  env: Env;
  auth: AuthSettings;
  llm: LlmSettings;
  /** Absent: the portal is called without authentication (the sandbox, or a network-trusted portal). */
  portalSmart?: PortalSmartSettings;
  /** Absent: intake is by polling alone. */
  portalPush?: PortalPushSettings;
}

export interface PortalPushSettings {
  /** Where the portal POSTs its notifications (our /portal/notify, as the portal reaches it). */
  endpoint: string;
  /** Sent by the portal as `Authorization: Bearer SECRET`; 32 or more characters. */
  secret: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable (never echoing its value). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    env,
    auth: authSettings(env),
    portalSmart: portalSmartSettings(env),
    portalPush: portalPushSettings(env),
    llm: {
      baseUrl: env.OPENAI_BASE_URL,
      apiKey: env.OPENAI_API_KEY,
      model: env.LLM_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      maxRetries: env.LLM_MAX_RETRIES,
    },
  };
}

/** Production refuses a missing, weak or sample secret, naming the variable and never its value. */
function checkProductionSecrets(env: Env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET is required when NODE_ENV=production');
  else {
    const weak = weakSecretReason(env.SESSION_SECRET);
    if (weak) problems.push(`SESSION_SECRET ${weak} (use e.g. openssl rand -base64 48)`);
  }
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL'] as const) {
    const url = env[name];
    const weak = url ? weakDatabasePasswordReason(url) : undefined;
    if (weak) problems.push(`${name} ${weak}`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
}

function portalPushSettings(env: Env): PortalPushSettings | undefined {
  const { PORTAL_PUSH_ENDPOINT: endpoint, PORTAL_PUSH_SECRET: secret } = env;
  if (!endpoint && !secret) return undefined;
  if (!endpoint || !secret) {
    throw new ConfigError(
      'Invalid environment: set both PORTAL_PUSH_ENDPOINT and PORTAL_PUSH_SECRET, or neither',
    );
  }
  // Anyone holding it can make us poll; everywhere, not only in production, it must be a real secret.
  const weak = weakSecretReason(secret);
  if (weak)
    throw new ConfigError(`Invalid environment: PORTAL_PUSH_SECRET ${weak} (use e.g. openssl rand -hex 32)`);
  return { endpoint, secret };
}

function authSettings(env: Env): AuthSettings {
  checkProductionSecrets(env);
  const secret = env.SESSION_SECRET;
  return {
    sessionSecret: secret,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
    maxFailedLogins: env.LOGIN_MAX_FAILURES,
    lockoutMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
    accountMaxFailedLogins: env.LOGIN_ACCOUNT_MAX_FAILURES,
    slowdownAfter: env.LOGIN_SLOWDOWN_AFTER,
    slowdownMaxDelayMs: env.LOGIN_SLOWDOWN_MAX_MS,
  };
}

function portalSmartSettings(env: Env): PortalSmartSettings | undefined {
  const parts = {
    PORTAL_SMART_CLIENT_ID: env.PORTAL_SMART_CLIENT_ID,
    PORTAL_SMART_TOKEN_URL: env.PORTAL_SMART_TOKEN_URL,
    PORTAL_SMART_PRIVATE_KEY_FILE: env.PORTAL_SMART_PRIVATE_KEY_FILE,
  };
  const missing = Object.entries(parts).filter(([, v]) => !v);
  if (missing.length === 3) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid environment: SMART portal authentication needs ${missing.map(([k]) => k).join(', ')} as well`,
    );
  }
  return {
    clientId: env.PORTAL_SMART_CLIENT_ID!,
    tokenUrl: env.PORTAL_SMART_TOKEN_URL!,
    privateKeyFile: env.PORTAL_SMART_PRIVATE_KEY_FILE!,
    alg: env.PORTAL_SMART_ALG,
    scope: env.PORTAL_SMART_SCOPE,
    keyId: env.PORTAL_SMART_KEY_ID,
  };
}
