/**
 * Kysely types for every table in /migrations. Keep in step with the SQL: a new migration that
 * changes a table changes its interface here in the same commit.
 */
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/** Read as Date; written as Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/**
 * jsonb column: parsed on the way out; written as JSON.stringify(value), because pg would turn a JS
 * array into a PostgreSQL array literal rather than JSON.
 */
export type Json = ColumnType<unknown, string, string>;
/** text[] with a default of '{}'. */
export type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export const MESSAGE_STATUSES = [
  'new',
  'triaged',
  'ready',
  'sending',
  'send_failed',
  'sent',
  'closed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** Waiting on a person: the inbox's open view (send_failed needs a retry or a close). */
export const OPEN_STATUSES = [
  'new',
  'triaged',
  'ready',
  'send_failed',
] as const satisfies readonly MessageStatus[];
/** A reply can still be written and approved. */
export const REPLYABLE_STATUSES = ['new', 'triaged', 'ready'] as const satisfies readonly MessageStatus[];
export const USER_ROLES = ['staff', 'nurse', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const DRAFT_SOURCES = ['llm', 'template', 'escalation'] as const;
export type DraftSource = (typeof DRAFT_SOURCES)[number];
/** Same values as src/triage/types.ts URGENCIES and CATEGORIES (enforced by CHECK constraints). */
export type UrgencyValue = 'emergent' | 'urgent' | 'routine' | 'non_clinical';
export type CategoryValue =
  | 'symptom'
  | 'medication'
  | 'results'
  | 'scheduling'
  | 'billing'
  | 'forms_records'
  | 'portal_technical'
  | 'other';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: UserRole;
  password_hash: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SessionsTable {
  /** SHA-256 of the session token, never the token itself. */
  id: string;
  /** Null until the browser logs in (a login form's session holds only its CSRF token). */
  user_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** SHA-256 of the token; the token is shown once at creation. */
  token_hash: string;
  /** First characters of the token, to tell tokens apart in a list. */
  token_prefix: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<string>;
  /** The portal's Communication id; unique, so a re-poll cannot duplicate. */
  portal_id: string;
  thread_ref: string | null;
  part_of_ref: string | null;
  in_response_to_ref: string | null;
  /** FHIR reference to the patient, e.g. "Patient/123". Demographics are read from the portal. */
  patient_ref: string;
  sender_ref: string | null;
  subject: string | null;
  body: string;
  language: string | null;
  /** Portal time (Communication.sent). */
  received_at: Timestamp;
  ingested_at: DefaultTimestamp;
  urgency: UrgencyValue | null;
  /** 0 emergent … 3 non_clinical, 4 untriaged; computed by PostgreSQL for the inbox index. */
  urgency_rank: GeneratedAlways<number>;
  category: CategoryValue | null;
  categories: TextArray;
  triage_reasons: TextArray;
  needs_reply: boolean | null;
  /** Triage flags and processing failures (e.g. 'draft_failed'); a flagged message still reaches ready. */
  flags: TextArray;
  status: ColumnType<MessageStatus, MessageStatus | undefined, MessageStatus>;
  assigned_to: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  close_reason: string | null;
  /** Optimistic-locking counter: bump on every change a person can collide with. */
  version: Generated<number>;
  updated_at: DefaultTimestamp;
  /** migrations/0004: routed to the nurse queue by staff; cleared when a nurse claims it. */
  routed_to: 'nurse' | null;
  assigned_at: Timestamp | null;
  /** migrations/0007: the original text (or raw resource) escaped as a JSON string, when normalised. */
  original_escaped: Generated<string | null>;
}

export interface DraftsTable {
  id: Generated<string>;
  message_id: string;
  body: string;
  source: DraftSource;
  model: string | null;
  prompt_version: string | null;
  reading_grade: number | null;
  target_grade: number | null;
  flags: TextArray;
  /** What the model saw (pseudonymized chart facts), for review. */
  context_snapshot: Json | null;
  tokens: number | null;
  latency_ms: number | null;
  created_at: DefaultTimestamp;
}

export interface RepliesTable {
  id: Generated<string>;
  /** Unique: one reply per message. */
  message_id: string;
  draft_id: string | null;
  body: string;
  author: string | null;
  approved_at: Timestamp | null;
  sent_at: Timestamp | null;
  portal_reply_id: string | null;
  send_attempts: Generated<number>;
  last_error: string | null;
  created_at: DefaultTimestamp;
  /** migrations/0007: the send round; a person's retry starts a new one (and a new job id). */
  send_round: Generated<number>;
}

export interface AlertsTable {
  message_id: string;
  channel: string;
  slack_ts: string | null;
  posted_at: Timestamp | null;
  acked_at: Timestamp | null;
  acked_by: string | null;
  escalation_level: Generated<number>;
  resolved_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: DefaultTimestamp;
  /** migrations/0003: delivery state, see src/alerts/repository.ts. */
  state: ColumnType<AlertDeliveryState, AlertDeliveryState | undefined, AlertDeliveryState>;
  posting_started_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  acked_slack_user: string | null;
  owner_reminded_at: Timestamp | null;
  outcome: 'sent' | 'closed' | null;
  patient_brief: Json | null;
}

export const ALERT_DELIVERY_STATES = ['pending', 'posting', 'posted', 'failed', 'not_configured'] as const;
export type AlertDeliveryState = (typeof ALERT_DELIVERY_STATES)[number];

/** migrations/0003: a Slack user id mapped to an inbox user (learnt from the Slack profile email). */
export interface SlackUsersTable {
  slack_user_id: string;
  user_id: string;
  created_at: DefaultTimestamp;
}

export interface EventsTable {
  /** bigint identity, parsed to a JS number by createDb. */
  id: GeneratedAlways<number>;
  at: Timestamp;
  actor: string;
  action: string;
  message_id: string | null;
  data: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
  /** migrations/0008: the client address of the request that recorded it; null for the worker. */
  client_address: ColumnType<string | null, string | null | undefined, never>;
}

export interface PollCursorsTable {
  name: string;
  last_updated: Timestamp | null;
  last_id: string | null;
  updated_at: DefaultTimestamp;
}

export interface ClinicSettingsTable {
  key: string;
  value: Json;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

/** migrations/0004: what the inbox shows of a patient, cached from the chart by the draft step. */
export interface PatientsTable {
  patient_ref: string;
  display_name: string;
  birth_date: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  record_numbers: TextArray;
  search_terms: TextArray;
  updated_at: DefaultTimestamp;
}

/** migrations/0004: one row per autosaved revision of a reply being written. */
export interface ReplyDraftsTable {
  id: GeneratedAlways<string>;
  message_id: string;
  revision: number;
  author: string;
  mode: 'draft' | 'blank';
  based_on_draft_id: string | null;
  body: string;
  created_at: DefaultTimestamp;
}

/** migrations/0004: a person's judgement of a draft (useful or not, and why). */
export interface DraftFeedbackTable {
  id: GeneratedAlways<string>;
  message_id: string;
  draft_id: string;
  user_id: string;
  useful: boolean;
  reasons: TextArray;
  note: string | null;
  created_at: DefaultTimestamp;
}

/**
 * migrations/0005: each message's milestones for the reports, copied from its events by a trigger on
 * `events` (first event of each kind wins; counts add up). Read-only for the application.
 */
export interface MessageMilestonesTable {
  message_id: string;
  ingested_at: Timestamp | null;
  triaged_at: Timestamp | null;
  alerted_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  ready_at: Timestamp | null;
  first_opened_at: Timestamp | null;
  first_opened_by: string | null;
  approved_at: Timestamp | null;
  approver: string | null;
  draft_id: string | null;
  word_edits: number | null;
  draft_words: number | null;
  sent_words: number | null;
  sent_at: Timestamp | null;
  closed_at: Timestamp | null;
  close_actor: string | null;
  close_reason: string | null;
  regenerations: ColumnType<number, number | undefined, number>;
  feedback_useful: ColumnType<number, number | undefined, number>;
  feedback_not_useful: ColumnType<number, number | undefined, number>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  messages: MessagesTable;
  drafts: DraftsTable;
  replies: RepliesTable;
  alerts: AlertsTable;
  events: EventsTable;
  poll_cursors: PollCursorsTable;
  clinic_settings: ClinicSettingsTable;
  slack_users: SlackUsersTable;
  patients: PatientsTable;
  reply_drafts: ReplyDraftsTable;
  draft_feedback: DraftFeedbackTable;
  message_milestones: MessageMilestonesTable;
}

export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type MessageUpdate = Updateable<MessagesTable>;
export type Draft = Selectable<DraftsTable>;
export type NewDraft = Insertable<DraftsTable>;
export type Reply = Selectable<RepliesTable>;
export type NewReply = Insertable<RepliesTable>;
export type Alert = Selectable<AlertsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEventRow = Selectable<EventsTable>;
export type PollCursor = Selectable<PollCursorsTable>;
