-- Response-time reports (issue 7): each message's milestones, one row per message. Forward-only.
--
-- Still measured from the event log, never recomputed from mutable rows: every value here is copied
-- from an event's own `at`, actor and data by an AFTER INSERT trigger on `events`, in the same
-- transaction as the event (an event that rolls back leaves no milestone). The first event of each
-- kind wins (earliest `at`; on a tie the one recorded first); counts add one per event. So this table
-- is a function of the append-only log, and rebuild_message_milestones() recomputes it from the log.
-- The reports read it instead of grouping ~6 events per message at report time (a million messages:
-- 28,000 → several hundred thousand rows/s).
--
-- No foreign key to messages, like events.message_id: the log may speak of a message before its row.
CREATE TABLE message_milestones (
  message_id uuid PRIMARY KEY,
  ingested_at timestamptz,           -- first message.ingested
  triaged_at timestamptz,            -- first message.triaged
  alerted_at timestamptz,            -- first alert.posted
  acknowledged_at timestamptz,       -- first alert.acknowledged
  acknowledged_by text,              -- ... its data.userId
  ready_at timestamptz,              -- first message.ready (draft ready)
  first_opened_at timestamptz,       -- first message.viewed by a person (actor user:…)
  first_opened_by text,              -- ... its actor
  approved_at timestamptz,           -- first reply.approved
  approver text,                     -- ... its data.author (users.id)
  draft_id text,                     -- ... its data.draftId (null: written from blank)
  word_edits float8,                 -- ... its data.edit numbers (never the texts)
  draft_words float8,
  sent_words float8,
  sent_at timestamptz,               -- first reply.sent
  closed_at timestamptz,             -- first message.closed
  close_actor text,                  -- ... its actor
  close_reason text,                 -- ... its data.reason
  regenerations integer NOT NULL DEFAULT 0,        -- draft.regenerated events
  feedback_useful integer NOT NULL DEFAULT 0,      -- draft.feedback with data.useful = true
  feedback_not_useful integer NOT NULL DEFAULT 0   -- draft.feedback with data.useful = false
);

-- A number from an event's jsonb, or null when it is not a number: a malformed event must never make
-- the audit append fail.
CREATE FUNCTION milestone_number(value jsonb) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::float8 END
$$;

