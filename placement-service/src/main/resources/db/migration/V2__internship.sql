-- Internships of dotes at hosts, and their monthly attendance.

CREATE TABLE internship (
    id                            UUID          PRIMARY KEY,
    dote_id                       UUID          NOT NULL,
    participant_id                UUID          NOT NULL,
    promoter_org_id               VARCHAR(100)  NOT NULL,
    programme_code                VARCHAR(60)   NOT NULL,
    region_code                   CHAR(2)       NOT NULL,
    province_code                 CHAR(3)       NOT NULL,
    employer_id                   UUID          NOT NULL REFERENCES employer (id),
    host_org_id                   VARCHAR(100),
    site_municipality             CHAR(6)       NOT NULL,
    start_date                    DATE          NOT NULL,
    planned_end_date              DATE          NOT NULL,
    weekly_hours                  INTEGER       NOT NULL CHECK (weekly_hours BETWEEN 20 AND 30),
    internship_months             INTEGER       NOT NULL,
    extension_months              INTEGER       NOT NULL,
    attendance_threshold_percent  INTEGER       NOT NULL,
    company_tutor                 VARCHAR(200)  NOT NULL,
    promoter_tutor                VARCHAR(200)  NOT NULL,
    tasks                         VARCHAR(2000) NOT NULL,
    state                         VARCHAR(20)   NOT NULL
        CHECK (state IN ('STARTED', 'COMPLETED', 'INTERRUPTED')),
    ended_on                      DATE,
    interruption_reason           VARCHAR(30)
        CHECK (interruption_reason IN ('HIRED_BY_HOST', 'PARTICIPANT_WITHDREW', 'HOST_WITHDREW',
                                       'OTHER')),
    started_at                    TIMESTAMPTZ   NOT NULL,
    updated_at                    TIMESTAMPTZ   NOT NULL,
    version                       BIGINT        NOT NULL
);
-- One running internship per participant, enforced by the database as well.
CREATE UNIQUE INDEX internship_running_participant ON internship (participant_id)
    WHERE state = 'STARTED';
CREATE INDEX internship_employer_state ON internship (employer_id, state);
CREATE INDEX internship_dote ON internship (dote_id);
CREATE INDEX internship_promoter ON internship (promoter_org_id);
CREATE INDEX internship_host ON internship (host_org_id);
CREATE INDEX internship_started ON internship (started_at, id);

CREATE TABLE attendance_month (
    id                    UUID         PRIMARY KEY,
    internship_id         UUID         NOT NULL REFERENCES internship (id),
    dote_id               UUID         NOT NULL,
    month                 CHAR(7)      NOT NULL,
    planned_hours         INTEGER      NOT NULL CHECK (planned_hours >= 0),
    attended_hours        INTEGER      NOT NULL CHECK (attended_hours >= 0),
    covered_working_days  INTEGER      NOT NULL,
    month_working_days    INTEGER      NOT NULL,
    entered_by            VARCHAR(10)  NOT NULL CHECK (entered_by IN ('HOST', 'PROMOTER')),
    entered_at            TIMESTAMPTZ  NOT NULL,
    confirmed_by          VARCHAR(10)  CHECK (confirmed_by IN ('HOST', 'PROMOTER')),
    confirmed_at          TIMESTAMPTZ,
    version               BIGINT       NOT NULL,
    UNIQUE (internship_id, month)
);
