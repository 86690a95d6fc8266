-- plan-service: personalised intervention plans (PIP), their versions, the service catalogue,
-- service deliveries and the audit trail.
--
-- A plan version's content (objectives, assessed profile, activities, planned internship,
-- signatures) is one JSONB document: a version is written and approved as a whole, never changes
-- once approved, and the changes between two versions are a JSON Patch of two documents. What is
-- queried or enforced across rows (states, owner, province, deliveries) lives in columns.

-- The service catalogue is data, like programmes. Costs marked example = true are illustrative.
CREATE TABLE service_catalogue (
    code                VARCHAR(40)  PRIMARY KEY,
    name_it             VARCHAR(200) NOT NULL,
    name_en             VARCHAR(200) NOT NULL,
    unit                VARCHAR(10)  NOT NULL CHECK (unit IN ('HOUR', 'OUTCOME')),
    unit_cost_cents     BIGINT       NOT NULL CHECK (unit_cost_cents >= 0),
    max_units_per_plan  INTEGER      NOT NULL CHECK (max_units_per_plan > 0),
    example             BOOLEAN      NOT NULL
);

INSERT INTO service_catalogue VALUES
 ('INTAKE_PROFILING', 'Accoglienza e profilazione', 'Intake and profiling', 'OUTCOME', 10000, 1, TRUE),
 ('SPECIALIST_ORIENTATION', 'Orientamento specialistico', 'Specialist orientation', 'HOUR', 3500, 16, TRUE),
 ('SKILLS_ASSESSMENT', 'Bilancio delle competenze', 'Skills assessment', 'HOUR', 3500, 12, TRUE),
 ('ON_THE_JOB_TRAINING', 'Formazione on the job', 'On-the-job training', 'HOUR', 3000, 40, TRUE),
 ('INTERNSHIP_TUTORING', 'Tutoraggio del tirocinio (soggetto promotore)', 'Internship tutoring by the promoter', 'HOUR', 3000, 30, TRUE),
 ('JOB_SEARCH_SUPPORT', 'Accompagnamento al lavoro', 'Job-search support', 'HOUR', 3500, 20, TRUE),
 ('AUTONOMY_SUPPORT', 'Sostegno all''autonomia abitativa e personale', 'Support towards housing and autonomy', 'HOUR', 3000, 20, TRUE),
 ('ITALIAN_LANGUAGE', 'Supporto linguistico (italiano L2)', 'Italian language support', 'HOUR', 2500, 40, TRUE);

-- One plan per dote, owned by the dote's promoter; the province is the participant's.
CREATE TABLE plan (
    id                  UUID         PRIMARY KEY,
    dote_id             UUID         NOT NULL UNIQUE,
    participant_id      UUID         NOT NULL,
    programme_code      VARCHAR(60)  NOT NULL,
    promoter_org_id     VARCHAR(100) NOT NULL,
    region_code         CHAR(2)      NOT NULL,
    province_code       CHAR(3)      NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    current_version     INTEGER      NOT NULL,
    version_in_force    INTEGER,
    closed_reason       VARCHAR(30),
    closed_on           DATE,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX plan_participant ON plan (participant_id);
CREATE INDEX plan_promoter ON plan (promoter_org_id, created_at, id);
CREATE INDEX plan_province ON plan (province_code, created_at, id);
CREATE INDEX plan_order ON plan (created_at, id);

CREATE TABLE plan_version (
    id                  UUID         PRIMARY KEY,
    plan_id             UUID         NOT NULL REFERENCES plan (id),
    number              INTEGER      NOT NULL CHECK (number >= 1),
    state               VARCHAR(20)  NOT NULL,
    content             JSONB        NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    submitted_at        TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    decided_on          DATE,
    decided_by_org      VARCHAR(100),
    return_reasons      VARCHAR(400),
    return_note         VARCHAR(2000),
    superseded_on       DATE,
    UNIQUE (plan_id, number)
);

-- A plan's history is on the platform's audit_trail (aggregate_type 'plan').

CREATE TABLE service_delivery (
    id                  UUID         PRIMARY KEY,
    plan_id             UUID         NOT NULL REFERENCES plan (id),
    dote_id             UUID         NOT NULL,
    activity_id         UUID         NOT NULL,
    service_code        VARCHAR(40)  NOT NULL REFERENCES service_catalogue (code),
    plan_version        INTEGER      NOT NULL,
    delivered_on        DATE         NOT NULL,
    hours               INTEGER      NOT NULL CHECK (hours > 0),
    note                VARCHAR(2000),
    state               VARCHAR(20)  NOT NULL,
    amount_cents        BIGINT       NOT NULL CHECK (amount_cents >= 0),
    recorded_at         TIMESTAMPTZ  NOT NULL,
    decided_at          TIMESTAMPTZ,
    rejection_reason    VARCHAR(40),
    version             BIGINT       NOT NULL
);
CREATE INDEX service_delivery_plan ON service_delivery (plan_id, activity_id);
