-- What a consuming service knows about participants, fed by percorsi.participants.v1.
-- Non-identifying facts only: personal data stays in participant-service.
CREATE TABLE participant_projection (
    participant_id                  UUID         PRIMARY KEY,
    region_code                     CHAR(2)      NOT NULL,
    province_code                   CHAR(3)      NOT NULL,
    nationality                     CHAR(3),
    entered_as_unaccompanied_minor  BOOLEAN      NOT NULL,
    owner_org_id                    VARCHAR(100) NOT NULL,
    registered_on                   DATE         NOT NULL,
    last_event_id                   VARCHAR(100) NOT NULL,
    last_event_at                   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX participant_projection_owner ON participant_projection (owner_org_id);
