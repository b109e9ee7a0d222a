-- Idempotency-Key records (platform-common Idempotency): one per caller and key, written in the same transaction as
-- the effect of the request, replayed for retries, purged after 48 hours.
CREATE TABLE idempotency_record (
    caller           TEXT        NOT NULL,
    idem_key         TEXT        NOT NULL,
    fingerprint      TEXT        NOT NULL,   -- SHA-256 of method, path and canonical request body
    response_status  INTEGER     NOT NULL,
    response_headers JSONB       NOT NULL,
    response_body    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
