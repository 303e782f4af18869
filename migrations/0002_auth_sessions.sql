-- Accounts and access (issue 5).
-- A browser gets a session before it logs in: the login form's CSRF token lives there. Such a
-- session has no user yet; logging in replaces it with a new one (new id) that has.
ALTER TABLE sessions ALTER COLUMN user_id DROP NOT NULL;
