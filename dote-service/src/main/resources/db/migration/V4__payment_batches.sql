-- SEPA credit-transfer batches (issue 15): authorised disbursements leave as pain.001.001.09
-- files; the bank's pain.002 (or the agency) settles each transfer paid or rejected.

-- A disbursement in a batch waiting for the bank is BATCHED; a rejected transfer returns it to
-- AUTHORISED with the bank's reason.
ALTER TABLE disbursement DROP CONSTRAINT disbursement_status_check;
ALTER TABLE disbursement ADD CONSTRAINT disbursement_status_check
    CHECK (status IN ('AUTHORISED', 'NOT_PAYABLE', 'BATCHED', 'PAID'));
ALTER TABLE disbursement ADD COLUMN rejection_reason VARCHAR(500);
ALTER TABLE disbursement ADD COLUMN rejected_at TIMESTAMPTZ;
CREATE INDEX disbursement_payable ON disbursement (status, kind, period) WHERE status = 'AUTHORISED';

-- Promoter organisations the agency pays, with their account (an organisation's, not a person's).
CREATE TABLE promoter_organisation (
    org_id          VARCHAR(100) PRIMARY KEY,
    name            VARCHAR(140) NOT NULL,
    iban            VARCHAR(34)  NOT NULL,
    account_holder  VARCHAR(140) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE payment_batch (
    id                  UUID         PRIMARY KEY,
    message_id          VARCHAR(35)  NOT NULL UNIQUE,
    programme_code      VARCHAR(60),
    period              VARCHAR(60),
    kind                VARCHAR(30),
    state               VARCHAR(20)  NOT NULL CHECK (state IN ('OPEN', 'SETTLED')),
    transfers           INT          NOT NULL CHECK (transfers > 0),
    control_sum_cents   BIGINT       NOT NULL CHECK (control_sum_cents > 0),
    requested_on        DATE         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(100),
    -- The pain.001 as given to the bank: it holds the payees' IBANs and names, read by the agency only.
    file                TEXT         NOT NULL,
    version             BIGINT       NOT NULL
);

-- One transfer per disbursement of a batch. A disbursement is in at most one batch waiting for the
-- bank, and is paid at most once, whatever the code does: one PENDING or PAID transfer each.
CREATE TABLE payment_transfer (
    batch_id         UUID         NOT NULL REFERENCES payment_batch (id),
    disbursement_id  UUID         NOT NULL REFERENCES disbursement (id),
    end_to_end_id    VARCHAR(35)  NOT NULL,
    payee_kind       VARCHAR(20)  NOT NULL CHECK (payee_kind IN ('PARTICIPANT', 'HOST', 'PROMOTER')),
    amount_cents     BIGINT       NOT NULL CHECK (amount_cents > 0),
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'PAID', 'REJECTED')),
    reason           VARCHAR(500),
    settled_at       TIMESTAMPTZ,
    settled_by       VARCHAR(100),
    PRIMARY KEY (batch_id, disbursement_id),
    UNIQUE (batch_id, end_to_end_id)
);
CREATE UNIQUE INDEX payment_transfer_once ON payment_transfer (disbursement_id)
    WHERE status IN ('PENDING', 'PAID');

-- Authorised disbursements a batch left out, and why (the payee has no account).
CREATE TABLE payment_batch_exclusion (
    batch_id         UUID         NOT NULL REFERENCES payment_batch (id),
    disbursement_id  UUID         NOT NULL REFERENCES disbursement (id),
    reason           VARCHAR(200) NOT NULL,
    PRIMARY KEY (batch_id, disbursement_id)
);
