-- Central money per call and fiscal year. The CHECK makes over-commitment impossible even if code were wrong.
CREATE TABLE fund_pool (
    call_id       UUID    NOT NULL,
    fiscal_year   INTEGER NOT NULL,
    pool_krw      BIGINT  NOT NULL CHECK (pool_krw >= 0),
    committed_krw BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (call_id, fiscal_year),
    CONSTRAINT fund_pool_not_overcommitted CHECK (committed_krw >= 0 AND committed_krw <= pool_krw)
);

-- The central amounts awarded to a selected application, per fiscal year; refused allocations are kept too.
CREATE TABLE fund_allocation (
    application_id UUID PRIMARY KEY,
    call_id        UUID        NOT NULL,
    region_code    TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('COMMITTED', 'REFUSED', 'RELEASED')),
    central_by_year JSONB      NOT NULL,   -- {"2026": 3000000000, ...}
    reason         TEXT,
    decided_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX fund_allocation_call ON fund_allocation (call_id);