-- One upsert per relevant event (the trigger's WHEN skips all others before PL/pgSQL is entered).
-- "First wins": a row is only overwritten by an event that is strictly earlier.
CREATE FUNCTION message_milestones_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE NEW.action
  WHEN 'message.ingested' THEN
    INSERT INTO message_milestones AS m (message_id, ingested_at) VALUES (NEW.message_id, NEW.at)
    ON CONFLICT (message_id) DO UPDATE SET ingested_at = excluded.ingested_at
      WHERE m.ingested_at IS NULL OR excluded.ingested_at < m.ingested_at;
  WHEN 'message.triaged' THEN
    INSERT INTO message_milestones AS m (message_id, triaged_at) VALUES (NEW.message_id, NEW.at)
    ON CONFLICT (message_id) DO UPDATE SET triaged_at = excluded.triaged_at
      WHERE m.triaged_at IS NULL OR excluded.triaged_at < m.triaged_at;
  WHEN 'alert.posted' THEN
    INSERT INTO message_milestones AS m (message_id, alerted_at) VALUES (NEW.message_id, NEW.at)
    ON CONFLICT (message_id) DO UPDATE SET alerted_at = excluded.alerted_at
      WHERE m.alerted_at IS NULL OR excluded.alerted_at < m.alerted_at;
  WHEN 'alert.acknowledged' THEN
    INSERT INTO message_milestones AS m (message_id, acknowledged_at, acknowledged_by)
    VALUES (NEW.message_id, NEW.at, NEW.data ->> 'userId')
    ON CONFLICT (message_id) DO UPDATE
      SET acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by
      WHERE m.acknowledged_at IS NULL OR excluded.acknowledged_at < m.acknowledged_at;
  WHEN 'message.ready' THEN
    INSERT INTO message_milestones AS m (message_id, ready_at) VALUES (NEW.message_id, NEW.at)
    ON CONFLICT (message_id) DO UPDATE SET ready_at = excluded.ready_at
      WHERE m.ready_at IS NULL OR excluded.ready_at < m.ready_at;
  WHEN 'message.viewed' THEN
    IF NEW.actor LIKE 'user:%' THEN
      INSERT INTO message_milestones AS m (message_id, first_opened_at, first_opened_by)
      VALUES (NEW.message_id, NEW.at, NEW.actor)
      ON CONFLICT (message_id) DO UPDATE
        SET first_opened_at = excluded.first_opened_at, first_opened_by = excluded.first_opened_by
        WHERE m.first_opened_at IS NULL OR excluded.first_opened_at < m.first_opened_at;
    END IF;
  WHEN 'reply.approved' THEN
    INSERT INTO message_milestones AS m
      (message_id, approved_at, approver, draft_id, word_edits, draft_words, sent_words)
    VALUES (NEW.message_id, NEW.at, NEW.data ->> 'author', NEW.data ->> 'draftId',
      milestone_number(NEW.data -> 'edit' -> 'wordEdits'), milestone_number(NEW.data -> 'edit' -> 'draftWords'),
      milestone_number(NEW.data -> 'edit' -> 'sentWords'))
    ON CONFLICT (message_id) DO UPDATE
      SET approved_at = excluded.approved_at, approver = excluded.approver, draft_id = excluded.draft_id,
        word_edits = excluded.word_edits, draft_words = excluded.draft_words, sent_words = excluded.sent_words
      WHERE m.approved_at IS NULL OR excluded.approved_at < m.approved_at;
  WHEN 'reply.sent' THEN
    INSERT INTO message_milestones AS m (message_id, sent_at) VALUES (NEW.message_id, NEW.at)
    ON CONFLICT (message_id) DO UPDATE SET sent_at = excluded.sent_at
      WHERE m.sent_at IS NULL OR excluded.sent_at < m.sent_at;
  WHEN 'message.closed' THEN
    INSERT INTO message_milestones AS m (message_id, closed_at, close_actor, close_reason)
    VALUES (NEW.message_id, NEW.at, NEW.actor, NEW.data ->> 'reason')
    ON CONFLICT (message_id) DO UPDATE
      SET closed_at = excluded.closed_at, close_actor = excluded.close_actor, close_reason = excluded.close_reason
      WHERE m.closed_at IS NULL OR excluded.closed_at < m.closed_at;
  WHEN 'draft.regenerated' THEN
    INSERT INTO message_milestones AS m (message_id, regenerations) VALUES (NEW.message_id, 1)
    ON CONFLICT (message_id) DO UPDATE SET regenerations = m.regenerations + 1;
  WHEN 'draft.feedback' THEN
    IF NEW.data -> 'useful' = 'true'::jsonb THEN
      INSERT INTO message_milestones AS m (message_id, feedback_useful) VALUES (NEW.message_id, 1)
      ON CONFLICT (message_id) DO UPDATE SET feedback_useful = m.feedback_useful + 1;
    ELSIF NEW.data -> 'useful' = 'false'::jsonb THEN
      INSERT INTO message_milestones AS m (message_id, feedback_not_useful) VALUES (NEW.message_id, 1)
      ON CONFLICT (message_id) DO UPDATE SET feedback_not_useful = m.feedback_not_useful + 1;
    END IF;
  ELSE
    NULL;
  END CASE;
  RETURN NULL;
END;
$$;

CREATE TRIGGER events_message_milestones AFTER INSERT ON events
  FOR EACH ROW
  WHEN (NEW.message_id IS NOT NULL AND NEW.action IN ('message.ingested', 'message.triaged', 'alert.posted',
    'alert.acknowledged', 'message.ready', 'message.viewed', 'reply.approved', 'reply.sent', 'message.closed',
    'draft.regenerated', 'draft.feedback'))
  EXECUTE FUNCTION message_milestones_on_event();

-- The whole table recomputed from the log, set-based, with the trigger's rules: the first event of
-- each kind by (at, id), counts over all events. Used below for the events already recorded, and by
-- bulk loads (the reports bench) that insert events with the trigger switched off.
CREATE FUNCTION rebuild_message_milestones() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  written bigint;
BEGIN
  DELETE FROM message_milestones;
  INSERT INTO message_milestones (message_id, ingested_at, triaged_at, alerted_at, acknowledged_at,
    acknowledged_by, ready_at, first_opened_at, first_opened_by, approved_at, approver, draft_id, word_edits,
    draft_words, sent_words, sent_at, closed_at, close_actor, close_reason, regenerations, feedback_useful,
    feedback_not_useful)
  WITH firsts AS (
    SELECT DISTINCT ON (e.message_id, e.action) e.message_id, e.action, e.at, e.actor, e.data
    FROM events e
    WHERE e.message_id IS NOT NULL
      AND e.action IN ('message.ingested', 'message.triaged', 'alert.posted', 'alert.acknowledged',
        'message.ready', 'message.viewed', 'reply.approved', 'reply.sent', 'message.closed')
      AND (e.action <> 'message.viewed' OR e.actor LIKE 'user:%')
    ORDER BY e.message_id, e.action, e.at, e.id
  ), f AS (
    SELECT message_id,
      max(at) FILTER (WHERE action = 'message.ingested') AS ingested_at,
      max(at) FILTER (WHERE action = 'message.triaged') AS triaged_at,
      max(at) FILTER (WHERE action = 'alert.posted') AS alerted_at,
      max(at) FILTER (WHERE action = 'alert.acknowledged') AS acknowledged_at,
      max(data ->> 'userId') FILTER (WHERE action = 'alert.acknowledged') AS acknowledged_by,
      max(at) FILTER (WHERE action = 'message.ready') AS ready_at,
      max(at) FILTER (WHERE action = 'message.viewed') AS first_opened_at,
      max(actor) FILTER (WHERE action = 'message.viewed') AS first_opened_by,
      max(at) FILTER (WHERE action = 'reply.approved') AS approved_at,
      max(data ->> 'author') FILTER (WHERE action = 'reply.approved') AS approver,
      max(data ->> 'draftId') FILTER (WHERE action = 'reply.approved') AS draft_id,
      max(milestone_number(data -> 'edit' -> 'wordEdits')) FILTER (WHERE action = 'reply.approved') AS word_edits,
      max(milestone_number(data -> 'edit' -> 'draftWords')) FILTER (WHERE action = 'reply.approved') AS draft_words,
      max(milestone_number(data -> 'edit' -> 'sentWords')) FILTER (WHERE action = 'reply.approved') AS sent_words,
      max(at) FILTER (WHERE action = 'reply.sent') AS sent_at,
      max(at) FILTER (WHERE action = 'message.closed') AS closed_at,
      max(actor) FILTER (WHERE action = 'message.closed') AS close_actor,
      max(data ->> 'reason') FILTER (WHERE action = 'message.closed') AS close_reason
    FROM firsts GROUP BY message_id
  ), c AS (
    SELECT message_id,
      (count(*) FILTER (WHERE action = 'draft.regenerated'))::int AS regenerations,
      (count(*) FILTER (WHERE action = 'draft.feedback' AND data -> 'useful' = 'true'::jsonb))::int AS feedback_useful,
      (count(*) FILTER (WHERE action = 'draft.feedback' AND data -> 'useful' = 'false'::jsonb))::int
        AS feedback_not_useful
    FROM events
    WHERE message_id IS NOT NULL AND action IN ('draft.regenerated', 'draft.feedback')
    GROUP BY message_id
  )
  SELECT coalesce(f.message_id, c.message_id), f.ingested_at, f.triaged_at, f.alerted_at, f.acknowledged_at,
    f.acknowledged_by, f.ready_at, f.first_opened_at, f.first_opened_by, f.approved_at, f.approver, f.draft_id,
    f.word_edits, f.draft_words, f.sent_words, f.sent_at, f.closed_at, f.close_actor, f.close_reason,
    coalesce(c.regenerations, 0), coalesce(c.feedback_useful, 0), coalesce(c.feedback_not_useful, 0)
  FROM f FULL JOIN c ON c.message_id = f.message_id;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END;
$$;

SELECT rebuild_message_milestones();
