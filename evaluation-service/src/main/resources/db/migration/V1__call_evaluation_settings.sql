-- evaluation-service's copy of each call's evaluation settings, fed by the ax.calls topic.
CREATE TABLE call_evaluation_settings (
    call_id                 UUID PRIMARY KEY,
    code                    TEXT        NOT NULL,
    call_status             TEXT        NOT NULL,
    slots                   INTEGER     NOT NULL,
    reserve_slots           INTEGER     NOT NULL,
    document_weight_pct     INTEGER     NOT NULL,
    presentation_weight_pct INTEGER     NOT NULL,
    call_version            BIGINT      NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);
