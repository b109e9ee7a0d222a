-- Shared by every service (platform-common): the transactional outbox and the consumer inbox.

-- Events written in the same transaction as the state change, published by OutboxRelay.
-- Column names follow the usual outbox layout so a change-data-capture relay could read them too.
CREATE TABLE outbox_event (
    position       BIGSERIAL PRIMARY KEY,          -- publication order
    id             UUID        NOT NULL UNIQUE,    -- CloudEvents id
    topic          TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,           -- Kafka key and CloudEvents subject
    shard          SMALLINT    NOT NULL,           -- hash(aggregate_id) mod 8: one relay per shard keeps order
    type           TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    payload        JSONB       NOT NULL,
    request_id     TEXT,
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (shard, position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- One row per shard; a relay round locks the rows it can get (FOR UPDATE SKIP LOCKED), so two instances of a
-- service share the work without ever publishing one aggregate's events out of order.
CREATE TABLE outbox_shard (shard SMALLINT PRIMARY KEY);
INSERT INTO outbox_shard (shard) SELECT generate_series(0, 7);

-- Events a consumer has applied: inserted first, in the transaction of the effect.
CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    source       TEXT,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
