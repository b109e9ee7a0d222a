-- API keys of machine clients (portals, regional IT systems). Only the SHA-256 of a key is kept; the key itself is
-- shown once, when it is made or rotated.
CREATE TABLE api_key (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    key_hash    TEXT        NOT NULL UNIQUE,
    key_prefix  TEXT        NOT NULL,
    roles       JSONB       NOT NULL,
    region_code TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    rotated_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    revoked_by  TEXT
);
