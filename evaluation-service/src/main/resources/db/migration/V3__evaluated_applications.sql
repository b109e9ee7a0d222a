-- evaluation-service's copy of each submitted application, fed by the ax.applications topic.
CREATE TABLE evaluated_application (
    application_id        UUID PRIMARY KEY,
    call_id               UUID        NOT NULL,
    region_code           TEXT        NOT NULL,
    title                 TEXT        NOT NULL,
    lead_agency           TEXT,
    partners              JSONB       NOT NULL,
    application_status    TEXT        NOT NULL,
    submitted_at          TIMESTAMPTZ,
    snapshot_version      BIGINT      NOT NULL,
    evaluation_started_at TIMESTAMPTZ
);
CREATE INDEX evaluated_application_call ON evaluated_application (call_id, application_status);
