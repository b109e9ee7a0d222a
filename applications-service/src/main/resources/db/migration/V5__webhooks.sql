-- Portals' webhook subscriptions and the deliveries made to them. A delivery row is written, in the same transaction
-- as the consumed event's inbox entry, for every subscription that may see the event: nothing is lost when this
-- service stops, and (subscription, event) is unique, so an event consumed twice is delivered once.
CREATE TABLE webhook_subscription (
    id                    UUID PRIMARY KEY,
    owner                 TEXT        NOT NULL,
    owner_role            TEXT        NOT NULL,
    url                   TEXT        NOT NULL,
    event_types           JSONB       NOT NULL,
    -- Standard Webhooks secret (whsec_ + base64). Kept to sign with; never answered after creation or rotation.
    secret                TEXT        NOT NULL,
    status                TEXT        NOT NULL,
    consecutive_failures  INTEGER     NOT NULL DEFAULT 0,
    disabled_reason       TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE INDEX webhook_subscription_active ON webhook_subscription (status);

CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL,
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at DESC);
