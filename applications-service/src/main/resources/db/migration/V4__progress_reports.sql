-- Period reports of selected applications, pushed by the regions' IT systems: one row per application and period
-- (upserted), the counters as columns so the results framework can aggregate them in SQL.
CREATE TABLE progress_report (
    id                      UUID PRIMARY KEY,
    application_id          UUID        NOT NULL REFERENCES application (id),
    call_id                 UUID        NOT NULL,
    region_code             TEXT        NOT NULL,
    period                  TEXT        NOT NULL,
    period_start            DATE        NOT NULL,
    period_end              DATE        NOT NULL,
    external_id             TEXT        NOT NULL,
    smes_supported          INTEGER     NOT NULL CHECK (smes_supported >= 0),
    solutions_deployed      INTEGER     NOT NULL CHECK (solutions_deployed >= 0),
    trainees_trained        INTEGER     NOT NULL CHECK (trainees_trained >= 0),
    ai_adoption_pct         NUMERIC(5, 2) NOT NULL CHECK (ai_adoption_pct BETWEEN 0 AND 100),
    local_vendor_share_pct  NUMERIC(5, 2) NOT NULL CHECK (local_vendor_share_pct BETWEEN 0 AND 100),
    jobs_created            INTEGER     NOT NULL CHECK (jobs_created >= 0),
    correction              BOOLEAN     NOT NULL,
    narrative               TEXT,
    milestones              JSONB       NOT NULL,
    content_sha256          TEXT        NOT NULL,
    revision                INTEGER     NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    updated_by              TEXT        NOT NULL,
    CONSTRAINT progress_report_period_unique UNIQUE (application_id, period),
    CONSTRAINT progress_report_external_id_unique UNIQUE (application_id, external_id)
);
CREATE INDEX progress_report_call ON progress_report (call_id, region_code);
