-- shanzhai serve: scans (jobs), their uploads, the review queue and its audit log.
-- Times are milliseconds since the Unix epoch. docs/serve.md explains the design.

CREATE TABLE scans (
    id                TEXT PRIMARY KEY,
    data_id           TEXT,
    sha256            TEXT NOT NULL,
    mode              TEXT NOT NULL,                   -- sync | async
    status            TEXT NOT NULL,                   -- queued | running | done | failed
    submitted_by      TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    attempts          BIGINT NOT NULL DEFAULT 0,       -- runs started
    lease_owner       TEXT,                            -- replica running it
    lease_token       TEXT,                            -- this run's claim, fences late writers
    lease_until       BIGINT,
    scanned_by        TEXT,
    result            TEXT,                            -- the scan's JSON object
    error             TEXT,
    callback_url      TEXT,
    callback_status   TEXT NOT NULL DEFAULT 'none',    -- none | pending | delivered | failed
    callback_attempts BIGINT NOT NULL DEFAULT 0,
    callback_next_at  BIGINT,
    callback_error    TEXT
);
CREATE INDEX scans_queue ON scans (status, created_at);
CREATE INDEX scans_callbacks ON scans (callback_status, callback_next_at);

-- Upload bytes, apart so that queue scans never read them: kept from acceptance until the job is
-- done, then only for uploads that went to review.
CREATE TABLE uploads (
    scan_id TEXT PRIMARY KEY REFERENCES scans (id),
    bytes   BYTEA NOT NULL
);

CREATE TABLE review_items (
    scan_id     TEXT PRIMARY KEY REFERENCES scans (id),
    verdict     TEXT NOT NULL,                         -- review | block
    status      TEXT NOT NULL,                         -- pending | claimed | decided
    created_at  BIGINT NOT NULL,
    claimed_by  TEXT,                                  -- last claimant
    claimed_at  BIGINT,
    lease_until BIGINT,
    decision    TEXT,                                  -- confirm | overturn | escalate
    reason      TEXT,
    decided_by  TEXT,
    decided_at  BIGINT
);
CREATE INDEX review_queue ON review_items (status, created_at);

CREATE TABLE audit (
    id       BIGSERIAL PRIMARY KEY,
    at       BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,                            -- claim | expire | decision
    scan_id  TEXT NOT NULL,
    decision TEXT,
    reason   TEXT
);

-- Append-only, whatever the code does.
CREATE FUNCTION shanzhai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION shanzhai_audit_append_only();
