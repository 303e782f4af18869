-- Resilient intake (issue 12). Forward-only.

-- A reply the portal refused for good, or whose retries ran out: visible in the inbox ("Send failed")
-- with the reason, until a person retries it or closes the message. Never left in `sending` unseen.
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
  CHECK (status IN ('new', 'triaged', 'ready', 'sending', 'send_failed', 'sent', 'closed'));

-- Text the database cannot store as sent (NUL characters, lone UTF-16 surrogates) is normalised in
-- body and subject; the original, escaped as a JSON string literal, is kept here for a person to see.
-- Also holds the raw resource of an unreadable Communication (escaped, bounded), for the same reason.
ALTER TABLE messages ADD COLUMN original_escaped text;

-- Each retry of a failed send is a new round with its own job id, so a failed job kept by the queue
-- never blocks (or, when it expires, unexpectedly repeats) a re-drive.
ALTER TABLE replies ADD COLUMN send_round integer NOT NULL DEFAULT 1 CHECK (send_round >= 1);

-- The open view now includes send_failed messages (a person must act on them).
DROP INDEX messages_open_inbox_idx;
CREATE INDEX messages_open_inbox_idx ON messages (urgency_rank, received_at, id)
  INCLUDE (category, language, assigned_to, routed_to)
  WHERE status IN ('new', 'triaged', 'ready', 'send_failed');
