-- Slack alerts: the delivery state of each alert, who acknowledged it in Slack, and the mapping of
-- Slack users to inbox users. Forward-only.

-- pending: not yet posted; posting: a post was started (a retry looks the message up in the channel
-- before posting again); posted; failed: the last try failed and a retry is scheduled;
-- not_configured: Slack is not set up, the alert is recorded so reconciliation stops re-enqueuing.
ALTER TABLE alerts
  ADD COLUMN state text NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'posting', 'posted', 'failed', 'not_configured')),
  ADD COLUMN posting_started_at timestamptz,
  ADD COLUMN last_attempt_at timestamptz,
  ADD COLUMN acked_slack_user text,
  ADD COLUMN owner_reminded_at timestamptz,
  ADD COLUMN outcome text CHECK (outcome IN ('sent', 'closed')),
  -- What the Slack message shows of the patient (initials, age, sex), kept so updates in place
  -- need no second chart read.
  ADD COLUMN patient_brief jsonb;
CREATE INDEX alerts_last_attempt_idx ON alerts (last_attempt_at) WHERE state = 'failed';

CREATE TABLE slack_users (
  slack_user_id text PRIMARY KEY CHECK (slack_user_id ~ '^[A-Z0-9]{2,32}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slack_users_user_id_idx ON slack_users (user_id);
