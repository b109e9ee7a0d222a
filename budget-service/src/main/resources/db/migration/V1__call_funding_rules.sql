-- budget-service's copy of each call's co-financing rules, fed by the ax.calls topic.
CREATE TABLE call_funding_rules (
    call_id                                   UUID PRIMARY KEY,
    code                                      TEXT        NOT NULL,
    call_status                               TEXT        NOT NULL,
    fiscal_years                              JSONB       NOT NULL,
    central_pool_per_year_krw                 BIGINT      NOT NULL,
    central_reference_per_region_per_year_krw BIGINT      NOT NULL,
    central_share_max_bp                      INTEGER     NOT NULL,
    local_government_share_min_bp             INTEGER     NOT NULL,
    call_version                              BIGINT      NOT NULL,
    updated_at                                TIMESTAMPTZ NOT NULL
);
