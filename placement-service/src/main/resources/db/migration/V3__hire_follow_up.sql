-- Hires (UNILAV contract types) and the follow-up checkpoints 1, 3, 6 and 12 months after an
-- internship ended.

CREATE TABLE hire (
    id                  UUID         PRIMARY KEY,
    participant_id      UUID         NOT NULL,
    internship_id       UUID         REFERENCES internship (id),
    dote_id             UUID,
    promoter_org_id     VARCHAR(100) NOT NULL,
    province_code       CHAR(3)      NOT NULL,
    employer_tax_code   VARCHAR(16)  NOT NULL,
    employer_id         UUID         REFERENCES employer (id),
    contract_type       CHAR(7)      NOT NULL,
    contract_family     VARCHAR(20)  NOT NULL,
    start_date          DATE         NOT NULL,
    end_date            DATE,
    weekly_hours        INTEGER      NOT NULL CHECK (weekly_hours BETWEEN 1 AND 48),
    ateco_code          VARCHAR(8)   NOT NULL,
    istat_profession    VARCHAR(20),
    recorded_by_org_id  VARCHAR(100) NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX hire_participant ON hire (participant_id, start_date);
CREATE INDEX hire_recorded ON hire (recorded_at, id);

CREATE TABLE follow_up (
    id               UUID         PRIMARY KEY,
    internship_id    UUID         NOT NULL REFERENCES internship (id),
    dote_id          UUID         NOT NULL,
    participant_id   UUID         NOT NULL,
    promoter_org_id  VARCHAR(100) NOT NULL,
    province_code    CHAR(3)      NOT NULL,
    months           INTEGER      NOT NULL CHECK (months IN (1, 3, 6, 12)),
    due_on           DATE         NOT NULL,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('SCHEDULED', 'WAITING', 'RECORDED')),
    employed         BOOLEAN,
    contract_type    CHAR(7),
    contract_family  VARCHAR(20),
    hire_id          UUID         REFERENCES hire (id),
    source           VARCHAR(20),
    recorded_at      TIMESTAMPTZ,
    version          BIGINT       NOT NULL,
    UNIQUE (internship_id, months)
);
CREATE INDEX follow_up_due ON follow_up (status, due_on);
