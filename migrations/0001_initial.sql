-- Initial schema: the tables of DESIGN.md. Forward-only: later changes go in new files.
-- PHI stays minimal: a message keeps the FHIR patient reference, never copied demographics.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('staff', 'nurse', 'manager', 'admin')),
  password_hash text,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- Session and API-token ids are stored as hashes so a database read does not hand out logins.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_id text NOT NULL,
  thread_ref text,
  part_of_ref text,
  in_response_to_ref text,
  patient_ref text NOT NULL,
  sender_ref text,
  subject text,
  body text NOT NULL,
  language text,
  received_at timestamptz NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  urgency text CHECK (urgency IN ('emergent', 'urgent', 'routine', 'non_clinical')),
  -- Urgency as a number so the inbox can sort most-urgent-first from an index; untriaged sorts last.
  urgency_rank smallint GENERATED ALWAYS AS (
    CASE urgency WHEN 'emergent' THEN 0 WHEN 'urgent' THEN 1 WHEN 'routine' THEN 2
      WHEN 'non_clinical' THEN 3 ELSE 4 END
  ) STORED,
  category text CHECK (category IN ('symptom', 'medication', 'results', 'scheduling', 'billing',
    'forms_records', 'portal_technical', 'other')),
  categories text[] NOT NULL DEFAULT '{}',
  triage_reasons text[] NOT NULL DEFAULT '{}',
  needs_reply boolean,
  flags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'triaged', 'ready', 'sending', 'sent', 'closed')),
  assigned_to uuid REFERENCES users (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  close_reason text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The unique portal id is what makes a re-poll harmless.
CREATE UNIQUE INDEX messages_portal_id_key ON messages (portal_id);
-- Inbox list: filter by status, most urgent first, then longest waiting.
CREATE INDEX messages_inbox_idx ON messages (status, urgency_rank, received_at, id);
CREATE INDEX messages_received_at_idx ON messages (received_at);
CREATE INDEX messages_patient_ref_idx ON messages (patient_ref, received_at);
CREATE INDEX messages_thread_ref_idx ON messages (thread_ref) WHERE thread_ref IS NOT NULL;
CREATE INDEX messages_assigned_to_idx ON messages (assigned_to, status) WHERE assigned_to IS NOT NULL;

CREATE TABLE drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES messages (id),
  body text NOT NULL,
  source text NOT NULL CHECK (source IN ('llm', 'template', 'escalation')),
  model text,
  prompt_version text,
  reading_grade real,
  target_grade real,
  flags text[] NOT NULL DEFAULT '{}',
  context_snapshot jsonb,
  tokens integer,
  latency_ms integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_message_id_idx ON drafts (message_id, created_at);

-- One reply per message: two approvers clicking at once cannot both create one.
CREATE TABLE replies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES messages (id),
  draft_id uuid REFERENCES drafts (id),
  body text NOT NULL,
  author uuid REFERENCES users (id),
  approved_at timestamptz,
  sent_at timestamptz,
  portal_reply_id text,
  send_attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX replies_message_id_key ON replies (message_id);
CREATE UNIQUE INDEX replies_portal_reply_id_key ON replies (portal_reply_id) WHERE portal_reply_id IS NOT NULL;

-- One alert per message, hence the primary key.
CREATE TABLE alerts (
  message_id uuid PRIMARY KEY REFERENCES messages (id),
  channel text NOT NULL,
  slack_ts text,
  posted_at timestamptz,
  acked_at timestamptz,
  acked_by uuid REFERENCES users (id),
  escalation_level integer NOT NULL DEFAULT 0,
  resolved_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_open_idx ON alerts (posted_at) WHERE acked_at IS NULL AND resolved_at IS NULL;

-- The audit log: hash-chained, append-only (see src/audit). message_id has no foreign key on
-- purpose: the log must be writable before, and outlive, the row it talks about.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  message_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Unique: two rows chaining onto the same predecessor would be a fork; refuse it outright.
  prev_hash text NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX events_action_at_idx ON events (action, at);
CREATE INDEX events_message_id_idx ON events (message_id, at) WHERE message_id IS NOT NULL;
CREATE INDEX events_at_idx ON events (at);

CREATE FUNCTION events_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_forbid_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_forbid_change();

-- The poller's durable position in the portal's feed, keyset (last_updated, last_id).
CREATE TABLE poll_cursors (
  name text PRIMARY KEY,
  last_updated timestamptz,
  last_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clinic_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
