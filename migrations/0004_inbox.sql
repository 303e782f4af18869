-- The staff web inbox (issue 5). Forward-only.

-- What the inbox list shows of a patient (name, age, record number), cached from the chart when the
-- worker reads it, so the list and the name/record-number search never call the portal. Written by
-- the draft step; a message whose chart was never read shows its patient reference instead.
CREATE TABLE patients (
  patient_ref text PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 300),
  -- YYYY-MM-DD as text: pg would turn a date into a JS Date at local midnight, off by a day elsewhere.
  birth_date text CHECK (birth_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  sex text CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  record_numbers text[] NOT NULL DEFAULT '{}',
  -- Lower-cased, accents folded by the writer: what name searches match on (prefix of any word).
  search_terms text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_search_terms_idx ON patients USING gin (search_terms);
CREATE INDEX patients_record_numbers_idx ON patients USING gin (record_numbers);

-- A reply being written: every autosave is a new revision (never overwritten), so edits are
-- versioned and an approval can name the exact revision the person saw.
CREATE TABLE reply_drafts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES messages (id),
  revision integer NOT NULL CHECK (revision >= 1),
  author uuid NOT NULL REFERENCES users (id),
  -- How the reply was started: from the assistant's draft or blank (the choice reports measure).
  mode text NOT NULL CHECK (mode IN ('draft', 'blank')),
  based_on_draft_id uuid REFERENCES drafts (id),
  body text NOT NULL CHECK (length(body) <= 20000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reply_drafts_message_revision_key ON reply_drafts (message_id, revision);

CREATE TABLE draft_feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES messages (id),
  draft_id uuid NOT NULL REFERENCES drafts (id),
  user_id uuid NOT NULL REFERENCES users (id),
  useful boolean NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  note text CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draft_feedback_draft_id_idx ON draft_feedback (draft_id);

-- Routed to the nurse queue by staff (a clinical question); cleared when a nurse claims it.
ALTER TABLE messages
  ADD COLUMN routed_to text CHECK (routed_to IN ('nurse')),
  ADD COLUMN assigned_at timestamptz;
CREATE INDEX messages_routed_to_idx ON messages (routed_to, status) WHERE routed_to IS NOT NULL;
-- The list's default view (everything still open), most urgent then longest waiting.
CREATE INDEX messages_open_inbox_idx ON messages (urgency_rank, received_at, id)
  WHERE status IN ('new', 'triaged', 'ready');
