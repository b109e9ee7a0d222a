-- What ranking and awards need from the copies: each application's requested central money per fiscal year, and
-- each call's central pool per year (filled by the next event of each; 0 until then).
ALTER TABLE evaluated_application
    ADD COLUMN requested_central_by_year JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN scoring_reopened_at       TIMESTAMPTZ;
ALTER TABLE call_evaluation_settings
    ADD COLUMN central_pool_per_year_krw BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN fiscal_years              JSONB  NOT NULL DEFAULT '[]';

-- An evaluator's scores for one stage of one application. A voided sheet stays (an upheld appeal voids it); at most
-- one sheet per evaluator, application and stage is active.
CREATE TABLE score_sheet (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL,
    evaluator_id   UUID        NOT NULL REFERENCES evaluator (id),
    stage          TEXT        NOT NULL,
    scores         JSONB       NOT NULL,
    comment        TEXT,
    revision       INTEGER     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    voided_at      TIMESTAMPTZ,
    void_reason    TEXT
);
CREATE UNIQUE INDEX score_sheet_active ON score_sheet (application_id, evaluator_id, stage) WHERE voided_at IS NULL;

-- Every change to a score sheet, append-only.
CREATE TABLE score_audit (
    id             BIGSERIAL PRIMARY KEY,
    sheet_id       UUID        NOT NULL REFERENCES score_sheet (id),
    application_id UUID        NOT NULL,
    action         TEXT        NOT NULL,
    scores         JSONB       NOT NULL,
    comment        TEXT,
    actor          TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX score_audit_application ON score_audit (application_id, id);

-- Each version of a call's selection decision: inputs, rule set and output, never changed once written.
CREATE TABLE selection_decision (
    call_id          UUID        NOT NULL,
    version          INTEGER     NOT NULL,
    reason           TEXT        NOT NULL,
    rule_set_version TEXT        NOT NULL,
    inputs_sha256    TEXT        NOT NULL,
    inputs           JSONB       NOT NULL,
    output           JSONB       NOT NULL,
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (call_id, version)
);

CREATE FUNCTION selection_decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'selection decisions are immutable; write a new version instead';
END $$;
CREATE TRIGGER selection_decision_immutable BEFORE UPDATE OR DELETE ON selection_decision
    FOR EACH ROW EXECUTE FUNCTION selection_decision_immutable();

CREATE TABLE appeal (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL,
    call_id        UUID        NOT NULL,
    region_code    TEXT        NOT NULL,
    ground         TEXT        NOT NULL,
    statement      TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    filed_by       TEXT        NOT NULL,
    filed_at       TIMESTAMPTZ NOT NULL,
    resolution     TEXT,
    voided_sheets  JSONB       NOT NULL DEFAULT '[]',
    resolved_by    TEXT,
    resolved_at    TIMESTAMPTZ
);
-- One appeal under review per application at a time.
CREATE UNIQUE INDEX appeal_open ON appeal (application_id) WHERE status = 'FILED';
CREATE INDEX appeal_call ON appeal (call_id, filed_at);
