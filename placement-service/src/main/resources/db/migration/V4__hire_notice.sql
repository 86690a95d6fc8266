-- Hires from the mandatory employment notices (UNILAV): where a hire comes from, the notices
-- applied (idempotency on the notice's code, and what a cancellation or correction undoes), the
-- import batches with their report, and an internship's start confirmed by a notice. No worker's
-- tax code is stored here: workers are matched to participants by participant-service.

ALTER TABLE hire ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'MANUAL'
    CHECK (source IN ('MANUAL', 'NOTICE'));
ALTER TABLE hire ADD COLUMN notice_code VARCHAR(40);
CREATE INDEX hire_participant_employer ON hire (participant_id, employer_tax_code, start_date);

ALTER TABLE internship ADD COLUMN start_notice_code VARCHAR(40);

CREATE TABLE notice_batch (
    id                   UUID          PRIMARY KEY,
    status               VARCHAR(20)   NOT NULL
        CHECK (status IN ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED')),
    uploaded_by_org_id   VARCHAR(100),
    uploaded_by_subject  VARCHAR(255)  NOT NULL,
    received_at          TIMESTAMPTZ   NOT NULL,
    finished_at          TIMESTAMPTZ,
    received             INTEGER       NOT NULL DEFAULT 0,
    about_participants   INTEGER       NOT NULL DEFAULT 0,
    dropped              INTEGER       NOT NULL DEFAULT 0,
    applied              INTEGER       NOT NULL DEFAULT 0,
    unchanged            INTEGER       NOT NULL DEFAULT 0,
    invalid              INTEGER       NOT NULL DEFAULT 0,
    failure              VARCHAR(500),
    version              BIGINT        NOT NULL
);

-- The first invalid notices of a batch, with their position and reason (never their content).
CREATE TABLE notice_batch_problem (
    batch_id      UUID          NOT NULL REFERENCES notice_batch (id) ON DELETE CASCADE,
    seq           INTEGER       NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    notice_index  INTEGER       NOT NULL,
    line          INTEGER,
    notice_code   VARCHAR(40),
    reason        VARCHAR(500)  NOT NULL,
    PRIMARY KEY (batch_id, seq)
);

-- Each notice applied, once. A cancellation or correction marks the notice it targets and keeps
-- what it changed, so that it can be undone.
CREATE TABLE hire_notice (
    notice_code          VARCHAR(40)   PRIMARY KEY,
    kind                 VARCHAR(15)   NOT NULL
        CHECK (kind IN ('ORIGINAL', 'CORRECTION', 'CANCELLATION')),
    event                VARCHAR(15)   NOT NULL
        CHECK (event IN ('HIRE', 'EXTENSION', 'TRANSFORMATION', 'END', 'INTERNSHIP')),
    targets_code         VARCHAR(40),
    state                VARCHAR(15)   NOT NULL
        CHECK (state IN ('APPLIED', 'CORRECTED', 'CANCELLED')),
    participant_id       UUID          NOT NULL,
    hire_id              UUID,
    internship_id        UUID,
    prev_contract_type   CHAR(7),
    prev_contract_family VARCHAR(20),
    prev_end_date        DATE,
    prev_weekly_hours    INTEGER,
    prev_istat           VARCHAR(20),
    batch_id             UUID          NOT NULL,
    applied_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX hire_notice_hire ON hire_notice (hire_id);
