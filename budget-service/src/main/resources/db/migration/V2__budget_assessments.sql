-- One assessment per submission of an application: a redelivered event cannot create a second one.
CREATE TABLE budget_assessment (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL,
    call_id        UUID        NOT NULL,
    region_code    TEXT        NOT NULL,
    submission     INTEGER     NOT NULL,
    rules_version  BIGINT      NOT NULL,
    input          JSONB       NOT NULL,
    verdict        TEXT        NOT NULL CHECK (verdict IN ('APPROVED', 'REJECTED')),
    violations     JSONB       NOT NULL,
    year_totals    JSONB       NOT NULL,
    overall_totals JSONB       NOT NULL,
    assessed_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (application_id, submission)
);
CREATE INDEX budget_assessment_call ON budget_assessment (call_id);
