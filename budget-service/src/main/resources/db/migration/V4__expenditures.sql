-- Spending lines of selected applications, idempotent per application by the regional system's externalId.
CREATE TABLE expenditure (
    id                 UUID PRIMARY KEY,
    application_id     UUID        NOT NULL,
    external_id        TEXT        NOT NULL,
    fiscal_year        INTEGER     NOT NULL,
    spent_on           DATE        NOT NULL,
    source             TEXT        NOT NULL CHECK (source IN ('CENTRAL', 'LOCAL_GOVERNMENT', 'SELF_CONTRIBUTION')),
    amount_krw         BIGINT      NOT NULL CHECK (amount_krw > 0),
    category           TEXT        NOT NULL,
    evidence_type      TEXT        NOT NULL,
    evidence_reference TEXT        NOT NULL,
    recorded_by        TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (application_id, external_id)
);
CREATE INDEX expenditure_totals ON expenditure (application_id, fiscal_year, source);

-- Whether the local-government share of spending is below the call's minimum (raised once, as an event).
ALTER TABLE fund_allocation ADD COLUMN local_share_drift BOOLEAN NOT NULL DEFAULT false;
