CREATE TABLE rubric (
    call_id    UUID PRIMARY KEY,
    content    JSONB       NOT NULL,
    version    BIGINT      NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE evaluator (
    id                 UUID PRIMARY KEY,
    subject            TEXT        NOT NULL UNIQUE,
    name               TEXT        NOT NULL,
    affiliation_region TEXT        NOT NULL,
    institution        TEXT        NOT NULL,
    expertise          JSONB       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE panel (
    call_id       UUID PRIMARY KEY,
    evaluator_ids JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
