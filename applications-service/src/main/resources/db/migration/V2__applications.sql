CREATE TABLE application (
    id                UUID PRIMARY KEY,
    call_id           UUID        NOT NULL REFERENCES programme_call (id),
    region_code       TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    content           JSONB       NOT NULL,   -- what the region wrote (ApplicationContent)
    submission        INTEGER     NOT NULL DEFAULT 0,
    submitted_at      TIMESTAMPTZ,
    content_sha256    TEXT,
    budget_assessment JSONB,
    decision_rank     INTEGER,
    version           BIGINT      NOT NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT application_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'BUDGET_REJECTED',
        'UNDER_EVALUATION', 'SELECTED', 'RESERVE', 'NOT_SELECTED', 'WITHDRAWN'))
);
-- One active application per region and call: the service checks first, the index makes it a fact.
CREATE UNIQUE INDEX application_one_active_per_region ON application (call_id, region_code)
    WHERE status NOT IN ('DRAFT', 'WITHDRAWN');
CREATE INDEX application_listing ON application (call_id, status, created_at, id);
CREATE INDEX application_region ON application (region_code, created_at, id);

CREATE TABLE application_transition (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    from_status    TEXT,
    to_status      TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    reason         TEXT
);
CREATE INDEX application_transition_application ON application_transition (application_id, id);
