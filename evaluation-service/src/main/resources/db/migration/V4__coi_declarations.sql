-- Signed conflict-of-interest declarations: one per evaluator and application, never changed.
CREATE TABLE coi_declaration (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID        NOT NULL,
    evaluator_id   UUID        NOT NULL REFERENCES evaluator (id),
    conflict       BOOLEAN     NOT NULL,
    statement      TEXT        NOT NULL,
    declared_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (application_id, evaluator_id)
);
