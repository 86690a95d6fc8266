-- What a consuming service knows about dotes, fed by percorsi.dotes.v1: ids, codes, dates, the
-- dote's terms in cents and months. No personal data.
CREATE TABLE dote_projection (
    dote_id                       UUID         PRIMARY KEY,
    programme_code                VARCHAR(60)  NOT NULL,
    participant_id                UUID         NOT NULL,
    promoter_org_id               VARCHAR(100) NOT NULL,
    region_code                   CHAR(2)      NOT NULL,
    province_code                 CHAR(3)      NOT NULL,
    state                         VARCHAR(20)  NOT NULL,
    assigned_on                   DATE         NOT NULL,
    planned_internship_start      DATE         NOT NULL,
    start_deadline                DATE         NOT NULL,
    internship_months             INT,
    max_extension_months          INT,
    extension_months              INT          NOT NULL DEFAULT 0,
    monthly_allowance_cents       BIGINT,
    attendance_threshold_percent  INT,
    host_contribution_cents       BIGINT,
    promoter_services_cents       BIGINT,
    plan_id                       UUID,
    activated_on                  DATE,
    closed_on                     DATE,
    last_event_id                 VARCHAR(100) NOT NULL,
    last_event_at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dote_projection_participant ON dote_projection (participant_id);
CREATE INDEX dote_projection_promoter ON dote_projection (promoter_org_id);
