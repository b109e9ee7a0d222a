CREATE TABLE programme_call (
    id                                        UUID PRIMARY KEY,
    code                                      TEXT        NOT NULL UNIQUE,
    title                                     TEXT        NOT NULL,
    status                                    TEXT        NOT NULL,
    opens_at                                  TIMESTAMPTZ NOT NULL,
    closes_at                                 TIMESTAMPTZ NOT NULL,
    fiscal_years                              JSONB       NOT NULL,
    slots                                     INTEGER     NOT NULL,
    reserve_slots                             INTEGER     NOT NULL,
    central_pool_per_year_krw                 BIGINT      NOT NULL,
    central_reference_per_region_per_year_krw BIGINT      NOT NULL,
    central_share_max_bp                      INTEGER     NOT NULL,
    local_government_share_min_bp             INTEGER     NOT NULL,
    excluded_regions                          JSONB       NOT NULL,
    document_weight_pct                       INTEGER     NOT NULL,
    presentation_weight_pct                   INTEGER     NOT NULL,
    version                                   BIGINT      NOT NULL,
    created_at                                TIMESTAMPTZ NOT NULL,
    updated_at                                TIMESTAMPTZ NOT NULL,
    CONSTRAINT programme_call_status CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'DECIDED')),
    CONSTRAINT programme_call_window CHECK (closes_at > opens_at)
);
CREATE INDEX programme_call_status_created ON programme_call (status, created_at DESC);
