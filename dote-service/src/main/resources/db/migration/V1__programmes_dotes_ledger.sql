-- Programmes (calls): rules as data. A published programme's rules never change.
CREATE TABLE programme (
    code                             VARCHAR(60)  PRIMARY KEY,
    title                            VARCHAR(300) NOT NULL,
    state                            VARCHAR(20)  NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
    example                          BOOLEAN      NOT NULL DEFAULT FALSE,
    application_opens                DATE         NOT NULL,
    application_closes               DATE         NOT NULL,
    min_age                          INT          NOT NULL CHECK (min_age >= 0),
    max_age_exclusive                INT          NOT NULL,
    requires_unaccompanied_minor     BOOLEAN      NOT NULL,
    requires_unemployed              BOOLEAN      NOT NULL,
    requires_valid_permit            BOOLEAN      NOT NULL,
    requires_did_and_agreement       BOOLEAN      NOT NULL,
    requires_consent                 BOOLEAN      NOT NULL,
    internship_months                INT          NOT NULL CHECK (internship_months > 0),
    max_extension_months             INT          NOT NULL CHECK (max_extension_months >= 0),
    monthly_allowance_cents          BIGINT       NOT NULL CHECK (monthly_allowance_cents >= 0),
    attendance_threshold_percent     INT          NOT NULL CHECK (attendance_threshold_percent BETWEEN 1 AND 100),
    host_contribution_cents          BIGINT       NOT NULL CHECK (host_contribution_cents >= 0),
    promoter_services_cents          BIGINT       NOT NULL CHECK (promoter_services_cents >= 0),
    total_dotes                      INT          NOT NULL CHECK (total_dotes > 0),
    promoter_cap                     INT          CHECK (promoter_cap > 0),
    clearance_to_start_days          INT          NOT NULL CHECK (clearance_to_start_days > 0),
    published_at                     TIMESTAMPTZ,
    version                          BIGINT       NOT NULL DEFAULT 0,
    CHECK (application_closes >= application_opens),
    CHECK (max_age_exclusive > min_age)
);

-- One row per region of a programme. assigned counts places held by ASSIGNED/ACTIVE/EXTENDED/
-- COMPLETED dotes; the CHECK makes exceeding the quota impossible whatever the code does.
CREATE TABLE regional_quota (
    programme_code  VARCHAR(60) NOT NULL REFERENCES programme (code),
    region_code     CHAR(2)     NOT NULL,
    total           INT         NOT NULL CHECK (total >= 0),
    assigned        INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_code, region_code),
    CHECK (assigned >= 0 AND assigned <= total)
);

-- Places held per promoter organisation, under the programme's cap.
CREATE TABLE promoter_allocation (
    programme_code  VARCHAR(60)  NOT NULL REFERENCES programme (code),
    org_id          VARCHAR(100) NOT NULL,
    assigned        INT          NOT NULL CHECK (assigned >= 0),
    PRIMARY KEY (programme_code, org_id)
);

CREATE TABLE dote (
    id                          UUID         PRIMARY KEY,
    programme_code              VARCHAR(60)  NOT NULL REFERENCES programme (code),
    participant_id              UUID         NOT NULL,
    promoter_org_id             VARCHAR(100) NOT NULL,
    region_code                 CHAR(2)      NOT NULL,
    province_code               CHAR(3)      NOT NULL,
    state                       VARCHAR(20)  NOT NULL
        CHECK (state IN ('ASSIGNED', 'ACTIVE', 'EXTENDED', 'COMPLETED', 'REVOKED', 'EXPIRED')),
    planned_internship_start    DATE         NOT NULL,
    assigned_on                 DATE         NOT NULL,
    start_deadline              DATE         NOT NULL,
    internship_months           INT          NOT NULL,
    extension_months            INT          NOT NULL DEFAULT 0,
    plan_id                     UUID,
    activated_on                DATE,
    closed_on                   DATE,
    close_reason                VARCHAR(500),
    created_at                  TIMESTAMPTZ  NOT NULL,
    version                     BIGINT       NOT NULL
);
-- One dote per person per programme, and one live dote per person at a time, enforced by the
-- database so that concurrent applications cannot both pass.
CREATE UNIQUE INDEX dote_one_per_programme ON dote (programme_code, participant_id)
    WHERE state IN ('ASSIGNED', 'ACTIVE', 'EXTENDED', 'COMPLETED');
CREATE UNIQUE INDEX dote_one_live_per_person ON dote (participant_id)
    WHERE state IN ('ASSIGNED', 'ACTIVE', 'EXTENDED');
CREATE INDEX dote_programme_state ON dote (programme_code, state);
CREATE INDEX dote_promoter ON dote (promoter_org_id);
CREATE INDEX dote_expiry ON dote (start_deadline) WHERE state = 'ASSIGNED';

-- The ledger: each line's remaining amount can never go below zero (a constraint, not a check).
CREATE TABLE budget_line (
    dote_id          UUID        NOT NULL REFERENCES dote (id),
    kind             VARCHAR(30) NOT NULL
        CHECK (kind IN ('PARTICIPANT_ALLOWANCE', 'HOST_CONTRIBUTION', 'PROMOTER_SERVICES')),
    committed_cents  BIGINT      NOT NULL CHECK (committed_cents >= 0),
    remaining_cents  BIGINT      NOT NULL CHECK (remaining_cents >= 0),
    version          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (dote_id, kind),
    CHECK (remaining_cents <= committed_cents)
);

CREATE TABLE disbursement (
    id                 UUID         PRIMARY KEY,
    dote_id            UUID         NOT NULL REFERENCES dote (id),
    kind               VARCHAR(30)  NOT NULL,
    period             VARCHAR(60)  NOT NULL,
    status             VARCHAR(20)  NOT NULL CHECK (status IN ('AUTHORISED', 'NOT_PAYABLE', 'PAID')),
    amount_cents       BIGINT       NOT NULL CHECK (amount_cents >= 0),
    reason             VARCHAR(500),
    source_event_id    VARCHAR(100) NOT NULL,
    authorised_at      TIMESTAMPTZ  NOT NULL,
    payment_reference  VARCHAR(100),
    paid_at            TIMESTAMPTZ,
    version            BIGINT       NOT NULL
);
-- A month (or a delivery, or the completion) is settled at most once per dote and line.
CREATE UNIQUE INDEX disbursement_once ON disbursement (dote_id, kind, period);
