-- Security controls (issue 13). Forward-only.

-- Where a person's request came from: the client address the web process saw through its TRUST_PROXY
-- hops (never a proxy's own address when the hops are configured); null for the worker's events.
-- Hashed into the chain when present, so it cannot be changed unnoticed either.
ALTER TABLE events ADD COLUMN client_address text CHECK (length(client_address) BETWEEN 1 AND 64);
