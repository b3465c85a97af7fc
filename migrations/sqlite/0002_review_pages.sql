-- Reviewers' web pages and the near-duplicate bank (issue 14). docs/serve.md#reviewers-pages.

-- Login sessions of the pages, in the database so that every replica knows them. The cookie holds
-- a random secret; only its SHA-256 is stored. `csrf` is the session's anti-forgery token.
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,                       -- hex SHA-256 of the cookie's secret
    reviewer   TEXT NOT NULL,
    role       TEXT NOT NULL,                          -- review | admin
    csrf       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- The near-duplicate bank: the PDQ hash of every image a reviewer confirmed or overturned. Every
-- replica loads it into memory at start and polls `updated_at` for changes.
CREATE TABLE bank (
    scan_id     TEXT PRIMARY KEY REFERENCES scans (id),
    pdq         TEXT NOT NULL,                         -- 64 hex digits
    quality     BIGINT NOT NULL,                       -- PDQ quality, 0..100
    decision    TEXT NOT NULL,                         -- confirm | overturn
    enabled     BIGINT NOT NULL DEFAULT 1,             -- 0: listed, never matches
    decided_by  TEXT NOT NULL,
    decided_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,                       -- last change (decision, disable, enable)
    changed_by  TEXT                                   -- who last disabled or enabled it
);
CREATE INDEX bank_updated ON bank (updated_at);
